import { sql, Insertable, Updateable } from 'kysely';
import type { Db } from '@kg/platform';
import { migrantsDb, MigrantsDb, QuestionnaireRow, QuestionnaireTable } from '../tables';

/** The only code that touches migrants.questionnaire. */
export class QuestionnaireStore {
  private readonly db: MigrantsDb;
  constructor(db: Db) {
    this.db = migrantsDb(db);
  }

  /** Inserts with the next reference number; returns null when the idempotency key is already taken. */
  async insert(row: Omit<Insertable<QuestionnaireTable>, 'reference'>, year: number): Promise<QuestionnaireRow | null> {
    return this.db.transaction().execute(async (trx) => {
      const n = await sql<{ n: number }>`select nextval('migrants.questionnaire_number')::int as n`.execute(trx);
      const reference = `AN-${year}-${String(n.rows[0].n).padStart(6, '0')}`;
      const inserted = await trx
        .insertInto('questionnaire')
        .values({ ...row, reference, languages: JSON.stringify(row.languages ?? []) as any })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      return inserted ?? null;
    });
  }

  byIdempotencyKey(key: string): Promise<QuestionnaireRow | undefined> {
    return this.db.selectFrom('questionnaire').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  }

  byReference(reference: string): Promise<QuestionnaireRow | undefined> {
    return this.db.selectFrom('questionnaire').selectAll().where('reference', '=', reference).executeTakeFirst();
  }

  byIds(ids: readonly string[]): Promise<QuestionnaireRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.selectFrom('questionnaire').selectAll().where('id', 'in', ids).execute();
  }

  byPin(pin: string): Promise<QuestionnaireRow[]> {
    return this.db.selectFrom('questionnaire').selectAll().where('attached_pin', '=', pin).orderBy('created_at', 'desc').execute();
  }

  async update(id: string, changes: Updateable<QuestionnaireTable>): Promise<QuestionnaireRow> {
    const values = { ...changes, updated_at: new Date() } as Updateable<QuestionnaireTable>;
    if (changes.languages) (values as any).languages = JSON.stringify(changes.languages);
    return this.db.updateTable('questionnaire').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
}
