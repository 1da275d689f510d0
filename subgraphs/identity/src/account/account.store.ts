import type { Db } from '@kg/platform';
import type { Insertable } from 'kysely';
import { AccountRow, AccountTable, CertificateTable, identityDb, IdentityDb, StaffCredentialRow, StaffCredentialTable } from '../tables';

type NewAccount = Insertable<AccountTable>;

/** The only code that touches identity.account, staff_credential and certificate. */
export class AccountStore {
  readonly db: IdentityDb;
  constructor(db: Db) {
    this.db = identityDb(db);
  }

  byId(id: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byIds(ids: readonly string[]): Promise<AccountRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.selectFrom('account').selectAll().where('id', 'in', ids).execute();
  }

  byPin(pin: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('account').selectAll().where('pin', '=', pin).executeTakeFirst();
  }

  /** Finds the account bound to the PIN, or creates it; a race between two first sign-ins makes one account. */
  async findOrCreateByPin(row: NewAccount, certificate: Omit<Insertable<CertificateTable>, 'account_id'>): Promise<AccountRow> {
    return this.db.transaction().execute(async (trx) => {
      await trx.insertInto('account').values(row).onConflict((oc) => oc.column('pin').doNothing()).execute();
      const account = await trx.selectFrom('account').selectAll().where('pin', '=', row.pin!).executeTakeFirstOrThrow();
      await trx.insertInto('certificate').values({ ...certificate, account_id: account.id }).onConflict((oc) => oc.column('fingerprint').doNothing()).execute();
      await trx.updateTable('account').set({ last_sign_in_at: new Date() }).where('id', '=', account.id).execute();
      return account;
    });
  }

  async createStaff(account: NewAccount, credential: Omit<Insertable<StaffCredentialTable>, 'account_id'>): Promise<AccountRow> {
    return this.db.transaction().execute(async (trx) => {
      const created = await trx.insertInto('account').values(account).returningAll().executeTakeFirstOrThrow();
      await trx.insertInto('staff_credential').values({ ...credential, account_id: created.id }).execute();
      return created;
    });
  }

  loginTaken(login: string): Promise<boolean> {
    return this.db.selectFrom('staff_credential').select('account_id').where('login', '=', login).executeTakeFirst().then((r) => !!r);
  }

  credentialByLogin(login: string): Promise<StaffCredentialRow | undefined> {
    return this.db.selectFrom('staff_credential').selectAll().where('login', '=', login).executeTakeFirst();
  }

  credentialsFor(ids: readonly string[]): Promise<Pick<StaffCredentialRow, 'account_id' | 'login'>[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.selectFrom('staff_credential').select(['account_id', 'login']).where('account_id', 'in', ids).execute();
  }

  async recordFailure(accountId: string, failedAttempts: number, retryAfter: Date | null, lock: boolean): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('staff_credential').set({ failed_attempts: failedAttempts, retry_after: retryAfter }).where('account_id', '=', accountId).execute();
      if (lock) await trx.updateTable('account').set({ status: 'LOCKED' }).where('id', '=', accountId).execute();
    });
  }

  async recordSuccess(accountId: string, totpStep: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('staff_credential').set({ failed_attempts: 0, retry_after: null, last_totp_step: totpStep }).where('account_id', '=', accountId).execute();
      await trx.updateTable('account').set({ last_sign_in_at: new Date() }).where('id', '=', accountId).execute();
    });
  }

  async updateAccess(id: string, access: Pick<AccountRow, 'roles' | 'territory_codes' | 'agency_id' | 'mission_code'>): Promise<AccountRow | undefined> {
    return this.db.updateTable('account').set(access).where('id', '=', id).where('kind', '=', 'STAFF').returningAll().executeTakeFirst();
  }

  /** Unlocks, and when given, replaces the password and TOTP secret. */
  async unlock(id: string, reset?: { password_hash: string; totp_secret: string }): Promise<AccountRow | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const account = await trx.updateTable('account').set({ status: 'ACTIVE' }).where('id', '=', id).returningAll().executeTakeFirst();
      await trx
        .updateTable('staff_credential')
        .set({ failed_attempts: 0, retry_after: null, ...(reset ? { ...reset, last_totp_step: null } : {}) })
        .where('account_id', '=', id)
        .execute();
      return account;
    });
  }

  list(filter: { kind?: 'CITIZEN' | 'STAFF'; after?: string; limit: number }): Promise<AccountRow[]> {
    let q = this.db.selectFrom('account').selectAll().orderBy('id').limit(filter.limit);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.after) q = q.where('id', '>', filter.after);
    return q.execute();
  }
}
