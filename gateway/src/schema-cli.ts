import fs from 'node:fs';
import path from 'node:path';
import { composeSchema, readCheckedIn, undeclaredBreakingChanges } from './schema';
import { SCHEMA_DIR } from './system';

/**
 * `npm run schema` writes schema/*.graphql from the code; it refuses when the public API breaks
 * and the break is not declared in schema/breaking-changes.json. `check` only compares.
 */
async function main(mode: string) {
  const fresh = await composeSchema();
  const current = readCheckedIn();
  const breaking = current ? undeclaredBreakingChanges(current.supergraph, fresh.supergraph) : [];
  if (breaking.length) {
    process.stderr.write(
      `The public API would break:\n  ${breaking.join('\n  ')}\n` +
        'Declare each one in schema/breaking-changes.json as {"change": "<line above>", "reason": "..."} if it is intended.\n',
    );
    process.exit(2);
  }
  const stale = !current || current.supergraph !== fresh.supergraph || Object.entries(fresh.subgraphs).some(([n, s]) => current.subgraphs[n] !== s);
  if (mode === 'check') {
    if (stale) {
      process.stderr.write('schema/ is stale: run `npm run schema` and commit the result.\n');
      process.exit(1);
    }
    process.stdout.write('schema/ is up to date\n');
    return;
  }
  for (const [name, sdl] of Object.entries(fresh.subgraphs)) fs.writeFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), sdl);
  fs.writeFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), fresh.supergraph);
  process.stdout.write(`wrote schema/ (${Object.keys(fresh.subgraphs).join(', ')}, supergraph)\n`);
}

main(process.argv[2] ?? 'write').catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
