/**
 * graphql-codegen plugin: after typescript-operations, writes `Operations`, each operation's name
 * mapped to its result and variables types. The web app's `operation()` reads the name from a
 * document's text and brands the string with these two types, so a request infers both from its
 * document (core/api/typed-document.ts). Types only: nothing of it reaches the browser.
 */

const SUFFIX = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };

/** @type {import('@graphql-codegen/plugin-helpers').PluginFunction} */
export function plugin(_schema, documents) {
  const entries = [];
  for (const { document, location } of documents) {
    for (const definition of document?.definitions ?? []) {
      if (definition.kind !== 'OperationDefinition') continue;
      const name = definition.name?.value;
      // typescript-operations names its types after the operation in PascalCase: keep the two in step.
      if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name))
        throw new Error(`${location}: name every operation in PascalCase (got ${name ?? 'an anonymous one'})`);
      const type = `${name}${SUFFIX[definition.operation]}`;
      entries.push(`  ${name}: { result: ${type}; variables: ${type}Variables };`);
    }
  }
  entries.sort();
  return [
    '',
    '/** Every operation of the web app by name: its result and variables types (see core/api/typed-document.ts). */',
    'export interface Operations {',
    ...entries,
    '}',
    '',
  ].join('\n');
}

export default { plugin };
