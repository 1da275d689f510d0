import { loadConfig, openDatabase, verifyAccessChain } from '@kg/platform';

/** `npm run audit:verify`: recomputes the access log's hash chain; exit code 1 when it is broken. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    const r = await verifyAccessChain(database.db);
    process.stdout.write(r.ok ? `access log intact: ${r.entries} entries\n` : `access log BROKEN at entry ${r.firstBrokenId} (after ${r.entries} good entries)\n`);
    process.exitCode = r.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}
main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
});
