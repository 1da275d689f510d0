import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { Config, territoryScopePrefix, TOKEN_AUDIENCE, TOKEN_ISSUER, unauthenticated } from '@kg/platform';
import type { AccountRow } from '../tables';
import type { SigningKeys } from './keys';
import type { SessionStore } from './session.store';

export interface IssuedSession {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

/**
 * Access tokens: short-lived ES256 JWTs carrying roles and scopes, checked by the gateway and again by
 * every subgraph. Refresh tokens: random, stored hashed, rotated on every use; presenting a spent one
 * means it was stolen or replayed, so the whole chain (family) is revoked.
 */
export class SessionService {
  constructor(
    private readonly store: SessionStore,
    private readonly keys: SigningKeys,
    private readonly config: Config,
  ) {}

  async accessToken(account: AccountRow): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000);
    const token = await new SignJWT({
      roles: account.roles,
      ...(account.pin && account.kind === 'CITIZEN' ? { pin: account.pin } : {}),
      terr: account.territory_codes.map(territoryScopePrefix),
      ...(account.agency_id ? { agency: account.agency_id } : {}),
      ...(account.mission_code ? { mission: account.mission_code } : {}),
    })
      .setProtectedHeader({ alg: 'ES256', kid: this.keys.kid, typ: 'JWT' })
      .setSubject(account.id)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.keys.privateKey);
    return { token, expiresAt };
  }

  /** A new session: an access token and the first refresh token of a new family. */
  async start(account: AccountRow): Promise<IssuedSession> {
    return this.issue(account, randomUUID());
  }

  private async issue(account: AccountRow, familyId: string): Promise<IssuedSession> {
    const { token, expiresAt } = await this.accessToken(account);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.store.insert({ id: randomUUID(), family_id: familyId, account_id: account.id, token_hash: hashToken(refreshToken), expires_at: refreshExpiresAt });
    return { accessToken: token, expiresAt, refreshToken, refreshExpiresAt };
  }

  /** Trades a refresh token for a new pair; the old one is spent. Returns the account id to reload. */
  async rotate(refreshToken: string, loadAccount: (id: string) => Promise<AccountRow | null>): Promise<IssuedSession> {
    const spent = await this.store.spend(hashToken(refreshToken));
    if (!spent) throw unauthenticated('REFRESH_TOKEN_UNKNOWN', 'auth.sessionExpired');
    const { row, firstUse } = spent;
    if (!firstUse) {
      await this.store.revokeFamily(row.family_id);
      throw unauthenticated('REFRESH_TOKEN_REUSED', 'auth.sessionExpired');
    }
    if (row.revoked_at || row.expires_at.getTime() < Date.now()) throw unauthenticated('REFRESH_TOKEN_EXPIRED', 'auth.sessionExpired');
    const account = await loadAccount(row.account_id);
    if (!account || account.status !== 'ACTIVE') {
      await this.store.revokeFamily(row.family_id);
      throw unauthenticated('ACCOUNT_LOCKED', 'auth.accountLocked');
    }
    return this.issue(account, row.family_id);
  }

  /** Sign-out: the refresh chain ends; the access token lapses within its short lifetime. */
  async end(refreshToken: string): Promise<void> {
    const spent = await this.store.spend(hashToken(refreshToken));
    if (spent) await this.store.revokeFamily(spent.row.family_id);
  }

  revokeAll(accountId: string): Promise<void> {
    return this.store.revokeAccount(accountId);
  }
}
