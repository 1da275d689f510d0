import type { Kysely } from 'kysely';
import type { Db } from '@kg/platform';
import type { CountryRow, TerritoryRow } from './territory/territory.data';

/** The directory schema's tables, as Kysely sees them. */
export interface DirectoryTables {
  territory: TerritoryRow;
  country: CountryRow;
}

export const directoryDb = (db: Db) => db.withSchema('directory') as unknown as Kysely<DirectoryTables>;
