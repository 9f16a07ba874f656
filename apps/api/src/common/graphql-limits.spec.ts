import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, print, specifiedRules, validate, visit } from 'graphql';
import type { DefinitionNode, FragmentDefinitionNode } from 'graphql';
import { GRAPHQL_LIMITS, graphqlProtection } from './graphql-limits.js';

const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && name !== 'graphql-types.ts') yield path;
  }
}

/** Every `/* GraphQL *\/` template of the web app, with `${…}` interpolations (fragments) left out. */
const templates = [...sourceFiles('apps/web/src/app')].flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/\/\* GraphQL \*\/ `([^`]*)`/g)].map((match) => ({
    file,
    document: parse(match[1]!.replace(/\$\{[^}]*\}/g, '')),
  })),
);
const fragments = new Map(
  templates.flatMap(({ document }) =>
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  ),
);

/** The fragments an operation spreads, and theirs in turn. */
function fragmentsOf(node: DefinitionNode, found = new Map<string, FragmentDefinitionNode>()) {
  visit(node, {
    FragmentSpread(spread) {
      const fragment = fragments.get(spread.name.value);
      if (fragment && !found.has(fragment.name.value)) {
        found.set(fragment.name.value, fragment);
        fragmentsOf(fragment, found);
      }
    },
  });
  return [...found.values()];
}

/** Every operation the web app sends, as the server receives it (with its fragments). */
const webDocuments = templates.flatMap(({ file, document }) =>
  document.definitions
    .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({ file, source: print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsOf(operation)] }) })),
);

const errorsOf = (source: string, production = true) => {
  const protection = graphqlProtection(production);
  return validate(schema, parse(source, protection.parseOptions), [...specifiedRules, ...protection.validationRules]).map(
    (e) => e.message,
  );
};

describe('GraphQL limits', () => {
  it('accept every document the web app sends', () => {
    expect(webDocuments.length).toBeGreaterThan(10);
    for (const { file, source } of webDocuments) expect({ file, errors: errorsOf(source) }).toEqual({ file, errors: [] });
  });

  it(`refuse a document nested deeper than ${GRAPHQL_LIMITS.maxDepth}`, () => {
    const bomb = `{ evaluations { nodes { call { evaluations { call { evaluations { call { evaluations { call { id } } } } } } } } } }`;
    expect(errorsOf(bomb).join()).toMatch(/depth/i);
  });

  it(`refuse more than ${GRAPHQL_LIMITS.maxAliases} aliases`, () => {
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ');
    expect(errorsOf(`{ ${aliases} }`).join()).toMatch(/alias/i);
  });

  it(`refuse more than ${GRAPHQL_LIMITS.maxRootFields} root fields`, () => {
    const fields = Array.from({ length: GRAPHQL_LIMITS.maxRootFields + 1 }, () => `me { id }`).join(' ');
    expect(errorsOf(`{ ${fields} }`)).toContain(
      `Too many root fields: ${GRAPHQL_LIMITS.maxRootFields + 1}, at most ${GRAPHQL_LIMITS.maxRootFields} in one operation.`,
    );
  });

  it('count root fields reached through named fragments, nested fragments and inline fragments', () => {
    const over = `Too many root fields: ${GRAPHQL_LIMITS.maxRootFields + 1}, at most ${GRAPHQL_LIMITS.maxRootFields} in one operation.`;
    const fields = (n: number) => Array.from({ length: n }, () => 'me { id }').join(' ');
    const max = GRAPHQL_LIMITS.maxRootFields;
    expect(errorsOf(`{ ...F } fragment F on Query { ${fields(max + 1)} }`)).toContain(over);
    expect(errorsOf(`{ ... on Query { ${fields(max + 1)} } }`)).toContain(over);
    expect(
      errorsOf(`{ me { id } ...A } fragment A on Query { ...B ${fields(5)} } fragment B on Query { ${fields(max - 5)} }`),
    ).toContain(over);
    expect(errorsOf(`{ ...A ...A } fragment A on Query { ${fields(6)} }`).join()).toMatch(/Too many root fields: 12/);
    // Within the limit through a fragment; a cycle is reported by graphql-js, not counted forever.
    expect(errorsOf(`{ ...F } fragment F on Query { ${fields(max)} }`)).toEqual([]);
    expect(errorsOf(`{ ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }`).join()).toMatch(
      /cannot spread/i,
    );
  });

  it(`refuse a document of more than ${GRAPHQL_LIMITS.maxTokens} tokens`, () => {
    const long = `{ me { ${'id '.repeat(GRAPHQL_LIMITS.maxTokens)} } }`;
    expect(() => errorsOf(long)).toThrow(/more that 2000 tokens/);
  });

  it('refuse a document whose cost is over the limit, even within the depth and alias limits', () => {
    // A fragment spread many times multiplies the work without going deeper or adding aliases.
    const wide = (depth: number): string =>
      depth === 0
        ? 'id email name active locale roles'
        : `id name team { id name agents { ${wide(depth - 1)} } coaches { ${wide(depth - 1)} } }`;
    const errors = errorsOf(`{ users { ${'...W '.repeat(100)} } } fragment W on User { ${wide(2)} }`);
    expect(errors.join()).toMatch(new RegExp(`cost limit of ${GRAPHQL_LIMITS.maxCost} exceeded`, 'i'));
    expect(errors.join()).not.toMatch(/depth|alias/i);
  });
});
