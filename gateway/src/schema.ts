import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { findBreakingChanges, GraphQLSchema, parse } from 'graphql';
import { printSubgraphSdl, SUBGRAPHS } from '@kg/platform';
import { SCHEMA_DIR } from './system';
import { SUBGRAPH_DEFINITIONS } from './subgraphs';

export interface ComposedSchema {
  subgraphs: Record<string, string>;
  supergraph: string;
}

/** Prints every subgraph's SDL and composes the supergraph in-process (no binary download). */
export async function composeSchema(): Promise<ComposedSchema> {
  const subgraphs: Record<string, string> = {};
  for (const def of SUBGRAPH_DEFINITIONS) subgraphs[def.name] = await printSubgraphSdl(def);
  const result = composeServices(
    Object.entries(subgraphs).map(([name, sdl]) => ({
      name,
      typeDefs: parse(sdl),
      url: `http://127.0.0.1:${SUBGRAPHS[name as keyof typeof SUBGRAPHS]}/graphql`,
    })),
  );
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  return { subgraphs, supergraph: result.supergraphSdl };
}

/** The public API clients see (federation machinery removed). */
export function apiSchema(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** Breaking changes are declared, with a reason, in schema/breaking-changes.json: [{ "change": "...", "reason": "..." }]. */
export function declaredBreakingChanges(): Set<string> {
  const file = path.join(SCHEMA_DIR, 'breaking-changes.json');
  if (!fs.existsSync(file)) return new Set();
  return new Set((JSON.parse(fs.readFileSync(file, 'utf8')) as { change: string }[]).map((d) => d.change));
}

/** Breaking changes from one supergraph to the next that nobody declared. */
export function undeclaredBreakingChanges(before: string, after: string): string[] {
  const declared = declaredBreakingChanges();
  return findBreakingChanges(apiSchema(before), apiSchema(after))
    .map((c) => `${c.type}: ${c.description}`)
    .filter((c) => !declared.has(c));
}

export function readCheckedIn(): ComposedSchema | null {
  const file = path.join(SCHEMA_DIR, 'supergraph.graphql');
  if (!fs.existsSync(file)) return null;
  const subgraphs: Record<string, string> = {};
  for (const def of SUBGRAPH_DEFINITIONS) {
    const f = path.join(SCHEMA_DIR, `${def.name}.graphql`);
    subgraphs[def.name] = fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '';
  }
  return { subgraphs, supergraph: fs.readFileSync(file, 'utf8') };
}
