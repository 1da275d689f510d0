import { randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { authenticator } from 'otplib';
import { z } from 'zod';
import {
  AppError,
  badInput,
  conflict,
  forbidden,
  hasRole,
  notFound,
  pageSize,
  parseInput,
  recordAccess,
  requireRole,
  RequestContext,
  territoryScopePrefix,
  unauthenticated,
  Db,
} from '@kg/platform';
import type { AccountRow } from '../tables';
import type { AccountStore } from './account.store';
import type { SecretBox } from './secret-box';
import { CreateStaffInput, StaffAccessInput, StaffCredentials, User } from './account.type';

const loginTaken = () => new AppError('CONFLICT', 'staff.loginTaken', { field: 'input.login' });

/** Failed password sign-ins: free tries, then a growing wait, then a lock that only an administrator lifts. */
export const LOCKOUT = { freeAttempts: 3, maxDelaySeconds: 300, lockAfter: 10 };

const SOATE = z.string().regex(/^[0-9]{14}$/, { params: { key: 'territory.codeInvalid' } } as any);
const accessSchema = z.object({
  roles: z.array(z.string()).min(1).max(5),
  territoryCodes: z.array(SOATE).max(20).optional(),
  agencyId: z.string().uuid().optional().nullable(),
  missionCode: z.string().regex(/^[A-Z]{2}-[A-Z0-9-]{2,20}$/).optional().nullable(),
});
const createSchema = accessSchema.extend({
  login: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,40}$/),
  displayName: z.string().trim().min(1).max(200),
  pin: z.string().regex(/^[0-9]{14}$/).optional().nullable(),
});

export function toUser(a: AccountRow, login: string | null = null): User {
  return Object.assign(new User(), {
    id: a.id,
    kind: a.kind,
    pin: a.pin,
    pinNeedsReview: !!a.pin_flag,
    displayName: a.display_name,
    roles: a.roles,
    territoryCodes: a.territory_codes,
    agencyId: a.agency_id,
    missionCode: a.mission_code,
    status: a.status,
    login,
    lastSignInAt: a.last_sign_in_at,
  });
}

