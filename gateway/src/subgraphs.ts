import type { SubgraphDefinition } from '@kg/platform';
import { directory } from '@kg/subgraph-directory';
import { identity } from '@kg/subgraph-identity';

/** Every subgraph, in start order (identity first once it exists: the others verify its tokens). */
export const SUBGRAPH_DEFINITIONS: SubgraphDefinition[] = [identity, directory];
