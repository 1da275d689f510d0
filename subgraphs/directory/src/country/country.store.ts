import type { Kysely } from 'kysely';
import type { Db } from '@kg/platform';
import { directoryDb, DirectoryTables } from '../tables';
import type { CountryRow } from '../territory/territory.data';
import { Country } from './country.type';

const toCountry = (r: CountryRow): Country =>
  Object.assign(new Country(), {
    code: r.code,
    alpha3: r.alpha3,
    nameKy: r.name_ky,
    nameRu: r.name_ru,
    nameEn: r.name_en,
    isProgrammeDestination: r.programme_order !== null,
    programmeOrder: r.programme_order,
  });

/** The only code that touches directory.country. */
export class CountryStore {
  private readonly db: Kysely<DirectoryTables>;
  constructor(db: Db) {
    this.db = directoryDb(db);
  }

  async upsert(rows: CountryRow[]): Promise<void> {
    await this.db
      .insertInto('country')
      .values(rows)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          alpha3: eb.ref('excluded.alpha3'),
          name_ky: eb.ref('excluded.name_ky'),
          name_ru: eb.ref('excluded.name_ru'),
          name_en: eb.ref('excluded.name_en'),
          programme_order: eb.ref('excluded.programme_order'),
        })),
      )
      .execute();
  }

  async all(): Promise<Country[]> {
    return (await this.db.selectFrom('country').selectAll().execute()).map(toCountry);
  }

  async byCodes(codes: readonly string[]): Promise<Country[]> {
    if (!codes.length) return [];
    return (await this.db.selectFrom('country').selectAll().where('code', 'in', codes).execute()).map(toCountry);
  }
}