export class AccountService {
  constructor(
    readonly store: AccountStore,
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {}

  async me(ctx: RequestContext): Promise<User> {
    const caller = requireRole(ctx);
    const account = await this.store.byId(caller.userId);
    if (!account) throw unauthenticated('ACCOUNT_GONE');
    return toUser(account);
  }

  /** A user by id: yourself, or anyone for administrators and auditors (logged as a staff read). */
  async byId(id: string, ctx: RequestContext): Promise<User | null> {
    const caller = requireRole(ctx);
    if (caller.userId !== id && !hasRole(caller, 'ADMINISTRATOR', 'AUDITOR')) throw forbidden();
    const account = await ctx
      .loader<string, AccountRow | null>('account.byId', async (ids) => {
        const rows = new Map((await this.store.byIds(ids)).map((r) => [r.id, r]));
        return ids.map((i) => rows.get(i) ?? null);
      })
      .load(id);
    if (!account) return null;
    if (caller.userId !== id) await recordAccess(this.db, ctx, [{ entity: 'User', entityId: id }]);
    return toUser(account);
  }

  async list(ctx: RequestContext, kind: 'CITIZEN' | 'STAFF' | undefined, first: number | undefined, after: string | undefined): Promise<User[]> {
    requireRole(ctx, 'ADMINISTRATOR');
    const rows = await this.store.list({ kind, after, limit: pageSize(first) });
    const logins = new Map((await this.store.credentialsFor(rows.map((r) => r.id))).map((c) => [c.account_id, c.login]));
    await recordAccess(this.db, ctx, rows.filter((r) => r.kind === 'CITIZEN').map((r) => ({ entity: 'User', entityId: r.id, action: 'SEARCH' as const })));
    return rows.map((r) => toUser(r, logins.get(r.id) ?? null));
  }

  /** Checks that each role comes with the scope it needs, and turns the input into stored columns. */
  private access(input: StaffAccessInput) {
    const v = parseInput(accessSchema, input);
    const roles = [...new Set(v.roles)] as AccountRow['roles'];
    const territories = v.territoryCodes ?? [];
    const needs = (role: string, ok: boolean, field: string, scope: string) => {
      if (roles.includes(role) && !ok) throw badInput('staff.scopeRequired', `input.${field}`, { scope });
    };
    const depth = (code: string) => territoryScopePrefix(code).length;
    needs('SOCIAL_WORKER', territories.length > 0 && territories.every((c) => depth(c) === 11), 'territoryCodes', 'scope.territory');
    needs('DISTRICT_COORDINATOR', territories.length > 0 && territories.every((c) => depth(c) === 8), 'territoryCodes', 'scope.territory');
    needs('OBLAST_COORDINATOR', territories.length > 0 && territories.every((c) => depth(c) === 5), 'territoryCodes', 'scope.territory');
    needs('AGENCY_OPERATOR', !!v.agencyId, 'agencyId', 'scope.agency');
    needs('CONSULAR_OFFICER', !!v.missionCode, 'missionCode', 'scope.mission');
    if (roles.includes('CITIZEN')) throw badInput('validation.invalid', 'input.roles');
    return { roles, territory_codes: territories, agency_id: v.agencyId ?? null, mission_code: v.missionCode ?? null };
  }

  private async loginOf(id: string): Promise<string | null> {
    return (await this.store.credentialsFor([id]))[0]?.login ?? null;
  }

  static newSecrets() {
    return { password: randomBytes(12).toString('base64url'), totpSecret: authenticator.generateSecret(20) };
  }

  async createStaff(input: CreateStaffInput, ctx: RequestContext, secrets = AccountService.newSecrets()): Promise<StaffCredentials> {
    requireRole(ctx, 'ADMINISTRATOR');
    return this.createStaffUnchecked(input, secrets);
  }

  /** Also used by the development seed, which has no administrator to act. */
  async createStaffUnchecked(input: CreateStaffInput, secrets: { password: string; totpSecret: string }): Promise<StaffCredentials> {
    const v = parseInput(createSchema, input);
    const access = this.access(input);
    if (await this.store.loginTaken(v.login)) throw loginTaken();
    const account = await this.store.createStaff(
      { id: randomUUID(), kind: 'STAFF', pin: v.pin ?? null, pin_flag: null, display_name: v.displayName, given_name: null, surname: null, ...access },
      { login: v.login, password_hash: await argon2.hash(secrets.password, { type: argon2.argon2id }), totp_secret: this.secrets.seal(secrets.totpSecret) },
    ).catch((e) => {
      if ((e as { code?: string }).code === '23505') throw loginTaken();
      throw e;
    });
    return Object.assign(new StaffCredentials(), {
      user: toUser(account, v.login),
      login: v.login,
      temporaryPassword: secrets.password,
      totpSecret: secrets.totpSecret,
      totpUri: authenticator.keyuri(v.login, 'KG Migration', secrets.totpSecret),
    });
  }

  async updateAccess(id: string, input: StaffAccessInput, ctx: RequestContext): Promise<User> {
    requireRole(ctx, 'ADMINISTRATOR');
    const updated = await this.store.updateAccess(id, this.access(input));
    if (!updated) throw notFound();
    return toUser(updated, await this.loginOf(id));
  }

  async unlock(id: string, ctx: RequestContext): Promise<User> {
    requireRole(ctx, 'ADMINISTRATOR');
    const account = await this.store.unlock(id);
    if (!account) throw notFound();
    return toUser(account, await this.loginOf(id));
  }

  async resetCredentials(id: string, ctx: RequestContext): Promise<StaffCredentials> {
    requireRole(ctx, 'ADMINISTRATOR');
    const secrets = AccountService.newSecrets();
    const account = await this.store.unlock(id, { password_hash: await argon2.hash(secrets.password, { type: argon2.argon2id }), totp_secret: this.secrets.seal(secrets.totpSecret) });
    const login = (await this.store.credentialsFor([id]))[0]?.login;
    if (!account || !login) throw notFound();
    return Object.assign(new StaffCredentials(), {
      user: toUser(account, login),
      login,
      temporaryPassword: secrets.password,
      totpSecret: secrets.totpSecret,
      totpUri: authenticator.keyuri(login, 'KG Migration', secrets.totpSecret),
    });
  }

  /**
   * Staff password + TOTP sign-in. The same answer for a wrong login, password or code, so none can be
   * probed; after LOCKOUT.freeAttempts failures each try must wait longer; after lockAfter, locked.
   */
  async verifyPassword(login: string, password: string, totpCode: string): Promise<AccountRow> {
    const cred = await this.store.credentialByLogin(String(login).trim().toLowerCase());
    if (!cred) {
      await argon2.hash(password || 'x'); // same time as a real check
      throw unauthenticated('BAD_CREDENTIALS', 'auth.badCredentials');
    }
    const account = (await this.store.byId(cred.account_id))!;
    if (account.status !== 'ACTIVE') throw unauthenticated('ACCOUNT_LOCKED', 'auth.accountLocked');
    if (cred.retry_after && cred.retry_after.getTime() > Date.now()) {
      const seconds = Math.ceil((cred.retry_after.getTime() - Date.now()) / 1000);
      throw new AppError('TOO_MANY_REQUESTS', 'auth.tryLater', { reason: 'RETRY_LATER', params: { seconds } });
    }
    const passwordOk = await argon2.verify(cred.password_hash, password ?? '').catch(() => false);
    // One 30-s step of clock drift either way; and one code, one use: a code seen over a shoulder
    // (or any earlier one) cannot be replayed.
    const delta = authenticator.clone({ window: 1 }).checkDelta(String(totpCode ?? ''), this.secrets.open(cred.totp_secret));
    const step = Math.floor(Date.now() / 30_000) + (delta ?? 0);
    const totpOk = delta !== null && (cred.last_totp_step ?? -1) < step;
    if (!passwordOk || !totpOk) {
      const failures = cred.failed_attempts + 1;
      const delay = failures > LOCKOUT.freeAttempts ? Math.min(2 ** (failures - LOCKOUT.freeAttempts), LOCKOUT.maxDelaySeconds) : 0;
      await this.store.recordFailure(account.id, failures, delay ? new Date(Date.now() + delay * 1000) : null, failures >= LOCKOUT.lockAfter);
      if (failures >= LOCKOUT.lockAfter) throw unauthenticated('ACCOUNT_LOCKED', 'auth.accountLocked');
      throw unauthenticated('BAD_CREDENTIALS', 'auth.badCredentials');
    }
    await this.store.recordSuccess(account.id, step);
    return account;
  }
}
