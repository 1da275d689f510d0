import { composeSchema, readCheckedIn, undeclaredBreakingChanges } from '../src/schema';

describe('schema/', () => {
  test('the checked-in subgraph SDLs and supergraph match what the code prints (run `npm run schema`)', async () => {
    const fresh = await composeSchema();
    const checkedIn = readCheckedIn();
    expect(checkedIn).not.toBeNull();
    for (const [name, sdl] of Object.entries(fresh.subgraphs)) expect({ name, sdl: checkedIn!.subgraphs[name] }).toEqual({ name, sdl });
    expect(checkedIn!.supergraph).toBe(fresh.supergraph);
  });

  test('the code does not break the checked-in public API without a declaration', async () => {
    const fresh = await composeSchema();
    expect(undeclaredBreakingChanges(readCheckedIn()!.supergraph, fresh.supergraph)).toEqual([]);
  });

  test('removing a field is detected as a breaking change', () => {
    const before = readCheckedIn()!.supergraph;
    const after = before.replace(/\n\s+"""[^"]*"""\n\s+nameLatin: String!/, '');
    expect(after).not.toBe(before);
    expect(undeclaredBreakingChanges(before, after)).toEqual([expect.stringContaining('Territory.nameLatin was removed')]);
  });
});
