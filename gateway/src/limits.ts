import { ASTVisitor, FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode, ValidationContext } from 'graphql';
import { currentLocale, translate } from '@kg/platform';

export const LIMITS = { depth: 12, aliases: 30, fields: 400 };

const tooComplex = (reason: string) =>
  new GraphQLError(translate('error.queryTooComplex', currentLocale(), { reason }), { extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' } });

/**
 * Refuses queries deeper than LIMITS.depth, with more than LIMITS.aliases aliases or LIMITS.fields
 * selected fields (fragments expanded), before any subgraph is asked.
 */
export function queryLimitsRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let aliases = 0;
  let fields = 0;
  const measure = (set: SelectionSetNode, depth: number, seen: Set<string>): number => {
    let max = depth;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        fields++;
        if (sel.alias) aliases++;
        if (sel.selectionSet) max = Math.max(max, measure(sel.selectionSet, depth + 1, seen));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, measure(sel.selectionSet, depth, seen));
      } else {
        const f = fragments.get(sel.name.value);
        if (f && !seen.has(f.name.value)) max = Math.max(max, measure(f.selectionSet, depth, new Set([...seen, f.name.value])));
      }
    }
    return max;
  };
  return {
    OperationDefinition(op) {
      aliases = 0;
      fields = 0;
      const depth = measure(op.selectionSet, 1, new Set());
      if (depth > LIMITS.depth) context.reportError(tooComplex(`depth ${depth} > ${LIMITS.depth}`));
      if (aliases > LIMITS.aliases) context.reportError(tooComplex(`aliases ${aliases} > ${LIMITS.aliases}`));
      if (fields > LIMITS.fields) context.reportError(tooComplex(`fields ${fields} > ${LIMITS.fields}`));
    },
  };
}
