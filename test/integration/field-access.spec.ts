import { readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType, isObjectType } from 'graphql';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

describe('field-level access', () => {
  let app: TestApp;
  let agent: string;
  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.login('agent1@demo.test');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the schema has no field that could carry a password hash or a token secret', () => {
    const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));
    const fields = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) =>
        Object.keys((type as { getFields(): Record<string, unknown> }).getFields()).map((f) => `${type.name}.${f}`),
      );
    expect(fields.length).toBeGreaterThan(50);
    expect(fields.filter((f) => /password|hash|secret|tokenVersion/i.test(f))).toEqual([]);
  });

  it('identity comes from the token: inputs have no evaluatorId, coachId or agent-of-the-caller fields to forge', async () => {
    const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));
    // Filters narrow what a query lists; only the inputs of writes could claim an identity.
    const inputs = Object.values(schema.getTypeMap())
      .filter(isInputObjectType)
      .filter((input) => !input.name.endsWith('Filter'));
    const forgeable = inputs.flatMap((input) =>
      Object.keys(input.getFields())
        .filter((f) => /^(evaluatorId|coachId|actorId|createdBy|resolvedBy|userId)$/.test(f))
        .map((f) => `${input.name}.${f}`),
    );
    expect(forgeable).toEqual([]);
    // Sending one anyway is refused before anything runs.
    const coach = await app.login('coach@demo.test');
    const forged = await app.gql(
      'mutation($input: CreateCoachingPlanInput!) { createCoachingPlan(input: $input) { id } }',
      {
        input: {
          agentId: '00000000-0000-4000-8000-000000000000',
          coachId: '00000000-0000-4000-8000-000000000001',
          focusCodes: ['R1'],
          methods: ['CALL_REVIEW'],
          targetFocusScore: 80,
          startDate: '2026-11-23',
          dueDate: '2026-12-23',
        },
      },
      coach,
    );
    expect(forged.errors?.[0]?.message).toMatch(/coachId/);
  });

  it("an agent reads other people's names and work email, but not their roles, status or language", async () => {
    const names = await app.gql<{ evaluations: { nodes: Array<{ evaluator: { name: string } }> } }>(
      '{ evaluations(first: 5) { nodes { evaluator { name } } } }',
      {},
      agent,
    );
    expect(names.errors).toBeUndefined();
    expect(names.data!.evaluations.nodes.length).toBeGreaterThan(0);
    for (const field of ['roles', 'active', 'locale']) {
      const result = await app.gql(`{ evaluations(first: 5) { nodes { evaluator { ${field} } } } }`, {}, agent);
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data ?? null)).not.toMatch(/EVALUATOR|true|"es"/);
      const team = await app.gql(`{ me { team { agents { name ${field} } coaches { ${field} } } } }`, {}, agent);
      expect(errorCode(team)).toBe('FORBIDDEN');
    }
  });

  it('everybody reads their own account details, and staff read everybody’s', async () => {
    const own = await app.gql<{ me: { email: string; roles: string[] } }>('{ me { email roles active locale } }', {}, agent);
    expect(own.data!.me).toMatchObject({ email: 'agent1@demo.test', roles: ['AGENT'] });
    const coach = await app.login('coach@demo.test');
    const staff = await app.gql<{ users: Array<{ email: string }> }>('{ users(role: AGENT) { email roles active } }', {}, coach);
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.users.length).toBeGreaterThan(1);
  });

  it('an agent never reaches another evaluation or a draft through a call', async () => {
    const result = await app.gql<{
      evaluations: { nodes: Array<{ id: string; call: { evaluations: Array<{ id: string; status: string }> } }> };
    }>('{ evaluations(first: 50) { nodes { id call { evaluations { id status } } } } }', {}, agent);
    expect(result.errors).toBeUndefined();
    for (const node of result.data!.evaluations.nodes) {
      expect(node.call.evaluations.map((e) => e.id)).toEqual([node.id]);
      expect(node.call.evaluations.every((e) => e.status !== 'DRAFT')).toBe(true);
    }
  });
});
