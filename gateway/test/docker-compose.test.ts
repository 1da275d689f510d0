import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig, SUBGRAPH_NAMES, SUBGRAPHS } from '@kg/platform';

const root = path.resolve(__dirname, '../..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });

describe('docker-compose.yml', () => {
  test('runs PostgreSQL, every subgraph and the gateway as separate services with health checks', () => {
    const names = Object.keys(compose.services);
    expect(names).toEqual(expect.arrayContaining(['postgres', 'gateway', ...SUBGRAPH_NAMES]));
    for (const name of [...SUBGRAPH_NAMES, 'gateway', 'postgres']) expect(compose.services[name].healthcheck).toBeDefined();
  });

  test.each(SUBGRAPH_NAMES)('the %s service runs its own entry point on the port and URL the config expects', (name) => {
    const svc = compose.services[name];
    const entry = svc.command[1];
    expect(entry).toBe(`subgraphs/${name}/dist/index.js`);
    expect(fs.existsSync(path.join(root, `subgraphs/${name}/src/index.ts`))).toBe(true);
    const config = loadConfig(svc.environment);
    expect(config.subgraphPort(name)).toBe(SUBGRAPHS[name]);
    expect(svc.healthcheck.test.join(' ')).toContain(`:${SUBGRAPHS[name]}/healthz`);
    // The gateway reaches this subgraph at the URL the compose file gives it.
    const gw = loadConfig(compose.services.gateway.environment);
    expect(gw.subgraphUrl(name)).toBe(`http://${name}:${SUBGRAPHS[name]}/graphql`);
  });

  test('every service passes the production settings check', () => {
    for (const name of [...SUBGRAPH_NAMES, 'gateway']) {
      const env = compose.services[name].environment;
      expect(env.NODE_ENV).toBe('production');
      expect(() => loadConfig(env)).not.toThrow();
    }
  });
});
