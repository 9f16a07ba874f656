import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import type { ASTVisitor, SelectionNode, ValidationContext, ValidationRule } from 'graphql';

/**
 * How much one GraphQL document may ask for. Generous enough for every document the web app sends
 * (a test validates all of them against these limits), small enough that a nested
 * `evaluation → call → evaluations → …` bomb or a thousand aliases is refused at validation,
 * before any resolver or SQL runs. Lists are also capped by `first` ≤ 100 in each resolver.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 8,
  maxAliases: 10,
  maxRootFields: 10,
  maxDirectives: 20,
  maxTokens: 2_000,
  maxCost: 20_000,
} as const;

const LIMIT_CODE = 'GRAPHQL_VALIDATION_FAILED';

/**
 * At most `max` fields at the top of any operation (aliases of the same field count each), counting
 * the fields that named fragments and inline fragments bring to the top as well — otherwise
 * `{ ...Many }` would carry any number of root fields past the limit.
 */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const count = (selections: readonly SelectionNode[], seen: ReadonlySet<string>): number =>
      selections.reduce((total, selection) => {
        if (selection.kind === Kind.FIELD) return total + 1;
        if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet.selections, seen);
        const name = selection.name.value;
        const fragment = context.getFragment(name);
        // An unknown or cyclic spread is another rule's error; it adds nothing here.
        if (!fragment || seen.has(name)) return total;
        return total + count(fragment.selectionSet.selections, new Set([...seen, name]));
      }, 0);
    return {
      OperationDefinition(node) {
        const total = count(node.selectionSet.selections, new Set());
        if (total > max) {
          context.reportError(
            new GraphQLError(`Too many root fields: ${total}, at most ${max} in one operation.`, {
              nodes: [node],
              extensions: { code: LIMIT_CODE },
            }),
          );
        }
      },
    };
  };
}

export interface GraphqlProtection {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  /** graphql-js's own token limit, so an over-long document is an ordinary 400 parse failure. */
  parseOptions: { maxTokens: number };
}

/**
 * The validation rules and plugins that enforce {@link GRAPHQL_LIMITS}. Field suggestions
 * ("did you mean …?") reveal the schema, so production hides them along with introspection (and
 * formatError hides the ones armor's pattern misses: enum values, variables).
 */
export function graphqlProtection(production: boolean): GraphqlProtection {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    // The parser enforces the token limit itself (parseOptions below): armor's plugin would turn
    // every syntax error into a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: plugins as ApolloServerPlugin[],
    validationRules: [...(validationRules as ValidationRule[]), maxRootFieldsRule(GRAPHQL_LIMITS.maxRootFields)],
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
  };
}
