import { sql } from 'kysely';
import { authenticator } from 'otplib';
import { startSystem, TestSystem } from '../../../test/harness';
import { adminToken, signInWithPassword, staffToken } from '../../../test/auth';
import { OpensslPki } from './pki';

const PIN = '21505198800123';
const CHALLENGE = 'mutation { signatureChallenge { id challenge expiresAt } }';
const SIGN_IN = `mutation($id: ID!, $s: String!) { signInWithSignature(challengeId: $id, signature: $s, returnRefreshToken: true) {
  accessToken refreshToken user { id pin roles kind displayName pinNeedsReview } } }`;

const pki = new OpensslPki();
let root: string;
let sys: TestSystem;
const subject = (pin: string, cn = 'Асанов Бакыт') => `/C=KG/SN=Асанов/GN=Бакыт/CN=${cn}/serialNumber=${pin}`;

beforeAll(async () => {
  root = pki.root('root', '/C=KG/O=Test State PKI/CN=Test Root CA');
  const other = pki.root('other', '/C=KG/O=Somebody Else/CN=Unknown CA');
  pki.issue('rsa', root, subject(PIN), { key: 'rsa' });
  pki.issue('ec', root, subject(`PIN${'11203199500456'}`, 'Токтогулова Айгүл'), { key: 'ec' });
  pki.issue('renewed', root, subject(PIN), { key: 'rsa' });
  pki.issue('expired', root, subject(PIN), { startdate: '20200101000000Z', enddate: '20210101000000Z' });
  pki.issue('unknown', other, subject(PIN));
  pki.issue('flagged', root, subject('23102199012345')); // 31 February: accepted, flagged
  pki.issue('pin13', root, subject('2150519880012'));
  pki.issue('revoked', root, subject('11203199500999'));
  const crl = pki.revoke(root, 'revoked');
  sys = await startSystem({ DEMO_DATA: 'true', TRUSTED_CA_FILES: `${root}/ca.pem`, CRL_FILES: crl });
}, 120_000);
afterAll(() => sys?.stop());

async function challenge() {
  const r = await sys.gql(CHALLENGE);
  expect(r.errors).toBeUndefined();
  return r.data.signatureChallenge as { id: string; challenge: string; expiresAt: string };
}

async function signIn(cert: string, opts: { detached?: boolean; locale?: string; tamper?: boolean } = {}) {
  const c = await challenge();
  const signature = pki.sign(cert, opts.tamper ? `${c.challenge}x` : c.challenge, opts.detached);
  return sys.gql(SIGN_IN, { id: c.id, s: signature }, { locale: opts.locale });
}

