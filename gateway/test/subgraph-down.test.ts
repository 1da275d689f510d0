import { startSystem, TestSystem } from '../../test/harness';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys?.stop());

test('when a subgraph is down, the client gets a translated message with the request id and no internal URL', async () => {
  // Stop the directory subgraph's HTTP server behind the gateway's back.
  const { port } = new URL(sys.subgraphUrls.directory);
  const before = await fetch(`${sys.url}/readyz`);
  expect(before.status).toBe(200);
  await stopSubgraphAt(sys, 'directory');
  const r = await sys.gql('{ territories(level: OBLAST) { code } }', {}, { locale: 'en', headers: { 'x-request-id': 'trace-down-0001' } });
  expect(r.errors).toHaveLength(1);
  const text = JSON.stringify(r.errors);
  expect(text).not.toContain(port);
  expect(text).not.toContain('127.0.0.1');
  expect(r.errors?.[0].message).toContain('trace-down-0001');
  expect(r.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
  const after = await fetch(`${sys.url}/readyz`);
  expect(after.status).toBe(503);
  expect((await after.json()).subgraphs.directory).toBe('down');
});

async function stopSubgraphAt(s: TestSystem, name: string) {
  const running = (s as any).system?.subgraphs?.find((x: any) => x.name === name);
  if (!running) throw new Error('harness does not expose running subgraphs');
  await running.stop();
}
