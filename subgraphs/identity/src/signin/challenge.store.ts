import { sql } from 'kysely';
import type { Db } from '@kg/platform';
import { ChallengeRow, identityDb, IdentityDb } from '../tables';

/** The only code that touches identity.signature_challenge. */
export class ChallengeStore {
  private readonly db: IdentityDb;
  constructor(db: Db) {
    this.db = identityDb(db);
  }

  async insert(row: Omit<ChallengeRow, 'used_at'>): Promise<void> {
    await this.db.insertInto('signature_challenge').values(row).execute();
    // Old challenges are of no use to anyone; keep the table small.
    await this.db.deleteFrom('signature_challenge').where('expires_at', '<', sql<Date>`now() - interval '1 day'`).execute();
  }

  /** Spends the challenge in one statement: of two concurrent uses, exactly one gets the row. */
  async spend(id: string): Promise<{ row: ChallengeRow | undefined; spentNow: boolean }> {
    const spent = await this.db.updateTable('signature_challenge').set({ used_at: new Date() }).where('id', '=', id).where('used_at', 'is', null).returningAll().executeTakeFirst();
    if (spent) return { row: spent, spentNow: true };
    return { row: await this.db.selectFrom('signature_challenge').selectAll().where('id', '=', id).executeTakeFirst(), spentNow: false };
  }
}
