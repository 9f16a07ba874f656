import { readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType, isObjectType } from 'graphql';
import { allAnswers, createCall, createEvaluation } from '../support/factories.js';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

describe('field-level access', () => {
  let app: TestApp;
  let agent: string;
  /** agent1's submitted evaluations: two of one call (by both evaluators), one of another. */
  let agentEvaluations: string[];
  /** The call with two submitted evaluations and a coach's draft. */
  let sharedCall: string;
  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.login('agent1@demo.test');
    const id = (email: string) => app.cast.id(email);
    sharedCall = await createCall(app, { agentId: id('agent1@demo.test'), startedAt: new Date('2026-03-02T10:00:00Z') });
    const laterCall = await createCall(app, { agentId: id('agent1@demo.test'), startedAt: new Date('2026-03-04T10:00:00Z') });
    const otherAgentsCall = await createCall(app, {
      agentId: id('agent2@demo.test'),
      startedAt: new Date('2026-03-03T10:00:00Z'),
    });
    agentEvaluations = [
      await createEvaluation(app, { callId: sharedCall, evaluatorId: id('evaluator@demo.test'), answers: allAnswers(3) }),
      await createEvaluation(app, {
        callId: sharedCall,
        evaluatorId: id('evaluator2@demo.test'),
        answers: allAnswers(4),
        status: 'ACKNOWLEDGED',
      }),
      await createEvaluation(app, { callId: laterCall, evaluatorId: id('evaluator2@demo.test'), answers: allAnswers(2) }),
    ];
    await createEvaluation(app, { callId: sharedCall, evaluatorId: id('coach@demo.test'), answers: { R1: 2 }, status: 'DRAFT' });
    await createEvaluation(app, { callId: otherAgentsCall, evaluatorId: id('evaluator@demo.test'), answers: allAnswers(3) });
  });
  afterAll(() => app?.close());

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
    expect(names.data!.evaluations.nodes.map((n) => n.evaluator.name).sort()).toEqual([
      'Elena Evaluadora',
      'Ernesto Evaluador',
      'Ernesto Evaluador',
    ]);
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
    // A coach reads the agents of the team they coach (Postventa), with their account details.
    expect([...staff.data!.users].sort((a, b) => a.email.localeCompare(b.email))).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ email: `agent${n}@demo.test`, roles: ['AGENT'], active: true })),
    );
  });

  it('an agent never reaches another evaluation or a draft through a call', async () => {
    const result = await app.gql<{
      evaluations: {
        nodes: Array<{ id: string; call: { id: string; evaluations: Array<{ id: string; status: string }> } }>;
      };
    }>('{ evaluations(first: 50) { nodes { id call { id evaluations { id status } } } } }', {}, agent);
    expect(result.errors).toBeUndefined();
    // The shared call holds three evaluations: the two the agent may read and a coach's draft.
    const [onShared] = (await app.server.database.dataSource.query(
      `SELECT count(*)::int AS n FROM evaluation WHERE call_id = $1`,
      [sharedCall],
    )) as Array<{ n: number }>;
    expect(onShared!.n).toBe(3);
    const nodes = result.data!.evaluations.nodes;
    expect(nodes.map((n) => n.id).sort()).toEqual([...agentEvaluations].sort());
    // Through a call the agent reaches exactly the evaluations of it they read in their own list.
    for (const node of nodes) {
      const listed = nodes.filter((n) => n.call.id === node.call.id).map((n) => n.id);
      expect(node.call.evaluations.map((e) => e.id).sort()).toEqual(listed.sort());
      expect(node.call.evaluations.every((e) => e.status !== 'DRAFT')).toBe(true);
    }
    expect(nodes.find((n) => n.call.id === sharedCall)!.call.evaluations).toHaveLength(2);
  });
});
