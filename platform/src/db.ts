import fs from 'node:fs';
import path from 'node:path';
import {
  CompiledQuery,
  DatabaseConnection,
  Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  PostgresDialect,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { logger } from './log';

export type Db = Kysely<any>;
export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

// Dates stay 'YYYY-MM-DD' strings (a JS Date would shift them by the time zone); counts become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const parseInt8 = (v: string) => Number.parseInt(v, 10);
const keepDate = (v: string) => v;
const PGLITE_PARSERS = { [DATE_OID]: keepDate, [INT8_OID]: parseInt8 };

export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: any) => {
        if (oid === DATE_OID) return keepDate;
        if (oid === INT8_OID) return parseInt8;
        return pg.types.getTypeParser(oid, format);
      }) as any,
    },
  });
  // An idle connection that the server drops (restart, failover) must not take the process down;
  // the pool replaces it on next use.
  pool.on('error', (err) => logger.warn({ code: (err as { code?: string }).code }, 'idle database connection lost'));
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** Opens the embedded database: files under dir, or in memory when dir is undefined. */
export async function openPglite(dir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dir) fs.mkdirSync(path.dirname(dir), { recursive: true });
  const pglite = new PGlite({ dataDir: dir, parsers: PGLITE_PARSERS });
  await pglite.waitReady;
  const db = new Kysely<any>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new PGliteDriver(pglite),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/**
 * PGlite is one connection. Kysely would hand it to two callers at once, interleaving a transaction
 * with unrelated statements, so connections are handed out one at a time through a queue.
 */
class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  constructor(private readonly pglite: PGlite) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const turn = new Promise<void>((r) => (release = r));
    const previous = this.queue;
    this.queue = previous.then(() => turn);
    await previous;
    return new PGliteConnection(this.pglite, release);
  }
  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await c.executeQuery(CompiledQuery.raw(`begin${level}`));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(c: DatabaseConnection): Promise<void> {
    (c as PGliteConnection).release();
  }
  async destroy(): Promise<void> {
    await this.queue;
    await this.pglite.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(
    private readonly pglite: PGlite,
    readonly release: () => void,
  ) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (q.parameters.length === 0 && q.sql.includes(';')) {
      // Several statements (migrations): the simple protocol, like pg does without parameters.
      const results = await this.pglite.exec(q.sql);
      const last = results[results.length - 1];
      return { rows: (last?.rows ?? []) as R[] };
    }
    const r = await this.pglite.query<R>(q.sql, q.parameters as unknown[], { parsers: PGLITE_PARSERS });
    return {
      rows: r.rows,
      numAffectedRows: r.affectedRows !== undefined ? BigInt(r.affectedRows) : undefined,
    };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported on the embedded database');
  }
}

/** Postgres when DATABASE_URL is set, otherwise the embedded PGlite under dataDir. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(path.join(opts.dataDir, 'pglite'));
}
