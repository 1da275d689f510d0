import fs from 'node:fs';
import path from 'node:path';
import { configureTokenKeys, ConfigError, jwksUrl, loadConfig, logger, SUBGRAPH_NAMES } from '@kg/platform';
import { startGateway } from './server';
import { SCHEMA_DIR } from './system';

export { startGateway } from './server';
export { startSystem } from './system';

/** The gateway as its own process (docker-compose.yml), subgraph URLs from the settings. */
async function main() {
  const config = loadConfig();
  configureTokenKeys({ jwksUrl: jwksUrl(config) });
  const gateway = await startGateway({
    supergraphSdl: fs.readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, config.subgraphUrl(n)])),
    port: config.GATEWAY_PORT,
    host: config.HOST,
    webDist: config.WEB_DIST,
    maxBody: config.MAX_BODY,
  });
  logger.info({ url: gateway.url }, 'gateway ready');
  const stop = () => gateway.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((e) => {
    if (e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
    else logger.fatal({ err: e }, 'gateway failed to start');
    process.exit(1);
  });
}
