import { configureTokenKeys } from './auth';
import type { Config } from './config';
import { openDatabase } from './db';
import { logger } from './log';
import { startSubgraph, SubgraphDefinition } from './subgraph';

/** Where verification keys come from when a subgraph runs as its own process. */
export function jwksUrl(config: Config): string {
  return config.JWKS_URL ?? (config.IDENTITY_URL ?? `http://127.0.0.1:${config.IDENTITY_PORT}/graphql`).replace(/\/graphql$/, '/.well-known/jwks.json');
}

/** Runs one subgraph as its own process (as docker-compose.yml does), until SIGTERM/SIGINT. */
export async function runSubgraphMain(def: SubgraphDefinition, config: Config): Promise<void> {
  try {
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
    configureTokenKeys({ jwksUrl: jwksUrl(config) });
    const running = await startSubgraph(def, { db: database.db, config }, { port: config.subgraphPort(def.name), host: config.HOST });
    const stop = async () => {
      await running.stop();
      await database.close();
      process.exit(0);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (e) {
    logger.fatal({ err: e }, `${def.name} failed to start`);
    process.exit(1);
  }
}
