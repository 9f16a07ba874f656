import { readFileSync } from 'node:fs';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { POLICY_METADATA } from '../../apps/api/src/auth/allow.decorator.js';
import { printSortedSchema } from '../../apps/api/src/schema-text.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

/** Every Query/Mutation field of the running app → the policy declared on its resolver method. */
function declaredPolicies(app: TestApp): Map<string, unknown> {
  const policies = new Map<string, unknown>();
  for (const module of app.server.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const proto = wrapper.instance ? Object.getPrototypeOf(wrapper.instance) : null;
      if (!proto) continue;
      for (const key of Object.getOwnPropertyNames(proto)) {
        const method = Object.getOwnPropertyDescriptor(proto, key)?.value;
        if (typeof method !== 'function') continue;
        const type = Reflect.getMetadata(RESOLVER_TYPE, method);
        if (type !== 'Query' && type !== 'Mutation') continue;
        const name = Reflect.getMetadata(RESOLVER_NAME, method) ?? key;
        policies.set(`${type}.${name}`, Reflect.getMetadata(POLICY_METADATA, method));
      }
    }
  }
  return policies;
}

describe('the generated schema', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('declares a policy for every query and mutation', () => {
    const schema = app.server.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ];
    const policies = declaredPolicies(app);
    expect(operations.length).toBeGreaterThan(10);
    const missing = operations.filter((operation) => !policies.get(operation));
    expect(missing).toEqual([]);
  });

  it('is committed up to date in apps/api/schema.gql (run "npm run schema:print")', () => {
    const committed = readFileSync('apps/api/schema.gql', 'utf8');
    expect(printSortedSchema(app.server.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });

  it('refuses operations with no declared policy (fail closed)', async () => {
    // The guard is global; a resolver method without @Allow would be FORBIDDEN. The public ones
    // are exactly the sign-in.
    const publicOps = [...declaredPolicies(app).entries()].filter(([, policy]) => (policy as { public?: boolean }).public);
    expect(publicOps.map(([name]) => name)).toEqual(['Mutation.login']);
  });
});
