import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { APP_GUARD, ModulesContainer } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/internal';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DomainError } from '../../apps/api/src/common/errors.js';
import { AuthGuard } from '../../apps/api/src/auth/auth.guard.js';
import { Allow, POLICY_METADATA } from '../../apps/api/src/auth/allow.decorator.js';
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

/** The guard instance the running app registered as APP_GUARD (the one that decides every request). */
function globalAuthGuard(app: TestApp): AuthGuard {
  for (const module of app.server.app.get(ModulesContainer).values()) {
    for (const [token, wrapper] of module.providers) {
      if (String(token).startsWith(APP_GUARD) && wrapper.metatype === AuthGuard && wrapper.instance) {
        return wrapper.instance as AuthGuard;
      }
    }
  }
  throw new Error('AuthGuard is not registered as the global guard (APP_GUARD)');
}

// The same resolver method three times: without a policy, public, and admin-only; the policy is
// all the guard decides from. (Plain classes: @Resolver and @Query would add to the app's schema.)
class UndeclaredResolver {
  probe(): string {
    return 'probe';
  }
}
class PublicResolver {
  @Allow('session.signIn')
  probe(): string {
    return 'probe';
  }
}
class AdminResolver {
  @Allow('users.manage')
  probe(): string {
    return 'probe';
  }
}

/** The context Nest builds for a GraphQL resolver call: (root, args, context, info), type 'graphql'. */
function graphqlContext(resolver: new () => { probe(): string }, authorization?: string): ExecutionContextHost {
  const req = { headers: authorization ? { authorization } : {} };
  const context = new ExecutionContextHost([undefined, {}, { req }, {}], resolver, resolver.prototype.probe);
  context.setType('graphql');
  return context;
}

/** The error code the guard refused with, or undefined when it let the call through. */
async function refusal(decision: Promise<boolean>): Promise<string | undefined> {
  try {
    await decision;
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code;
  }
}

describe('the generated schema', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app?.close());

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

  it('declares only the sign-in public', () => {
    const publicOps = [...declaredPolicies(app).entries()].filter(([, policy]) => (policy as { public?: boolean }).public);
    expect(publicOps.map(([name]) => name)).toEqual(['Mutation.login']);
  });

  it('refuses operations with no declared policy (fail closed), even to a signed-in admin', async () => {
    const guard = globalAuthGuard(app);
    const admin = `Bearer ${await app.login('admin@demo.test')}`;
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      expect(await refusal(guard.canActivate(graphqlContext(UndeclaredResolver)))).toBe('FORBIDDEN');
      expect(await refusal(guard.canActivate(graphqlContext(UndeclaredResolver, admin)))).toBe('FORBIDDEN');
      expect(logged).toHaveBeenCalledWith('No policy declared for UndeclaredResolver.probe');
    } finally {
      logged.mockRestore();
    }
    // The same method with a policy is let through by the same guard: public without a token,
    // admin-only with the admin's token (and not without it).
    expect(await guard.canActivate(graphqlContext(PublicResolver))).toBe(true);
    expect(await guard.canActivate(graphqlContext(AdminResolver, admin))).toBe(true);
    expect(await refusal(guard.canActivate(graphqlContext(AdminResolver)))).toBe('UNAUTHENTICATED');
  });
});
