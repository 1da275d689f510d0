import { gql, GqlError } from '../api/gql';

/**
 * The signed-in session, outside React so that every request can use it.
 *
 * - The access token lives in memory only (never localStorage/sessionStorage): a reload forgets it.
 * - The refresh token is an httpOnly cookie (`kg_refresh`, Path=/graphql) that the page never sees;
 *   `refreshSession` trades it for a new access token (and a new cookie: each one is good once).
 * - On start the app asks for a refresh to restore the session; then again shortly before the token
 *   lapses. Refreshes are one at a time, across tabs too (Web Locks), because presenting a spent
 *   refresh token revokes the whole session.
 * - Tabs tell each other about sign-in and sign-out (BroadcastChannel).
 */

export type Role =
  | 'CITIZEN'
  | 'AGENCY_OPERATOR'
  | 'SOCIAL_WORKER'
  | 'DISTRICT_COORDINATOR'
  | 'OBLAST_COORDINATOR'
  | 'EMPLOYMENT_OFFICER'
  | 'CONSULAR_OFFICER'
  | 'MFA_OFFICER'
  | 'ANALYST'
  | 'PARTNER_SYSTEM'
  | 'AUDITOR'
  | 'ADMINISTRATOR';

export const ROLES: readonly Role[] = [
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
];

export interface SessionUser {
  id: string;
  kind: 'CITIZEN' | 'STAFF';
  pin: string | null;
  roles: Role[];
  displayName: string;
  pinNeedsReview: boolean;
  territoryCodes: string[];
  agencyId: string | null;
  missionCode: string | null;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: SessionUser; accessToken: string; expiresAt: number };

interface AuthPayload {
  accessToken: string;
  expiresAt: string;
  user: SessionUser;
}

export const USER_FIELDS = 'id kind pin roles displayName pinNeedsReview territoryCodes agencyId missionCode';
const PAYLOAD = `accessToken expiresAt user { ${USER_FIELDS} }`;

const REFRESH = `mutation RefreshSession { refreshSession { ${PAYLOAD} } }`;
const SIGN_OUT = 'mutation SignOut { signOut }';
const SIGN_IN_SIGNATURE = `mutation SignInWithSignature($id: ID!, $s: String!) {
  signInWithSignature(challengeId: $id, signature: $s) { ${PAYLOAD} }
}`;
const SIGN_IN_PASSWORD = `mutation SignInWithPassword($l: String!, $p: String!, $c: String!) {
  signInWithPassword(login: $l, password: $p, totpCode: $c) { ${PAYLOAD} }
}`;

/** Renew this long before the access token lapses. */
const RENEW_BEFORE_MS = 60_000;
/** A request is not sent with a token that lapses sooner than this: it is renewed first. */
const MIN_VALIDITY_MS = 15_000;

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();
let renewTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;
let started = false;

const channel: BroadcastChannel | null = typeof BroadcastChannel === 'function' ? new BroadcastChannel('kg.auth') : null;

function set(next: SessionState): void {
  state = next;
  clearTimeout(renewTimer);
  if (next.status === 'signedIn') {
    const wait = Math.max(next.expiresAt - Date.now() - RENEW_BEFORE_MS, 5_000);
    renewTimer = setTimeout(() => void refresh(), wait);
  }
  for (const l of listeners) l();
}

function accept(payload: AuthPayload): SessionUser {
  set({
    status: 'signedIn',
    user: payload.user,
    accessToken: payload.accessToken,
    expiresAt: new Date(payload.expiresAt).getTime(),
  });
  return payload.user;
}

export function getSession(): SessionState {
  return state;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One refresh at a time, in this tab (a shared promise) and across tabs (a Web Lock when available). */
function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? (locks.request('kg.refresh', work) as Promise<T>) : work();
}

/**
 * Trades the refresh cookie for a new access token. Resolves true when signed in; false when the
 * server says the session is over (then signed out). A network failure keeps the current state.
 */
export function refresh(): Promise<boolean> {
  if (!refreshing) {
    refreshing = withRefreshLock(() => gql<{ refreshSession: AuthPayload }>(REFRESH))
      .then(
        (d) => {
          accept(d.refreshSession);
          return true;
        },
        (e: unknown) => {
          if (e instanceof GqlError && e.code === 'UNAUTHENTICATED') {
            set({ status: 'signedOut' });
            return false;
          }
          // offline or server trouble: a session we had stays (its token may still work); none is assumed otherwise
          if (state.status === 'loading') set({ status: 'signedOut' });
          return state.status === 'signedIn';
        },
      )
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

/** Restores the session from the refresh cookie, once per page load. */
export function startSession(): void {
  if (started) return;
  started = true;
  void refresh();
  // a tab in the background may have slept through its timer
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && state.status === 'signedIn' && state.expiresAt - Date.now() < RENEW_BEFORE_MS)
      void refresh();
  });
  channel?.addEventListener('message', (e: MessageEvent) => {
    if (e.data === 'signed-out' && state.status !== 'signedOut') set({ status: 'signedOut' });
    if (e.data === 'signed-in' && state.status !== 'signedIn') void refresh();
  });
}

export async function signInWithSignature(challengeId: string, signature: string): Promise<SessionUser> {
  const d = await gql<{ signInWithSignature: AuthPayload }>(SIGN_IN_SIGNATURE, { id: challengeId, s: signature });
  channel?.postMessage('signed-in');
  return accept(d.signInWithSignature);
}

export async function signInWithPassword(login: string, password: string, totpCode: string): Promise<SessionUser> {
  const d = await gql<{ signInWithPassword: AuthPayload }>(SIGN_IN_PASSWORD, { l: login, p: password, c: totpCode });
  channel?.postMessage('signed-in');
  return accept(d.signInWithPassword);
}

/** Ends the session on the server (its refresh chain is revoked) and here, in every tab. */
export async function signOut(): Promise<void> {
  try {
    await withRefreshLock(() => gql<{ signOut: boolean }>(SIGN_OUT));
  } finally {
    set({ status: 'signedOut' });
    channel?.postMessage('signed-out');
  }
}

/** A token good for the next request: renewed first when it is about to lapse; null when signed out. */
async function currentToken(): Promise<string | null> {
  if (state.status === 'loading' || (state.status === 'signedIn' && state.expiresAt - Date.now() < MIN_VALIDITY_MS)) {
    await refresh();
  }
  return state.status === 'signedIn' ? state.accessToken : null;
}

/**
 * `gql` as the signed-in user. When the server no longer accepts the token, renews it once and tries
 * again; when that fails too the session is over (signed out) and the error is passed on.
 */
export async function authGql<T, V extends Record<string, unknown> = Record<string, unknown>>(
  query: string,
  variables?: V,
  options: { signal?: AbortSignal } = {},
): Promise<T> {
  const token = await currentToken();
  try {
    return await gql<T, V>(query, variables, { ...options, token });
  } catch (e) {
    if (!(e instanceof GqlError) || e.code !== 'UNAUTHENTICATED' || !token) throw e;
    if (!(await refresh())) throw e;
    return gql<T, V>(query, variables, { ...options, token: (state as { accessToken: string }).accessToken });
  }
}

export function hasRole(user: SessionUser | null | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}
