import { sql } from 'kysely';
import { migrate, openPglite, openPostgres } from '../src';

const open = () => (process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL, 4) : openPglite());

describe('database layer', () => {
  test('transactions on the embedded database never interleave with other statements', async () => {
    const database = await openPglite();
    const { db } = database;
    await sql`create table t (n int)`.execute(db);
    // A transaction that waits between its statements, and an unrelated insert fired meanwhile.
    const trx = db.transaction().execute(async (t) => {
      await sql`insert into t values (1)`.execute(t);
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('roll back');
    });
    const outside = sql`insert into t values (2)`.execute(db);
    await expect(trx).rejects.toThrow('roll back');
    await outside;
    const rows = await sql<{ n: number }>`select n from t order by n`.execute(db);
    // Had the outside insert run inside the transaction's connection, it would have been rolled back too.
    expect(rows.rows.map((r) => r.n)).toEqual([2]);
    await database.close();
  });

  test('migrations run once, even when two start at the same moment, and a failing one leaves nothing', async () => {
    const database = await open();
    const { db } = database;
    const schema = `mig_${Date.now()}`;
    let runs = 0;
    const migrations = [
      { name: '0001_a', up: async (d: any, s: string) => { runs++; await sql`create table ${sql.id(s, 'a')} (x int)`.execute(d); } },
    ];
    await Promise.all([migrate(db, schema, migrations), migrate(db, schema, migrations)]);
    expect(runs).toBe(1);
    const bad = [...migrations, { name: '0002_b', up: async (d: any, s: string) => { await sql`create table ${sql.id(s, 'b')} (x int)`.execute(d); throw new Error('boom'); } }];
    await expect(migrate(db, schema, bad)).rejects.toThrow('boom');
    const tables = await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = ${schema} order by 1`.execute(db);
    expect(tables.rows.map((r) => r.t)).toEqual(['a', 'schema_migration']);
    await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
    await database.close();
  });

  test('dates come back as YYYY-MM-DD text and counts as numbers, on either database', async () => {
    const database = await open();
    const r = await sql<{ d: string; n: number }>`select date '2026-03-01' as d, count(*) as n from (values (1),(2)) v(x)`.execute(database.db);
    expect(r.rows[0]).toEqual({ d: '2026-03-01', n: 2 });
    await database.close();
  });
});
