import 'reflect-metadata';
import './messages';
import { loadConfig, RequestContext, runSubgraphMain, SubgraphDefinition } from '@kg/platform';
import { AgencyResolver } from './agency/agency.resolver';
import { AgencyService, toAgency } from './agency/agency.service';
import { AgencyStore } from './agency/agency.store';
import { DepartureService } from './departure/departure.service';
import { seedDemo } from './demo';
import { MigrantResolver } from './migrant/migrant.resolver';
import { MigrantService } from './migrant/migrant.service';
import { MigrantStore } from './migrant/migrant.store';
import { migrations } from './migrations/0001_init';
import { QuestionnaireResolver } from './questionnaire/questionnaire.resolver';
import { QuestionnaireService } from './questionnaire/questionnaire.service';
import { QuestionnaireStore } from './questionnaire/questionnaire.store';
import { StatisticsResolver } from './statistics/statistics.resolver';
import { StatisticsService } from './statistics/statistics.service';

export const migrants: SubgraphDefinition = {
  name: 'migrants',
  resolvers: [QuestionnaireResolver, MigrantResolver, AgencyResolver, StatisticsResolver],
  migrations,
  create({ db, config }) {
    const agencyStore = new AgencyStore(db);
    const migrantStore = new MigrantStore(db);
    const agencies = new AgencyService(agencyStore);
    const people = new MigrantService(migrantStore, db);
    const departures = new DepartureService(migrantStore, agencies, config, db);
    const questionnaires = new QuestionnaireService(new QuestionnaireStore(db), db, (pin, q) =>
      migrantStore.fillEmpty(pin, { last_name: q.last_name, first_name: q.first_name, patronymic: q.patronymic, birth_date: q.birth_date, sex: q.sex, phone: q.phone, home_territory_code: q.territory_code }),
    );
    return {
      resolvers: [
        new QuestionnaireResolver(questionnaires),
        new MigrantResolver(people, departures),
        new AgencyResolver(agencies),
        new StatisticsResolver(new StatisticsService(db)),
      ],
      referenceResolvers: {
        // The same checks as the queries: a reference through the gateway is no way around them.
        Migrant: (ref: { pin: string }, ctx: RequestContext) => people.byPin(ref.pin, ctx),
        Agency: async (ref: { id: string }, ctx: RequestContext) => {
          const row = await agencies.byId(ref.id, ctx);
          return row ? toAgency(row) : null;
        },
      },
      async seed() {
        if (config.demoData) await seedDemo(agencyStore, migrantStore);
      },
    };
  },
};

if (require.main === module) runSubgraphMain(migrants, loadConfig());