describe('citizens: digital-signature sign-in through the gateway', () => {
  test('the first sign-in registers the citizen with the PIN and name from the certificate; me works with the token', async () => {
    const r = await signIn('rsa');
    expect(r.errors).toBeUndefined();
    const { accessToken, user } = r.data.signInWithSignature;
    expect(user).toMatchObject({ pin: PIN, roles: ['CITIZEN'], kind: 'CITIZEN', displayName: 'Асанов Бакыт', pinNeedsReview: false });
    const me = await sys.gql('{ me { id pin roles } }', {}, { token: accessToken });
    expect(me.data.me).toEqual({ id: user.id, pin: PIN, roles: ['CITIZEN'] });
  });

  test('a renewed certificate (new key, same PIN) reaches the same account; detached signatures work', async () => {
    const first = await signIn('rsa');
    const renewed = await signIn('renewed', { detached: true });
    expect(renewed.errors).toBeUndefined();
    expect(renewed.data.signInWithSignature.user.id).toBe(first.data.signInWithSignature.user.id);
  });

  test('ECDSA certificates work, with a prefixed PIN', async () => {
    const r = await signIn('ec');
    expect(r.errors).toBeUndefined();
    expect(r.data.signInWithSignature.user.pin).toBe('11203199500456');
  });

  test.each([
    ['expired', 'CERTIFICATE_EXPIRED', 'Срок действия сертификата истёк. Обновите его'],
    ['unknown', 'UNKNOWN_ISSUER', 'Сертификат выдан не доверенным удостоверяющим центром'],
    ['revoked', 'REVOKED', 'Сертификат отозван'],
    ['pin13', 'NO_VALID_PIN', 'В сертификате нет действительного ПИН (14 цифр)'],
  ])('%s certificate is refused with reason %s, in the caller language', async (cert, reason, message) => {
    const r = await signIn(cert, { locale: 'ru' });
    expect(r.data).toBeNull();
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
    expect(r.errors?.[0].message).toBe(message);
  });

  test('a signature over other content is refused', async () => {
    const r = await signIn('rsa', { tamper: true, locale: 'en' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'WRONG_SIGNATURE' });
  });

  test('a PIN whose date does not parse is accepted from a trusted certificate and flagged for review', async () => {
    const r = await signIn('flagged');
    expect(r.errors).toBeUndefined();
    expect(r.data.signInWithSignature.user).toMatchObject({ pin: '23102199012345', pinNeedsReview: true });
  });

  test('a challenge is single-use and expires after 5 minutes', async () => {
    const c = await challenge();
    const signature = pki.sign('rsa', c.challenge);
    expect((await sys.gql(SIGN_IN, { id: c.id, s: signature })).errors).toBeUndefined();
    const replay = await sys.gql(SIGN_IN, { id: c.id, s: signature }, { locale: 'en' });
    expect(replay.errors?.[0].extensions?.reason).toBe('CHALLENGE_USED');

    const old = await challenge();
    expect(new Date(old.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);
    await sql`update identity.signature_challenge set expires_at = now() - interval '1 second' where id = ${old.id}`.execute(sys.database.db);
    const late = await sys.gql(SIGN_IN, { id: old.id, s: pki.sign('rsa', old.challenge) });
    expect(late.errors?.[0].extensions?.reason).toBe('CHALLENGE_EXPIRED');
  });

  test('in development the demo signer signs with the demo CA, which is trusted beside the configured CAs', async () => {
    const c = await challenge();
    const s = await sys.gql('mutation($c: String!) { demoSignChallenge(challenge: $c, signer: CITIZEN_RSA) }', { c: c.challenge });
    const r = await sys.gql(SIGN_IN, { id: c.id, s: s.data.demoSignChallenge });
    expect(r.errors).toBeUndefined();
    expect(r.data.signInWithSignature.user.displayName).toBe('Асанов Бакыт');
    const revoked = await challenge();
    const rs = await sys.gql('mutation($c: String!) { demoSignChallenge(challenge: $c, signer: REVOKED) }', { c: revoked.challenge });
    expect((await sys.gql(SIGN_IN, { id: revoked.id, s: rs.data.demoSignChallenge })).errors?.[0].extensions?.reason).toBe('REVOKED');
  });

  test('a staff member whose PIN is on a staff account signs in to that staff account with their signature', async () => {
    const c = await challenge();
    const s = await sys.gql('mutation($c: String!) { demoSignChallenge(challenge: $c, signer: STAFF) }', { c: c.challenge });
    const r = await sys.gql(SIGN_IN, { id: c.id, s: s.data.demoSignChallenge });
    expect(r.errors).toBeUndefined();
    expect(r.data.signInWithSignature.user).toMatchObject({ kind: 'STAFF', roles: ['EMPLOYMENT_OFFICER'] });
  });

  test('production (no demo PKI) refuses the demo signer and says it is off', async () => {
    // Token keys are per process: the second system signs with the first one's key.
    const prod = await startSystem({ DEMO_PKI: 'false', TRUSTED_CA_FILES: `${root}/ca.pem`, JWT_PRIVATE_KEY_FILE: `${sys.dataDir}/keys/jwt-private.pem` });
    try {
      const r = await prod.gql('mutation { demoSignChallenge(challenge: "x", signer: CITIZEN_RSA) }', {}, { locale: 'en' });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await prod.gql('{ demoSignerEnabled }')).data.demoSignerEnabled).toBe(false);
      expect((await sys.gql('{ demoSignerEnabled }')).data.demoSignerEnabled).toBe(true);
    } finally {
      await prod.stop();
    }
  });
});

