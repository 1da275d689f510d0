import { ConfigError, DEMO, loadConfig, logger, openDatabase } from '@kg/platform';
import { startSystem } from './system';

/** `npm start`: the whole system in one process, on the embedded database unless DATABASE_URL is set. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  const system = await startSystem({ config, database });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const where = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}/pglite` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `  Kyrgyz labour-migration platform is up in ${seconds} s (${where})`,
    `  web app         ${system.gateway.url}/`,
    `  GraphQL         ${system.gateway.url}/graphql`,
    `  health          ${system.gateway.url}/healthz   readiness ${system.gateway.url}/readyz`,
    ...system.subgraphs.map((s) => `  ${s.name.padEnd(15)} ${s.url}`),
    '',
    ...(config.demoData
      ? [
          '  DEMO DATA (development only):',
          `  staff sign-in   ${system.gateway.url}/staff/sign-in  logins admin, officer, agency, worker, coordinator, consul, mfa, analyst, auditor`,
          `                  password ${DEMO.password}, code: npm run totp`,
          `  citizen sign-in ${system.gateway.url}/sign-in  use the demo signer there, or: npm run sign -- "<challenge>"`,
          '',
        ]
      : []),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping');
    await system.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  if (e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
  else logger.fatal({ err: e }, 'start-up failed');
  process.exit(1);
});
