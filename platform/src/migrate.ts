import { sql } from 'kysely';
import type { Db } from './db';

export interface Migration {
  /** Numbered, forward-only: '0001_init'. Never edit one that has shipped; add the next. */
  name: string;
  up(db: Db, schema: string): Promise<void>;
}

/**
 * Brings one subgraph's schema up to date. All of it runs in one transaction under an advisory lock,
 * so two processes starting at once apply each migration exactly once, and a failed one leaves nothing.
 */
export async function migrate(db: Db, schema: string, migrations: Migration[]): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${'migrate:' + schema}))`.execute(trx);
    await sql`create schema if not exists ${sql.id(schema)}`.execute(trx);
    await sql`create table if not exists ${sql.id(schema, 'schema_migration')} (
      name text primary key, applied_at timestamptz not null default now())`.execute(trx);
    const done = await sql<{ name: string }>`select name from ${sql.id(schema, 'schema_migration')}`.execute(trx);
    const doneNames = new Set(done.rows.map((r) => r.name));
    for (const m of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
      if (doneNames.has(m.name)) continue;
      await m.up(trx, schema);
      await sql`insert into ${sql.id(schema, 'schema_migration')} (name) values (${m.name})`.execute(trx);
      applied.push(m.name);
    }
  });
  return applied;
}
