import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Database, loadConfig, openPglite, openPostgres } from '@kg/platform';
import { startSystem as startAll } from '../gateway/src/system';

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  status: number;
}

export interface TestSystem {
  /** The gateway's base URL: the web app at "/", GraphQL at "/graphql". */
  url: string;
  database: Database;
  dataDir: string;
  /** The running processes' handles, for tests that stop a part on purpose. */
  system: Awaited<ReturnType<typeof startAll>>;
  subgraphUrls: Record<string, string>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, opts?: { token?: string; locale?: string; headers?: Record<string, string> }): Promise<GqlResult<T>>;
  stop(): Promise<void>;
}

/**
 * A fresh database for one test file: a new PostgreSQL database when DATABASE_URL is set (CI does),
 * otherwise an in-memory PGlite. No mocks: the real subgraphs and gateway run on it.
 */
async function freshDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openPglite(), drop: async () => {} };
  const name = `kg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 5);
  return {
    database,
    async drop() {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export async function startSystem(env: Record<string, string> = {}): Promise<TestSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    WEB_DIST: path.resolve(__dirname, '../clients/web/dist'),
    ...env,
  });
  const { database, drop } = await freshDatabase();
  const system = await startAll({ config, database, ephemeralPorts: true });
  const url = system.gateway.url;
  return {
    url,
    database,
    dataDir,
    system,
    subgraphUrls: Object.fromEntries(system.subgraphs.map((s) => [s.name, s.url])),
    async gql(query, variables, opts = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-language': opts.locale ?? 'ky',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { ...(await res.json()), status: res.status };
    },
    async stop() {
      await system.stop();
      await database.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
