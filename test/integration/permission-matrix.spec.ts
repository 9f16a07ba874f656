import { allAnswers, createCall as insertCall, createEvaluation } from '../support/factories.js';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { ACK, answersAll, createCall, DISPUTE, GET, RESOLVE, scoreAndSubmit, START } from '../support/workflow.js';

/**
 * Every query and mutation of calls and evaluations, and editing a coaching plan, × every role ×
 * own / same team / other team. The subject is always a call (or plan) of agent1 (team Postventa,
 * coached by coach@); agent2 is in the same team, agent6 in the other (Cobranzas, coached by coach2@).
 */
const PEOPLE = ['admin', 'evaluator', 'evaluator2', 'coach', 'coach2', 'agent1', 'agent2', 'agent6'] as const;
type Person = (typeof PEOPLE)[number];
/** NOT_FOUND: the caller does not see the record, and is answered as for an id that does not exist. */
type Outcome = 'allow' | 'null' | 'FORBIDDEN' | 'NOT_FOUND';

const email = (p: Person) => `${p}@demo.test`;
/** The calls of the read rules' subjects, and nothing else. */
const WINDOW = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' };

describe('permission matrix: calls, evaluations and coaching plans', () => {
  let app: TestApp;
  const tokens = {} as Record<Person, string>;
  let callId: string;
  let submittedId: string;
  let draftId: string;

  beforeAll(async () => {
    app = await startTestApp();
    for (const p of PEOPLE) tokens[p] = await app.login(email(p));
    // The subjects of the read rules, alone in WINDOW: calls made by the tests below start at other times.
    const agentId = app.cast.id('agent1@demo.test');
    const evaluatorId = app.cast.id('evaluator@demo.test');
    callId = await insertCall(app, { agentId, startedAt: new Date('2026-03-02T10:00:00Z') });
    submittedId = await createEvaluation(app, { callId, evaluatorId, answers: allAnswers(3) });
    const other = await insertCall(app, { agentId, startedAt: new Date('2026-03-02T11:00:00Z') });
    draftId = await createEvaluation(app, { callId: other, evaluatorId, answers: { R1: 3 }, status: 'DRAFT' });
  });
  afterAll(() => app?.close());

  const expectOutcome = (
    result: { data?: Record<string, unknown> | null; errors?: unknown[] },
    key: string,
    outcome: Outcome,
  ) => {
    if (outcome === 'FORBIDDEN' || outcome === 'NOT_FOUND') expect(errorCode(result as never)).toBe(outcome);
    else if (outcome === 'null') expect(result.data?.[key]).toBeNull();
    else {
      expect(result.errors).toBeUndefined();
      expect(result.data?.[key]).toBeTruthy();
    }
  };

  const readCall: Record<Person, Outcome> = {
    admin: 'allow',
    evaluator: 'allow',
    evaluator2: 'allow',
    coach: 'allow',
    coach2: 'null',
    agent1: 'FORBIDDEN',
    agent2: 'FORBIDDEN',
    agent6: 'FORBIDDEN',
  };
  it.each(PEOPLE)('call(id) as %s', async (p) => {
    expectOutcome(await app.gql('query($id: ID!) { call(id: $id) { id } }', { id: callId }, tokens[p]), 'call', readCall[p]);
  });

  it.each(PEOPLE)('calls as %s lists the call only when allowed', async (p) => {
    const result = await app.gql<{ calls: { nodes: Array<{ id: string }> } }>(
      'query($filter: CallFilter) { calls(first: 100, filter: $filter) { nodes { id } } }',
      { filter: { ...WINDOW, agentId: app.cast.id('agent1@demo.test') } },
      tokens[p],
    );
    if (readCall[p] === 'FORBIDDEN') return expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.errors).toBeUndefined();
    const ids = result.data!.calls.nodes.map((n) => n.id);
    // Both calls of the window (the second one has only a draft) are agent1's: read together or not at all.
    expect(ids.includes(callId)).toBe(readCall[p] === 'allow');
    expect(ids).toHaveLength(readCall[p] === 'allow' ? 2 : 0);
  });

  const readSubmitted: Record<Person, Outcome> = {
    admin: 'allow',
    evaluator: 'allow',
    evaluator2: 'allow',
    coach: 'allow',
    coach2: 'null',
    agent1: 'allow',
    agent2: 'null',
    agent6: 'null',
  };
  it.each(PEOPLE)('evaluation(id) of a submitted evaluation as %s', async (p) => {
    expectOutcome(await app.gql(GET, { id: submittedId }, tokens[p]), 'evaluation', readSubmitted[p]);
  });

  it.each(PEOPLE)('evaluation(id) of a draft as %s: only its author', async (p) => {
    expectOutcome(await app.gql(GET, { id: draftId }, tokens[p]), 'evaluation', p === 'evaluator' ? 'allow' : 'null');
  });

  it.each(PEOPLE)('evaluations as %s lists what they may read and never another’s draft', async (p) => {
    const result = await app.gql<{ evaluations: { nodes: Array<{ id: string }> } }>(
      'query($filter: EvaluationFilter) { evaluations(first: 100, filter: $filter) { nodes { id } } }',
      { filter: WINDOW },
      tokens[p],
    );
    expect(result.errors).toBeUndefined();
    const ids = result.data!.evaluations.nodes.map((n) => n.id);
    expect(ids.sort()).toEqual(
      [...(readSubmitted[p] === 'allow' ? [submittedId] : []), ...(p === 'evaluator' ? [draftId] : [])].sort(),
    );
  });

  const createCallRule: Record<Person, Outcome> = {
    admin: 'allow',
    evaluator: 'allow',
    evaluator2: 'allow',
    coach: 'FORBIDDEN',
    coach2: 'FORBIDDEN',
    agent1: 'FORBIDDEN',
    agent2: 'FORBIDDEN',
    agent6: 'FORBIDDEN',
  };
  it.each(PEOPLE)('createCall as %s', async (p) => {
    const agents = await app.gql<{ users: Array<{ id: string; email: string }> }>(
      '{ users(role: AGENT) { id email } }',
      {},
      tokens.admin,
    );
    const agentId = agents.data!.users.find((u) => u.email === 'agent1@demo.test')!.id;
    const input = {
      externalId: `perm-${p}`,
      agentId,
      startedAt: '2026-11-02T09:00:00Z',
      durationSeconds: 60,
      direction: 'INBOUND',
      purpose: 'SUPPORT',
    };
    expectOutcome(
      await app.gql('mutation($input: CreateCallInput!) { createCall(input: $input) { id } }', { input }, tokens[p]),
      'createCall',
      createCallRule[p],
    );
  });

  const startRule: Record<Person, Outcome> = {
    admin: 'allow',
    evaluator: 'allow',
    evaluator2: 'allow',
    coach: 'allow',
    coach2: 'NOT_FOUND',
    agent1: 'FORBIDDEN',
    agent2: 'FORBIDDEN',
    agent6: 'FORBIDDEN',
  };
  it.each(PEOPLE)('startEvaluation as %s', async (p) => {
    const fresh = await createCall(app, tokens.admin, 'agent1@demo.test');
    expectOutcome(await app.gql(START, { callId: fresh }, tokens[p]), 'startEvaluation', startRule[p]);
  });

  // Other agents do not see agent1's evaluation; staff may not respond to evaluations at all.
  const respondRule = (p: Person): Outcome => (p === 'agent1' ? 'allow' : p.startsWith('agent') ? 'NOT_FOUND' : 'FORBIDDEN');
  it.each(PEOPLE)('acknowledgeEvaluation as %s: only the evaluated agent', async (p) => {
    const evaluation = await scoreAndSubmit(
      app,
      tokens.evaluator2,
      await createCall(app, tokens.admin, 'agent1@demo.test'),
      answersAll(3),
    );
    expectOutcome(await app.gql(ACK, { id: evaluation.id }, tokens[p]), 'acknowledgeEvaluation', respondRule(p));
  });

  it.each(PEOPLE)('disputeEvaluation as %s: only the evaluated agent', async (p) => {
    const evaluation = await scoreAndSubmit(
      app,
      tokens.evaluator2,
      await createCall(app, tokens.admin, 'agent1@demo.test'),
      answersAll(3),
    );
    expectOutcome(
      await app.gql(DISPUTE, { id: evaluation.id, input: { codes: ['R1'], reason: 'No' } }, tokens[p]),
      'disputeEvaluation',
      respondRule(p),
    );
  });

  const resolveRule: Record<Person, Outcome> = {
    admin: 'allow',
    evaluator: 'FORBIDDEN',
    evaluator2: 'allow',
    coach: 'FORBIDDEN',
    coach2: 'FORBIDDEN',
    agent1: 'FORBIDDEN',
    agent2: 'FORBIDDEN',
    agent6: 'FORBIDDEN',
  };
  it.each(PEOPLE)('resolveDispute as %s: another evaluator or an admin, never the author', async (p) => {
    const evaluation = await scoreAndSubmit(
      app,
      tokens.evaluator,
      await createCall(app, tokens.admin, 'agent1@demo.test'),
      answersAll(3),
    );
    await app.gql(DISPUTE, { id: evaluation.id, input: { codes: ['R1'], reason: 'No' } }, tokens.agent1);
    expectOutcome(
      await app.gql(RESOLVE, { id: evaluation.id, input: { decision: 'UPHOLD', comment: 'Se mantiene' } }, tokens[p]),
      'resolveDispute',
      resolveRule[p],
    );
  });

  const managePlanRule: Record<Person, Outcome> = {
    admin: 'allow',
    evaluator: 'FORBIDDEN',
    evaluator2: 'FORBIDDEN',
    coach: 'allow',
    coach2: 'NOT_FOUND',
    agent1: 'FORBIDDEN',
    agent2: 'FORBIDDEN',
    agent6: 'FORBIDDEN',
  };
  it.each(PEOPLE)('updateCoachingPlan as %s: a coach of the agent’s team or an admin', async (p) => {
    const agents = await app.gql<{ users: Array<{ id: string; email: string }> }>(
      '{ users(role: AGENT) { id email } }',
      {},
      tokens.admin,
    );
    const created = await app.gql<{ createCoachingPlan: { id: string; version: number } }>(
      'mutation($input: CreateCoachingPlanInput!) { createCoachingPlan(input: $input) { id version } }',
      {
        input: {
          agentId: agents.data!.users.find((u) => u.email === 'agent1@demo.test')!.id,
          focusCodes: ['R1'],
          methods: ['WORKSHOP'],
          targetFocusScore: 70,
          startDate: '2026-11-02',
          dueDate: '2026-12-14',
        },
      },
      tokens.admin,
    );
    const plan = created.data!.createCoachingPlan;
    expectOutcome(
      await app.gql(
        'mutation($id: ID!, $version: Int!) { updateCoachingPlan(id: $id, version: $version, input: { targetFocusScore: 80 }) { id } }',
        plan,
        tokens[p],
      ),
      'updateCoachingPlan',
      managePlanRule[p],
    );
  });

  it.each(PEOPLE)('auditLog as %s: administrators only', async (p) => {
    expectOutcome(
      await app.gql('{ auditLog(first: 5) { nodes { id } } }', {}, tokens[p]),
      'auditLog',
      p === 'admin' ? 'allow' : 'FORBIDDEN',
    );
  });
});
