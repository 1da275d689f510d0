import path from 'node:path';
import { z } from 'zod';

/** Every subgraph of the platform, in start order, with its default port. */
export const SUBGRAPHS = {
  directory: 4101,
  identity: 4102,
  migrants: 4103,
} as const;
export type SubgraphName = keyof typeof SUBGRAPHS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPHS) as SubgraphName[];

const csv = z
  .string()
  .default('')
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** PostgreSQL connection string; without it the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database keeps its files (and development keys and demo certificates). */
  DATA_DIR: z.string().default('./data'),
  HOST: z.string().default('127.0.0.1'),
  GATEWAY_PORT: port.default(4000),
  DIRECTORY_PORT: port.default(SUBGRAPHS.directory),
  IDENTITY_PORT: port.default(SUBGRAPHS.identity),
  MIGRANTS_PORT: port.default(SUBGRAPHS.migrants),
  DIRECTORY_URL: z.string().url().optional(),
  IDENTITY_URL: z.string().url().optional(),
  MIGRANTS_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The built web app the gateway serves at "/". */
  WEB_DIST: z.string().default('clients/web/dist'),
  /** Largest accepted request body (bulk uploads travel as base64 inside GraphQL). */
  MAX_BODY: z.string().default('40mb'),
  /** Citizens' signatures must chain to one of these CA certificates (PEM files). */
  TRUSTED_CA_FILES: csv,
  /** Certificate revocation lists (PEM or DER). */
  CRL_FILES: csv,
  /** Development only: create and trust a demo CA with demo citizen and staff certificates. */
  DEMO_PKI: z.enum(['true', 'false']).optional(),
  /** PEM file of the private key (ES256) the identity subgraph signs access tokens with. */
  JWT_PRIVATE_KEY_FILE: z.string().optional(),
  /** Where subgraphs and the gateway fetch the token-verification keys. */
  JWKS_URL: z.string().url().optional(),
  /** Key (32 bytes, base64) that encrypts staff TOTP secrets at rest. */
  TOTP_KEY_FILE: z.string().optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(60 * 60 * 24 * 14),
  /** Days after departure within which an agency must report it; later reports are flagged late. */
  DEPARTURE_REPORT_DEADLINE_DAYS: z.coerce.number().int().positive().default(10),
  /** Load demo agencies, reports and accounts at start (development default). */
  DEMO_DATA: z.enum(['true', 'false']).optional(),
});

export type Config = z.infer<typeof schema> & {
  dataDir: string;
  demoData: boolean;
  demoPki: boolean;
  subgraphPort(name: SubgraphName): number;
  subgraphUrl(name: SubgraphName): string;
};

export class ConfigError extends Error {}

/** Reads and validates settings; every setting has a development default, production demands its secrets. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production) {
    const missing: string[] = [];
    if (!c.DATABASE_URL) missing.push('DATABASE_URL (production does not run on the embedded database)');
    if (!c.JWT_PRIVATE_KEY_FILE && !c.JWKS_URL) missing.push('JWT_PRIVATE_KEY_FILE or JWKS_URL');
    if (c.TRUSTED_CA_FILES.length === 0) missing.push('TRUSTED_CA_FILES');
    if (!c.TOTP_KEY_FILE && env.SERVICE_ROLE === 'identity') missing.push('TOTP_KEY_FILE');
    if (c.DEMO_PKI === 'true' && env.ALLOW_DEMO_PKI_IN_PRODUCTION !== 'true')
      missing.push('DEMO_PKI=true needs ALLOW_DEMO_PKI_IN_PRODUCTION=true in production');
    if (missing.length) throw new ConfigError(`Production refuses to start without:\n  ${missing.join('\n  ')}`);
  }
  const ports: Record<SubgraphName, number> = {
    directory: c.DIRECTORY_PORT,
    identity: c.IDENTITY_PORT,
    migrants: c.MIGRANTS_PORT,
  };
  const urls: Record<SubgraphName, string | undefined> = {
    directory: c.DIRECTORY_URL,
    identity: c.IDENTITY_URL,
    migrants: c.MIGRANTS_URL,
  };
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    demoData: c.DEMO_DATA ? c.DEMO_DATA === 'true' : !production,
    demoPki: c.DEMO_PKI ? c.DEMO_PKI === 'true' : !production,
    subgraphPort: (name) => ports[name],
    subgraphUrl: (name) => urls[name] ?? `http://127.0.0.1:${ports[name]}/graphql`,
  };
}
