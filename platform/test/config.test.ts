import { ConfigError, loadConfig, parseLocale } from '../src';

describe('settings', () => {
  test('development runs with defaults: embedded database, demo data and demo PKI on', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.GATEWAY_PORT).toBe(4000);
    expect(c.demoData).toBe(true);
    expect(c.demoPki).toBe(true);
    expect(c.subgraphUrl('directory')).toBe('http://127.0.0.1:4101/graphql');
  });

  test('production refuses to start without its secrets, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      expect((e as Error).message).toMatch(/DATABASE_URL/);
      expect((e as Error).message).toMatch(/JWT_PRIVATE_KEY_FILE/);
      expect((e as Error).message).toMatch(/TRUSTED_CA_FILES/);
    }
    const ok = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@db/kg', JWT_PRIVATE_KEY_FILE: '/k.pem', TRUSTED_CA_FILES: '/ca.pem' });
    expect(ok.demoData).toBe(false);
    expect(ok.demoPki).toBe(false);
  });

  test('the identity service in production also needs the key that encrypts TOTP secrets', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@db/kg', JWT_PRIVATE_KEY_FILE: '/k.pem', TRUSTED_CA_FILES: '/ca.pem', SERVICE_ROLE: 'identity' };
    expect(() => loadConfig(env)).toThrow(/TOTP_KEY_FILE/);
    expect(() => loadConfig({ ...env, TOTP_KEY_FILE: '/totp.key' })).not.toThrow();
  });

  test('production refuses a demo CA unless explicitly allowed', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@db/kg', JWT_PRIVATE_KEY_FILE: '/k.pem', TRUSTED_CA_FILES: '/ca.pem', DEMO_PKI: 'true' };
    expect(() => loadConfig(env)).toThrow(/DEMO_PKI/);
    expect(loadConfig({ ...env, ALLOW_DEMO_PKI_IN_PRODUCTION: 'true' }).demoPki).toBe(true);
  });

  test('a bad setting is named', () => {
    expect(() => loadConfig({ GATEWAY_PORT: 'eighty' })).toThrow(/GATEWAY_PORT/);
  });

  test('the language comes from Accept-Language, Kyrgyz by default', () => {
    expect(parseLocale(undefined)).toBe('ky');
    expect(parseLocale('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(parseLocale('de-DE,en;q=0.5')).toBe('en');
    expect(parseLocale('fr')).toBe('ky');
  });
});
