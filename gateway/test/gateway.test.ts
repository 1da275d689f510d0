import { startSystem, TestSystem } from '../../test/harness';
import { LIMITS } from '../src/limits';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys?.stop());

describe('gateway HTTP layer', () => {
  test('/healthz says alive and /readyz lists every subgraph as up', async () => {
    expect(await (await fetch(`${sys.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${sys.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = await ready.json();
    expect(Object.keys(body.subgraphs).sort()).toEqual(Object.keys(sys.subgraphUrls).sort());
    expect(Object.values(body.subgraphs).every((s) => s === 'up')).toBe(true);
  });

  test('/metrics counts GraphQL requests for Prometheus', async () => {
    await sys.gql('{ territories(level: OBLAST) { code } }');
    const text = await (await fetch(`${sys.url}/metrics`)).text();
    expect(text).toMatch(/http_requests_total\{route="\/graphql",status="200"\} [1-9]/);
    expect(text).toContain('http_request_duration_seconds_bucket');
  });

  test('every response carries a request id; a sane incoming one is kept', async () => {
    const res = await fetch(`${sys.url}/healthz`, { headers: { 'x-request-id': 'support-1234-abcd' } });
    expect(res.headers.get('x-request-id')).toBe('support-1234-abcd');
    const fresh = await fetch(`${sys.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('too deep a query is refused before any subgraph is asked', async () => {
    let selection = 'code';
    for (let i = 0; i < LIMITS.depth; i++) selection = `children { ${selection} }`;
    const r = await sys.gql(`{ territory(code: "41708000000000") { ${selection} } }`, {}, { locale: 'en' });
    expect(r.errors?.[0].extensions?.reason).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors?.[0].message).toMatch(/too complex: depth/);
  });

  test('too many aliases are refused', async () => {
    const fields = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: territory(code: "41708000000000") { code }`).join(' ');
    const r = await sys.gql(`{ ${fields} }`, {}, { locale: 'ru' });
    expect(r.errors?.[0].extensions?.reason).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors?.[0].message).toMatch(/Запрос слишком сложный/);
  });

  test('a forged token is refused at the gateway with 401', async () => {
    const r = await sys.gql('{ territories(level: OBLAST) { code } }', {}, { token: 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', locale: 'en' });
    expect(r.status).toBe(401);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a plain browser GET of an app route serves the web app when built, never a GraphQL error', async () => {
    const res = await fetch(`${sys.url}/territories`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
  });
});
