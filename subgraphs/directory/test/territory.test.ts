import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { startSystem, TestSystem } from '../../../test/harness';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys?.stop());

const source = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(__dirname, '../data/soate.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('territories through the gateway', () => {
  test('the 9 first-level units, with Kyrgyz names by default and Russian and English on request', async () => {
    const q = '{ territories(level: OBLAST) { code name } }';
    const ky = await sys.gql(q);
    expect(ky.errors).toBeUndefined();
    expect(ky.data.territories).toHaveLength(9);
    const codes = ky.data.territories.map((t: any) => t.code);
    expect(codes).toEqual(expect.arrayContaining(['41708000000000', '41711000000000', '41721000000000']));
    const byCode = (r: any) => Object.fromEntries(r.data.territories.map((t: any) => [t.code, t.name]));
    expect(byCode(ky)['41708000000000']).toBe('Чүй облусу');
    expect(byCode(await sys.gql(q, {}, { locale: 'ru' }))['41708000000000']).toBe('Чуйская область');
    expect(byCode(await sys.gql(q, {}, { locale: 'en-GB,en;q=0.9' }))['41711000000000']).toBe('Bishkek City');
  });

  test('every unit of the source file is loaded, level by level', async () => {
    const counts: Record<string, number> = {};
    for (const r of source) counts[r.level] = (counts[r.level] ?? 0) + 1;
    for (const [level, n] of Object.entries(counts)) {
      const r = await sys.gql('query($l: TerritoryLevel) { territories(level: $l) { code } }', { l: level });
      expect(r.data.territories).toHaveLength(n);
    }
    expect(counts).toEqual({ OBLAST: 9, DISTRICT: 58, AIYL_OKMOTU: 516, SETTLEMENT: 1855 });
  });

  test('children, parent and the full path of an aiyl okmotu', async () => {
    const r = await sys.gql(
      `{ territory(code: "41708203807000") { name level parent { code } path { code } pathName }
         chui: territory(code: "41708000000000") { children { code level } } }`,
    );
    expect(r.errors).toBeUndefined();
    const t = r.data.territory;
    expect(t.level).toBe('AIYL_OKMOTU');
    expect(t.parent.code).toBe('41708203000000');
    expect(t.path.map((p: any) => p.code)).toEqual(['41708000000000', '41708203000000', '41708203807000']);
    expect(t.pathName).toBe('Чүй облусу › Аламүдүн району › Аламудун айыл аймагы');
    const chuiChildren = source.filter((s) => s.parent_code === '41708000000000').map((s) => s.code);
    expect(r.data.chui.children.map((c: any) => c.code)).toEqual(chuiChildren);
  });

  test('search by name in any language tolerates a typo and finds the raion first', async () => {
    for (const text of ['Аламүдүн', 'Аламудинский', 'alamudun', 'Alamüdün']) {
      const r = await sys.gql('query($t: String!) { searchTerritories(text: $t, limit: 5) { code level } }', { t: text });
      expect(r.errors).toBeUndefined();
      expect(r.data.searchTerritories[0]).toEqual({ code: '41708203000000', level: 'DISTRICT' });
    }
    const villages = await sys.gql('{ searchTerritories(text: "Каракол", level: SETTLEMENT) { level } }');
    expect(villages.data.searchTerritories.length).toBeGreaterThan(0);
    expect(villages.data.searchTerritories.every((t: any) => t.level === 'SETTLEMENT')).toBe(true);
  });

  test('a bad code is refused with a translated message naming the field', async () => {
    const ru = await sys.gql('{ territory(code: "123") { code } }', {}, { locale: 'ru' });
    expect(ru.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(ru.errors?.[0].message).toBe('Код: код СОАТЕ должен состоять из 14 цифр');
    const ky = await sys.gql('{ territory(code: "123") { code } }');
    expect(ky.errors?.[0].message).toMatch(/СОАТЕ коду 14 цифрадан/);
    const limit = await sys.gql('{ searchTerritories(text: "Ош", limit: 500) { code } }', {}, { locale: 'en' });
    expect(limit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  test('an unknown code is null, not an error', async () => {
    const r = await sys.gql('{ territory(code: "41799999999999") { code } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.territory).toBeNull();
  });

  test('entity references are answered in one batch, duplicates once', async () => {
    const res = await fetch(sys.subgraphUrls.directory, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'ru' },
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { code name } ... on Country { code name } } }',
        variables: {
          r: [
            { __typename: 'Territory', code: '41708000000000' },
            { __typename: 'Territory', code: '41708000000000' },
            { __typename: 'Country', code: 'TR' },
            { __typename: 'Territory', code: '41799999999999' },
          ],
        },
      }),
    });
    const body = await res.json();
    expect(body.data._entities).toEqual([
      { code: '41708000000000', name: 'Чуйская область' },
      { code: '41708000000000', name: 'Чуйская область' },
      { code: 'TR', name: 'Турция' },
      null,
    ]);
  });
});

describe('countries', () => {
  test('the seven programme destinations come first, in order, named in the caller language', async () => {
    const r = await sys.gql('{ countries { code name isProgrammeDestination } }', {}, { locale: 'en' });
    expect(r.data.countries.slice(0, 7).map((c: any) => c.code)).toEqual(['TR', 'RU', 'KZ', 'AE', 'KR', 'GB', 'DE']);
    expect(r.data.countries.length).toBeGreaterThan(240);
    const only = await sys.gql('{ countries(programmeOnly: true) { code name } }');
    expect(only.data.countries).toHaveLength(7);
    expect(only.data.countries[4]).toEqual({ code: 'KR', name: 'Түштүк Корея' });
  });
});

describe('occupations (ISCO-08)', () => {
  test('unit groups by default, searchable in any language, named in the caller language', async () => {
    const all = await sys.gql('{ occupations { code } }');
    expect(all.data.occupations.every((o: any) => /^\d{4}$/.test(o.code))).toBe(true);
    const ru = await sys.gql('{ occupations(search: "сварщ") { code name } }', {}, { locale: 'ru' });
    expect(ru.data.occupations).toEqual([{ code: '7212', name: 'Сварщик' }]);
    const ky = await sys.gql('{ occupations(search: "welder") { name } }');
    expect(ky.data.occupations[0].name).toBe('Ширетүүчү');
    const major = await sys.gql('{ occupations(level: MAJOR) { code } }');
    expect(major.data.occupations).toHaveLength(10);
  });
});
