import fs from 'node:fs';
import path from 'node:path';
import { Config, Database, RunningSubgraph, startSubgraph } from '@kg/platform';
import { RunningGateway, startGateway } from './server';
import { SUBGRAPH_DEFINITIONS } from './subgraphs';

export const SCHEMA_DIR = path.resolve(__dirname, '../../schema');

export interface RunningSystem {
  gateway: RunningGateway;
  subgraphs: RunningSubgraph[];
  stop(): Promise<void>;
}

/**
 * Every subgraph and the gateway in one process over one database: the embedded default, and what the
 * tests start. `ports` of 0 take free ports.
 */
export async function startSystem(opts: { config: Config; database: Database; ephemeralPorts?: boolean }): Promise<RunningSystem> {
  const { config, database } = opts;
  const subgraphs: RunningSubgraph[] = [];
  for (const def of SUBGRAPH_DEFINITIONS) {
    const port = opts.ephemeralPorts ? 0 : config.subgraphPort(def.name);
    const running = await startSubgraph(def, { db: database.db, config }, { port, host: config.HOST });
    subgraphs.push(running);
  }
  // In one process the identity subgraph has already handed its public key to the token checker.
  const gateway = await startGateway({
    supergraphSdl: fs.readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    port: opts.ephemeralPorts ? 0 : config.GATEWAY_PORT,
    host: config.HOST,
    webDist: config.WEB_DIST,
    maxBody: config.MAX_BODY,
  });
  return {
    gateway,
    subgraphs,
    async stop() {
      await gateway.stop();
      for (const s of subgraphs.reverse()) await s.stop();
    },
  };
}
