import { authenticator } from 'otplib';
import { DEMO } from '@kg/platform';
import type { TestSystem } from './harness';

/**
 * Real sign-ins for tests: the demo administrator (password + TOTP) creates staff accounts through the
 * identity subgraph, and each signs in with its own password and code. No token is forged.
 */
const adminTokens = new WeakMap<TestSystem, Promise<string>>();
let counter = 0;

export async function signInWithPassword(sys: TestSystem, login: string, password: string, totpSecret: string): Promise<string> {
  const r = await sys.gql(
    'mutation($l: String!, $p: String!, $c: String!) { signInWithPassword(login: $l, password: $p, totpCode: $c) { accessToken } }',
    { l: login, p: password, c: authenticator.generate(totpSecret) },
  );
  if (!r.data?.signInWithPassword) throw new Error(`sign-in of ${login} failed: ${JSON.stringify(r.errors)}`);
  return r.data.signInWithPassword.accessToken;
}

/** The demo administrator's token (the system must run with DEMO_DATA=true). One sign-in per system. */
export function adminToken(sys: TestSystem): Promise<string> {
  let t = adminTokens.get(sys);
  if (!t) {
    t = signInWithPassword(sys, 'admin', DEMO.password, DEMO.totpSecret);
    adminTokens.set(sys, t);
  }
  return t;
}

export interface StaffAccess {
  roles: string[];
  territoryCodes?: string[];
  agencyId?: string;
  missionCode?: string;
}

/** A new staff account with this access, signed in; returns its token and id. */
export async function staffToken(sys: TestSystem, access: StaffAccess): Promise<{ token: string; userId: string; login: string }> {
  const login = `t${process.pid}-${++counter}-${access.roles[0].toLowerCase().replace(/_/g, '')}`.slice(0, 40);
  const r = await sys.gql(
    `mutation($i: CreateStaffInput!) { createStaffAccount(input: $i) { user { id } temporaryPassword totpSecret } }`,
    { i: { login, displayName: `Test ${access.roles.join(' ')}`, ...access } },
    { token: await adminToken(sys) },
  );
  if (!r.data?.createStaffAccount) throw new Error(`could not create ${login}: ${JSON.stringify(r.errors)}`);
  const { user, temporaryPassword, totpSecret } = r.data.createStaffAccount;
  return { token: await signInWithPassword(sys, login, temporaryPassword, totpSecret), userId: user.id, login };
}
