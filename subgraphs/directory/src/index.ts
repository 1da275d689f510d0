import 'reflect-metadata';
import './messages';
import { loadConfig, logger, runSubgraphMain, SubgraphDefinition } from '@kg/platform';
import { CountryResolver } from './country/country.resolver';
import { CountryService } from './country/country.service';
import { CountryStore } from './country/country.store';
import { Country } from './country/country.type';
import { migrations } from './migrations/0001_init';
import { OccupationResolver } from './occupation/occupation.resolver';
import { OccupationService } from './occupation/occupation.service';
import { TerritoryResolver } from './territory/territory.resolver';
import { TerritoryService } from './territory/territory.service';
import { TerritoryStore } from './territory/territory.store';
import { Territory } from './territory/territory.type';

export const directory: SubgraphDefinition = {
  name: 'directory',
  resolvers: [TerritoryResolver, CountryResolver, OccupationResolver],
  migrations,
  create({ db }) {
    const territories = new TerritoryService(new TerritoryStore(db));
    const countries = new CountryService(new CountryStore(db));
    const occupations = new OccupationService();
    return {
      resolvers: [new TerritoryResolver(territories), new CountryResolver(countries), new OccupationResolver(occupations)],
      referenceResolvers: {
        Territory: (ref: { code: string }, ctx) => territories.byCode(ref.code, ctx),
        Country: (ref: { code: string }, ctx) => countries.byCode(ref.code, ctx),
        Occupation: (ref: { code: string }) => occupations.byCode(ref.code),
      },
      async seed() {
        const counts = await territories.load();
        await countries.load();
        logger.info({ territories: counts }, 'directory reference data loaded');
      },
    };
  },
};

export { Territory, Country };

if (require.main === module) runSubgraphMain(directory, loadConfig());
