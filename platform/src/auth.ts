import { createRemoteJWKSet, jwtVerify, JWTPayload, KeyLike } from 'jose';
import { forbidden, unauthenticated } from './errors';
import type { RequestContext } from './context';

export const ROLES = [
  'CITIZEN',
  'AGENCY_OPERATOR',
  'SOCIAL_WORKER',
  'DISTRICT_COORDINATOR',
  'OBLAST_COORDINATOR',
  'EMPLOYMENT_OFFICER',
  'CONSULAR_OFFICER',
  'MFA_OFFICER',
  'ANALYST',
  'PARTNER_SYSTEM',
  'AUDITOR',
  'ADMINISTRATOR',
] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles: their reads of a person's record are written to the access log. */
export const STAFF_ROLES: Role[] = ROLES.filter((r) => r !== 'CITIZEN');

export const TOKEN_ISSUER = 'kg-migration-identity';
export const TOKEN_AUDIENCE = 'kg-migration';

/** The verified caller of a request, as carried by the access token. */
export interface Caller {
  userId: string;
  roles: Role[];
  /** A citizen's PIN (citizens only). */
  pin?: string;
  /**
   * Territorial scope as СОАТЕ code prefixes: a social worker's aiyl okmotu (11 digits), a coordinator's
   * raion (8) or oblast (5). A unit is in scope when its code starts with one of them.
   */
  territories: string[];
  /** The agency an agency operator acts for. */
  agencyId?: string;
  /** The diplomatic mission a consular officer serves. */
  missionCode?: string;
  tokenId?: string;
}

interface AccessClaims extends JWTPayload {
  roles?: Role[];
  pin?: string;
  terr?: string[];
  agency?: string;
  mission?: string;
}

// A JWKS fetcher or one public key; jwtVerify takes either.
let keySource: any;

/** Where tokens' signing keys come from: the identity subgraph's JWKS, or a key in the same process. */
export function configureTokenKeys(source: { jwksUrl: string } | { publicKey: KeyLike | Uint8Array }): void {
  keySource = 'jwksUrl' in source ? createRemoteJWKSet(new URL(source.jwksUrl), { cooldownDuration: 5_000 }) : source.publicKey;
}

/** Verifies an access token's signature, issuer, audience and expiry; returns the caller, or throws UNAUTHENTICATED. */
export async function verifyAccessToken(token: string): Promise<Caller> {
  if (!keySource) throw unauthenticated('TOKEN_KEYS_NOT_CONFIGURED');
  try {
    const { payload } = await jwtVerify<AccessClaims>(token, keySource as any, {
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      algorithms: ['ES256'],
    });
    return {
      userId: String(payload.sub),
      roles: (payload.roles ?? []).filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
      pin: payload.pin,
      territories: payload.terr ?? [],
      agencyId: payload.agency,
      missionCode: payload.mission,
      tokenId: payload.jti,
    };
  } catch (e) {
    const expired = (e as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw unauthenticated(expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID', expired ? 'auth.tokenExpired' : 'auth.tokenInvalid');
  }
}

/** Reads "Authorization: Bearer x" from request headers; undefined when absent. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const h = Array.isArray(header) ? header[0] : header;
  const m = h?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
}

export function hasRole(caller: Caller | null | undefined, ...roles: Role[]): boolean {
  return !!caller && caller.roles.some((r) => roles.includes(r));
}

/** The caller, who must hold one of the roles; UNAUTHENTICATED when anonymous, FORBIDDEN otherwise. */
export function requireRole(ctx: RequestContext, ...roles: Role[]): Caller {
  if (!ctx.caller) throw unauthenticated();
  if (roles.length && !hasRole(ctx.caller, ...roles)) throw forbidden();
  return ctx.caller;
}

/** The СОАТЕ prefix that stands for a unit and everything under it, from its level. */
export function territoryPrefix(code: string, level: 'OBLAST' | 'DISTRICT' | 'AIYL_OKMOTU' | 'SETTLEMENT'): string {
  const digits = { OBLAST: 5, DISTRICT: 8, AIYL_OKMOTU: 11, SETTLEMENT: 14 }[level];
  return code.slice(0, digits);
}

/**
 * The scope prefix of a unit from its СОАТЕ code alone (oblast 5 digits, raion or city 8, aiyl okmotu 11).
 * Cities of oblast significance end in …000010, so the raion group decides before the last digits do.
 */
export function territoryScopePrefix(code: string): string {
  if (!/^[0-9]{14}$/.test(code)) throw new Error('not a СОАТЕ code');
  if (code.slice(5, 8) === '000') return code.slice(0, 5);
  if (code.slice(8, 11) === '000') return code.slice(0, 8);
  if (code.slice(11, 14) === '000') return code.slice(0, 11);
  return code;
}

/** Is this territory inside the caller's territorial scope? Staff with national roles have no such limit. */
export function inTerritoryScope(caller: Caller, territoryCode: string | null | undefined): boolean {
  if (hasRole(caller, 'ADMINISTRATOR', 'EMPLOYMENT_OFFICER', 'MFA_OFFICER')) return true;
  if (!territoryCode) return false;
  return caller.territories.some((p) => territoryCode.startsWith(p));
}
