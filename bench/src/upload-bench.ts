import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authenticator } from 'otplib';
import { DEMO, loadConfig, logger, openPglite, openPostgres } from '@kg/platform';
import { startSystem } from '@kg/gateway';

/**
 * `npm run bench [-- ROWS]`: a national-scale agency upload (default 100,000 rows) through the gateway,
 * as an agency's browser would send it: preview (parse + validate + duplicate check), then commit.
 * Runs on the embedded database, and on PostgreSQL too when DATABASE_URL is set.
 */
async function run(label: string, open: () => Promise<any>, rows: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DEMO_DATA: 'true', WEB_DIST: '/nonexistent' });
  const database = await open();
  const system = await startSystem({ config, database, ephemeralPorts: true });
  const url = `${system.gateway.url}/graphql`;
  const gql = async (query: string, variables: object, token?: string) => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    const body = (await r.json()) as { data: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  try {
    const token = (await gql('mutation($c: String!) { signInWithPassword(login: "agency", password: "' + DEMO.password + '", totpCode: $c) { accessToken } }', { c: authenticator.generate(DEMO.totpSecret) })).signInWithPassword.accessToken;
    const lines = ['ПИН;Фамилия;Имя;Дата рождения;Страна;Город;Работодатель;Код ISCO;Дата начала контракта'];
    for (let i = 0; i < rows; i++) {
      const pin = `${i % 2 ? 1 : 2}0101${1960 + (i % 40)}${String(i % 100000).padStart(5, '0')}`;
      lines.push(`${pin};Асанов;Бакыт;01.01.${1960 + (i % 40)};RU;Москва;Employer ${i % 500};9313;0${(i % 9) + 1}.03.2026`);
    }
    const content = Buffer.from(lines.join('\n'), 'utf8').toString('base64');
    const heap0 = process.memoryUsage().rss;
    let t = Date.now();
    const preview = (await gql('mutation($c: String!) { previewDepartureUpload(fileName: "bench.csv", contentBase64: $c) { uploadId validRows invalidRows } }', { c: content }, token)).previewDepartureUpload;
    const previewMs = Date.now() - t;
    t = Date.now();
    const commit = (await gql('mutation($id: ID!) { commitDepartureUpload(uploadId: $id) { created duplicates } }', { id: preview.uploadId }, token)).commitDepartureUpload;
    const commitMs = Date.now() - t;
    const rss = Math.round(Math.max(process.memoryUsage().rss, heap0) / 1024 / 1024);
    process.stdout.write(
      `${label.padEnd(10)} rows ${rows}  file ${(content.length / 1024 / 1024).toFixed(1)} MB base64  preview ${(previewMs / 1000).toFixed(1)} s (${preview.validRows} valid)  ` +
        `commit ${(commitMs / 1000).toFixed(1)} s (${commit.created} created)  rss ${rss} MB\n`,
    );
  } finally {
    await system.stop();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  logger.level = 'warn';
  const rows = Number(process.argv[2] ?? 100_000);
  await run('embedded', () => openPglite(), rows);
  if (process.env.DATABASE_URL) {
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = `kg_bench_${process.pid}`;
    await admin.query(`create database ${name}`);
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    try {
      await run('postgres', () => openPostgres(u.toString()), rows);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
