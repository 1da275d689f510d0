import type { SubgraphDefinition } from '@kg/platform';
import { directory } from '@kg/subgraph-directory';
import { identity } from '@kg/subgraph-identity';
import { migrants } from '@kg/subgraph-migrants';

/** Every subgraph, in start order (identity first once it exists: the others verify its tokens). */
export const SUBGRAPH_DEFINITIONS: SubgraphDefinition[] = [identity, directory, migrants];
