import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Db } from '@kg/platform';
import { directoryDb, DirectoryTables } from '../tables';
import type { TerritoryRow } from './territory.data';
import { KyrgyzNameSource, Territory, TerritoryLevel } from './territory.type';

const toTerritory = (r: TerritoryRow): Territory =>
  Object.assign(new Territory(), {
    code: r.code,
    level: r.level as TerritoryLevel,
    parentCode: r.parent_code,
    nameKy: r.name_ky,
    nameKySource: r.name_ky_source as KyrgyzNameSource,
    nameRu: r.name_ru,
    nameEn: r.name_en,
    nameLatin: r.name_latin,
    sortOrder: r.sort_order,
  });

/** The only code that touches directory.territory. */
export class TerritoryStore {
  private readonly db: Kysely<DirectoryTables>;
  constructor(db: Db) {
    this.db = directoryDb(db);
  }

  /** Loads the classifier: inserts new units and updates changed ones, in one transaction. */
  async upsert(rows: TerritoryRow[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500) {
        await trx
          .insertInto('territory')
          .values(rows.slice(i, i + 500))
          .onConflict((oc) =>
            oc.column('code').doUpdateSet((eb) => ({
              parent_code: eb.ref('excluded.parent_code'),
              level: eb.ref('excluded.level'),
              name_ru: eb.ref('excluded.name_ru'),
              name_ky: eb.ref('excluded.name_ky'),
              name_ky_source: eb.ref('excluded.name_ky_source'),
              name_en: eb.ref('excluded.name_en'),
              name_latin: eb.ref('excluded.name_latin'),
              sort_order: eb.ref('excluded.sort_order'),
            })),
          )
          .execute();
      }
    });
  }

  async all(): Promise<Territory[]> {
    const rows = await this.db.selectFrom('territory').selectAll().orderBy('sort_order').execute();
    return rows.map(toTerritory);
  }

  async byCodes(codes: readonly string[]): Promise<Territory[]> {
    if (codes.length === 0) return [];
    const rows = await this.db.selectFrom('territory').selectAll().where('code', 'in', codes).execute();
    return rows.map(toTerritory);
  }

  async childrenOf(parentCodes: readonly string[]): Promise<Territory[]> {
    if (parentCodes.length === 0) return [];
    const rows = await this.db.selectFrom('territory').selectAll().where('parent_code', 'in', parentCodes).orderBy('sort_order').execute();
    return rows.map(toTerritory);
  }

  async list(filter: { level?: TerritoryLevel; parentCode?: string }): Promise<Territory[]> {
    let q = this.db.selectFrom('territory').selectAll().orderBy('sort_order');
    if (filter.level) q = q.where('level', '=', filter.level);
    if (filter.parentCode) q = q.where('parent_code', '=', filter.parentCode);
    return (await q.execute()).map(toTerritory);
  }

  async countByLevel(): Promise<Record<string, number>> {
    const rows = await this.db.selectFrom('territory').select(['level', sql<number>`count(*)`.as('n')]).groupBy('level').execute();
    return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
  }
}
