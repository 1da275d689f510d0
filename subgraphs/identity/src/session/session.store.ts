import type { Db } from '@kg/platform';
import type { Insertable } from 'kysely';
import { identityDb, IdentityDb, RefreshTokenRow, RefreshTokenTable } from '../tables';

/** The only code that touches identity.refresh_token. */
export class SessionStore {
  private readonly db: IdentityDb;
  constructor(db: Db) {
    this.db = identityDb(db);
  }

  async insert(row: Insertable<RefreshTokenTable>): Promise<void> {
    await this.db.insertInto('refresh_token').values(row).execute();
  }

  /**
   * Marks the token spent and returns it, in one statement, so two concurrent uses cannot both succeed:
   * the second sees it spent. Returns the row as it was before (used_at null when this call spent it).
   */
  async spend(tokenHash: string): Promise<{ row: RefreshTokenRow; firstUse: boolean } | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('refresh_token').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
      if (!row) return null;
      if (row.used_at) return { row, firstUse: false };
      await trx.updateTable('refresh_token').set({ used_at: new Date() }).where('id', '=', row.id).execute();
      return { row, firstUse: true };
    });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db.updateTable('refresh_token').set({ revoked_at: new Date() }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
  }

  async revokeAccount(accountId: string): Promise<void> {
    await this.db.updateTable('refresh_token').set({ revoked_at: new Date() }).where('account_id', '=', accountId).where('revoked_at', 'is', null).execute();
  }
}
