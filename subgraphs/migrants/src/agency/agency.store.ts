import type { Db } from '@kg/platform';
import { AgencyRow, migrantsDb, MigrantsDb } from '../tables';

/** The only code that touches migrants.agency and agency_status_change. */
export class AgencyStore {
  private readonly db: MigrantsDb;
  constructor(db: Db) {
    this.db = migrantsDb(db);
  }

  async insert(row: Omit<AgencyRow, 'created_at' | 'status'>, by: string): Promise<AgencyRow> {
    return this.db.transaction().execute(async (trx) => {
      const a = await trx.insertInto('agency').values(row).returningAll().executeTakeFirstOrThrow();
      await trx.insertInto('agency_status_change').values({ agency_id: a.id, status: 'ACTIVE', reason: null, changed_by: by }).execute();
      return a;
    });
  }

  byIds(ids: readonly string[]): Promise<AgencyRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.selectFrom('agency').selectAll().where('id', 'in', ids).execute();
  }

  list(filter: { status?: string; after?: string; limit: number }): Promise<AgencyRow[]> {
    let q = this.db.selectFrom('agency').selectAll().orderBy('legal_name').orderBy('id').limit(filter.limit);
    if (filter.status) q = q.where('status', '=', filter.status as AgencyRow['status']);
    if (filter.after) q = q.where('id', '>', filter.after);
    return q.execute();
  }

  async setStatus(id: string, status: AgencyRow['status'], reason: string | null, by: string): Promise<AgencyRow | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const a = await trx.updateTable('agency').set({ status }).where('id', '=', id).returningAll().executeTakeFirst();
      if (a) await trx.insertInto('agency_status_change').values({ agency_id: id, status, reason, changed_by: by }).execute();
      return a;
    });
  }

  history(id: string) {
    return this.db.selectFrom('agency_status_change').selectAll().where('agency_id', '=', id).orderBy('id').execute();
  }
}
