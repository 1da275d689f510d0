import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openPglite } from '../src';

/**
 * An acknowledged write on the embedded database survives the process being killed outright (kill -9),
 * not only a clean stop. The writer runs as a real separate process from the built platform (npm test
 * builds first).
 */
test('a committed write on the embedded database survives kill -9', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-crash-'));
  const dbDir = path.join(dir, 'pglite');
  const script = `
    const { openPglite } = require(${JSON.stringify(path.resolve(__dirname, '../dist/index.js'))});
    const { sql } = require('kysely');
    (async () => {
      const { db } = await openPglite(${JSON.stringify(dbDir)});
      await sql\`create table if not exists t (n int)\`.execute(db);
      await db.transaction().execute((trx) => sql\`insert into t values (42)\`.execute(trx));
      process.stdout.write('committed\\n');
      setInterval(() => {}, 1000); // stay alive until killed
    })();`;
  const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('committed') && resolve());
    child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  child.kill('SIGKILL');
  await new Promise((r) => child.on('close', r));
  const database = await openPglite(dbDir);
  const rows = await sql<{ n: number }>`select n from t`.execute(database.db);
  expect(rows.rows).toEqual([{ n: 42 }]);
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}, 90_000);