describe('sessions', () => {
  test('refresh tokens rotate; reusing a spent one revokes the whole chain', async () => {
    const first = (await signIn('rsa')).data.signInWithSignature;
    const REFRESH = 'mutation($t: String) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
    const second = await sys.gql(REFRESH, { t: first.refreshToken });
    expect(second.errors).toBeUndefined();
    const next = second.data.refreshSession.refreshToken;
    expect(next).not.toBe(first.refreshToken);
    // The spent token comes back (stolen copy): refused, and the newer token dies with it.
    const reuse = await sys.gql(REFRESH, { t: first.refreshToken });
    expect(reuse.errors?.[0].extensions?.reason).toBe('REFRESH_TOKEN_REUSED');
    const afterTheft = await sys.gql(REFRESH, { t: next });
    expect(afterTheft.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('browsers get the refresh token as an httpOnly cookie through the gateway; sign-out ends it', async () => {
    const c = await challenge();
    const res = await fetch(`${sys.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($id: ID!, $s: String!) { signInWithSignature(challengeId: $id, signature: $s) { refreshToken } }', variables: { id: c.id, s: pki.sign('rsa', c.challenge) } }),
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^kg_refresh=[\w-]+; HttpOnly; SameSite=Strict; Path=\/graphql/);
    expect((await res.json()).data.signInWithSignature.refreshToken).toBeNull();
    const cookie = setCookie.split(';')[0];
    const call = (query: string) =>
      fetch(`${sys.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query }) }).then((r) => r.json());
    expect((await call('mutation { signOut }')).data.signOut).toBe(true);
    const after = await call('mutation { refreshSession { accessToken } }');
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('the identity subgraph publishes its verification keys; a subgraph refuses a forged token on its own', async () => {
    const jwks = await (await fetch(sys.subgraphUrls.identity.replace('/graphql', '/.well-known/jwks.json'))).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    const forged = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url') + '.' + Buffer.from(JSON.stringify({ sub: 'x', roles: ['ADMINISTRATOR'] })).toString('base64url') + '.';
    const direct = await fetch(sys.subgraphUrls.identity, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ query: '{ users { id } }' }),
    }).then((r) => r.json());
    expect(direct.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('staff', () => {
  test('password + TOTP sign-in; a wrong code is refused; a code is good once', async () => {
    const { token } = await staffToken(sys, { roles: ['EMPLOYMENT_OFFICER'] });
    expect((await sys.gql('{ me { roles } }', {}, { token })).data.me.roles).toEqual(['EMPLOYMENT_OFFICER']);
    const created = await sys.gql(
      'mutation { createStaffAccount(input: { login: "once", displayName: "Once", roles: [MFA_OFFICER] }) { temporaryPassword totpSecret } }',
      {},
      { token: await adminToken(sys) },
    );
    const { temporaryPassword, totpSecret } = created.data.createStaffAccount;
    const SIGN = 'mutation($p: String!, $c: String!) { signInWithPassword(login: "once", password: $p, totpCode: $c) { accessToken } }';
    const wrongCode = await sys.gql(SIGN, { p: temporaryPassword, c: String((Number(authenticator.generate(totpSecret)) + 1) % 1_000_000).padStart(6, '0') });
    expect(wrongCode.errors?.[0].extensions?.reason).toBe('BAD_CREDENTIALS');
    const code = authenticator.generate(totpSecret);
    expect((await sys.gql(SIGN, { p: temporaryPassword, c: code })).errors).toBeUndefined();
    // The same code again (someone who saw it) is refused, and so is the previous window's code.
    expect((await sys.gql(SIGN, { p: temporaryPassword, c: code })).errors?.[0].extensions?.reason).toBe('BAD_CREDENTIALS');
    const previous = authenticator.clone({ epoch: Date.now() - 30_000 }).generate(totpSecret);
    expect((await sys.gql(SIGN, { p: temporaryPassword, c: previous })).errors?.[0].extensions?.reason).toBe('BAD_CREDENTIALS');
  });

  test('TOTP secrets are stored encrypted, never as given to the staff member', async () => {
    const created = await sys.gql('mutation { createStaffAccount(input: { login: "sealed", displayName: "Sealed", roles: [ANALYST] }) { totpSecret } }', {}, { token: await adminToken(sys) });
    const stored = await sql<{ totp_secret: string }>`select c.totp_secret from identity.staff_credential c where c.login = 'sealed'`.execute(sys.database.db);
    expect(stored.rows[0].totp_secret).toMatch(/^v1:/);
    expect(stored.rows[0].totp_secret).not.toContain(created.data.createStaffAccount.totpSecret);
  });

  test('repeated failures slow down, then lock; an administrator unlocks and resets', async () => {
    const admin = await adminToken(sys);
    const created = await sys.gql(
      'mutation { createStaffAccount(input: { login: "lockme", displayName: "Lock Me", roles: [ANALYST] }) { user { id } temporaryPassword totpSecret } }',
      {},
      { token: admin },
    );
    const { user } = created.data.createStaffAccount;
    const wrong = () => sys.gql('mutation { signInWithPassword(login: "lockme", password: "nope", totpCode: "000000") { accessToken } }', {}, { locale: 'en' });
    for (let i = 0; i < 3; i++) expect((await wrong()).errors?.[0].extensions?.reason).toBe('BAD_CREDENTIALS');
    await wrong(); // the fourth failure sets a wait
    const slowed = await wrong();
    expect(slowed.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RETRY_LATER' });
    expect(slowed.errors?.[0].message).toMatch(/Try again in \d+ s/);
    // Skip the waits to reach the lock (the clock, not the rule, is what we fast-forward).
    for (let i = 0; i < 6; i++) {
      await sql`update identity.staff_credential set retry_after = null where account_id = ${user.id}`.execute(sys.database.db);
      await wrong();
    }
    const locked = await sys.gql('{ users(kind: STAFF, first: 100) { id status } }', {}, { token: admin });
    expect(locked.data.users.find((u: any) => u.id === user.id).status).toBe('LOCKED');
    const reset = await sys.gql('mutation($id: ID!) { resetStaffCredentials(id: $id) { temporaryPassword totpSecret user { status } } }', { id: user.id }, { token: admin });
    expect(reset.data.resetStaffCredentials.user.status).toBe('ACTIVE');
    const { temporaryPassword, totpSecret } = reset.data.resetStaffCredentials;
    await expect(signInWithPassword(sys, 'lockme', temporaryPassword, totpSecret)).resolves.toBeTruthy();
  });

  test('only administrators manage staff; each role needs its scope', async () => {
    const analyst = await staffToken(sys, { roles: ['ANALYST'] });
    const denied = await sys.gql('mutation { createStaffAccount(input: { login: "x1", displayName: "X", roles: [ADMINISTRATOR] }) { login } }', {}, { token: analyst.token });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await sys.gql('{ users { id } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const admin = await adminToken(sys);
    const noScope = await sys.gql('mutation { createStaffAccount(input: { login: "sw1", displayName: "SW", roles: [SOCIAL_WORKER] }) { login } }', {}, { token: admin, locale: 'ru' });
    expect(noScope.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territoryCodes' });
    expect(noScope.errors?.[0].message).toBe('Территории: для этой роли нужно указать территорию');
    const raionNotAo = await sys.gql('mutation { createStaffAccount(input: { login: "sw2", displayName: "SW", roles: [SOCIAL_WORKER], territoryCodes: ["41708203000000"] }) { login } }', {}, { token: admin });
    expect(raionNotAo.errors?.[0].extensions?.field).toBe('input.territoryCodes');
    const taken = await sys.gql('mutation { createStaffAccount(input: { login: "admin", displayName: "Again", roles: [ANALYST] }) { login } }', {}, { token: admin });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.login' });
    const noRoles = await sys.gql('mutation { createStaffAccount(input: { login: "nr1", displayName: "NR", roles: [] }) { login } }', {}, { token: admin, locale: 'ru' });
    expect(noRoles.errors?.[0].message).toBe('Роли: выберите не меньше 1');
  });

  test('a social worker\'s token carries the aiyl okmotu scope', async () => {
    const { token } = await staffToken(sys, { roles: ['SOCIAL_WORKER'], territoryCodes: ['41708203807000'] });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ roles: ['SOCIAL_WORKER'], terr: ['41708203807'] });
  });
});

describe('access log', () => {
  test('staff reads are logged with who, role, what and request id; the chain verifies, and a tampered entry is found', async () => {
    const admin = await adminToken(sys);
    const citizen = (await signIn('rsa')).data.signInWithSignature.user;
    const read = await sys.gql('query($id: ID!) { user(id: $id) { pin } }', { id: citizen.id }, { token: admin, headers: { 'x-request-id': 'audit-test-0001' } });
    expect(read.data.user.pin).toBe(PIN);
    const log = await sys.gql('query($id: String) { accessLog(entity: "User", entityId: $id) { actorRoles entity entityId action requestId } }', { id: citizen.id }, { token: admin });
    expect(log.data.accessLog[0]).toEqual({ actorRoles: ['ADMINISTRATOR'], entity: 'User', entityId: citizen.id, action: 'READ', requestId: 'audit-test-0001' });
    const check = await sys.gql('{ verifyAccessLog { ok entries firstBrokenId } }', {}, { token: admin });
    expect(check.data.verifyAccessLog).toMatchObject({ ok: true, firstBrokenId: null });

    // Updates are refused by the database itself…
    await expect(sql`update audit.access_log set purpose = 'x'`.execute(sys.database.db)).rejects.toThrow(/append-only/);
    // …and someone who switches the guard off still cannot hide the change.
    await sql`alter table audit.access_log disable trigger access_log_append_only`.execute(sys.database.db);
    const first = await sql<{ id: string }>`select min(id) as id from audit.access_log`.execute(sys.database.db);
    await sql`update audit.access_log set entity_id = 'someone-else' where id = ${first.rows[0].id}`.execute(sys.database.db);
    const broken = await sys.gql('{ verifyAccessLog { ok firstBrokenId } }', {}, { token: admin });
    expect(broken.data.verifyAccessLog).toEqual({ ok: false, firstBrokenId: String(first.rows[0].id) });
  });

  test('only administrators and auditors read the log', async () => {
    const officer = await staffToken(sys, { roles: ['EMPLOYMENT_OFFICER'] });
    const r = await sys.gql('{ accessLog { id } }', {}, { token: officer.token });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
