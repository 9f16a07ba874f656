import { randomUUID } from 'node:crypto';
import { allAnswers, createCall, createCoachingSession, createEvaluation, createPlan } from '../support/factories.js';
import { startTestApp } from '../support/test-app.js';
import type { GraphQLResult, TestApp } from '../support/test-app.js';
import { uploadCallsCsv } from '../support/imports.js';
import { ACK, DISPUTE, GET, RESOLVE, SAVE, START, SUBMIT } from '../support/workflow.js';

/**
 * Nobody learns that a record exists by asking for one they may not see: for every query and
 * mutation that takes the id of an evaluation, call, plan, session, user or team, and for the
 * import status route, the answer to a record the caller cannot see is the answer to an id that
 * does not exist — the same code, the same message (docs/access-table.md).
 *
 * The world: agent1 (Postventa, coached by coach@) has a call with a submitted evaluation and a
 * call with a draft, both by evaluator@, and a coaching plan by coach@ with one session;
 * evaluator@ uploaded an import. agent2 is agent1's teammate, coach2@ coaches Cobranzas.
 */
describe('the same answer for a record one may not see as for a missing one', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    for (const p of ['admin', 'evaluator', 'evaluator2', 'coach', 'coach2', 'agent1', 'agent2']) {
      tokens[p] = await app.login(`${p}@demo.test`);
    }
    const agentId = app.cast.id('agent1@demo.test');
    const evaluatorId = app.cast.id('evaluator@demo.test');
    ids['call'] = await createCall(app, { agentId, startedAt: new Date('2026-03-02T10:00:00Z') });
    ids['submitted'] = await createEvaluation(app, { callId: ids['call'], evaluatorId, answers: allAnswers(3) });
    const other = await createCall(app, { agentId, startedAt: new Date('2026-03-02T11:00:00Z') });
    ids['draft'] = await createEvaluation(app, { callId: other, evaluatorId, answers: { R1: 3 }, status: 'DRAFT' });
    ids['plan'] = await createPlan(app, {
      agentId,
      coachId: app.cast.id('coach@demo.test'),
      startDate: '2026-03-02',
      dueDate: '2026-04-13',
    });
    ids['session'] = await createCoachingSession(app, {
      planId: ids['plan'],
      date: '2026-03-09',
      notes: 'Role play',
      createdBy: app.cast.id('coach@demo.test'),
    });
    const csv = [
      'external_id,agent_email,started_at,duration_seconds,direction,purpose,hold_seconds,transfers,customer_ref,recording_url,transcript',
      'ORACLE-1,agent1@demo.test,2026-03-03T09:30:00Z,240,INBOUND,SUPPORT,0,0,,,AGENT: Buenos días',
    ].join('\n');
    const uploaded = await uploadCallsCsv(app, tokens['evaluator']!, csv);
    ids['import'] = ((await uploaded.json()) as { id: string }).id;
  });
  afterAll(() => app?.close());

  /** What a client sees of an answer: the data and each error's code and message. */
  const answer = (result: GraphQLResult) => ({
    data: result.data ?? null,
    errors: (result.errors ?? []).map((e) => ({ code: e.extensions?.code, message: e.message })),
  });

  type Case = [name: string, caller: string, record: string, ask: (id: string, token: string) => Promise<GraphQLResult>];
  const gql = (query: string, variables: (id: string) => Record<string, unknown>) => (id: string, token: string) =>
    app.gql(query, variables(id), token);
  const WINDOW = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
  const PLAN = 'id';

  const mutations: Case[] = [
    ['startEvaluation (a call of another team’s agent)', 'coach2', 'call', gql(START, (callId) => ({ callId }))],
    ['saveEvaluation (another’s draft)', 'evaluator2', 'draft', gql(SAVE, (id) => ({ id, version: 1, input: { answers: [] } }))],
    ['submitEvaluation (another’s draft)', 'evaluator2', 'draft', gql(SUBMIT, (id) => ({ id, version: 1 }))],
    ['saveEvaluation (an evaluation of another team)', 'coach2', 'submitted', gql(SAVE, (id) => ({ id, version: 1, input: {} }))],
    ['acknowledgeEvaluation (a teammate’s)', 'agent2', 'submitted', gql(ACK, (id) => ({ id }))],
    ['acknowledgeEvaluation (one’s own, still a draft)', 'agent1', 'draft', gql(ACK, (id) => ({ id }))],
    [
      'disputeEvaluation (a teammate’s)',
      'agent2',
      'submitted',
      gql(DISPUTE, (id) => ({ id, input: { codes: ['R1'], reason: 'x' } })),
    ],
    [
      'resolveDispute (another’s draft)',
      'evaluator2',
      'draft',
      gql(RESOLVE, (id) => ({ id, input: { decision: 'UPHOLD', comment: 'x' } })),
    ],
    [
      'updateCoachingPlan (another team’s)',
      'coach2',
      'plan',
      gql(
        `mutation($id: ID!) { updateCoachingPlan(id: $id, version: 1, input: { targetFocusScore: 80 }) { ${PLAN} } }`,
        (id) => ({ id }),
      ),
    ],
    [
      'logCoachingSession (another team’s plan)',
      'coach2',
      'plan',
      gql(`mutation($id: ID!) { logCoachingSession(planId: $id, input: { date: "2026-03-10", notes: "x" }) { id } }`, (id) => ({
        id,
      })),
    ],
    [
      'completeCoachingPlan (another team’s)',
      'coach2',
      'plan',
      gql(`mutation($id: ID!) { completeCoachingPlan(id: $id) { ${PLAN} } }`, (id) => ({ id })),
    ],
    [
      'cancelCoachingPlan (another team’s)',
      'coach2',
      'plan',
      gql(`mutation($id: ID!) { cancelCoachingPlan(id: $id) { ${PLAN} } }`, (id) => ({ id })),
    ],
    [
      'acknowledgeCoachingSession (a teammate’s)',
      'agent2',
      'session',
      gql(`mutation($id: ID!) { acknowledgeCoachingSession(id: $id) { id } }`, (id) => ({ id })),
    ],
    [
      'createCoachingPlan (for another team’s agent)',
      'coach2',
      'agent1',
      gql(
        `mutation($id: ID!) { createCoachingPlan(input: { agentId: $id, focusCodes: ["R1"], methods: [WORKSHOP], targetFocusScore: 70,
           startDate: "2026-11-02", dueDate: "2026-12-14" }) { id } }`,
        (id) => ({ id }),
      ),
    ],
    [
      'updateUser (a teammate)',
      'agent1',
      'agent2',
      gql(`mutation($id: ID!) { updateUser(id: $id, input: { locale: "en" }) { id } }`, (id) => ({ id })),
    ],
    [
      'updateUser (another team’s agent)',
      'coach2',
      'agent1',
      gql(`mutation($id: ID!) { updateUser(id: $id, input: { locale: "en" }) { id } }`, (id) => ({ id })),
    ],
  ];

  const queries: Case[] = [
    ['evaluation (a teammate’s)', 'agent2', 'submitted', gql(GET, (id) => ({ id }))],
    ['evaluation (another’s draft)', 'evaluator2', 'draft', gql(GET, (id) => ({ id }))],
    ['call (another team’s)', 'coach2', 'call', gql(`query($id: ID!) { call(id: $id) { id } }`, (id) => ({ id }))],
    [
      'coachingPlan (another team’s)',
      'coach2',
      'plan',
      gql(`query($id: ID!) { coachingPlan(id: $id) { id } }`, (id) => ({ id })),
    ],
    ['coachingPlan (a teammate’s)', 'agent2', 'plan', gql(`query($id: ID!) { coachingPlan(id: $id) { id } }`, (id) => ({ id }))],
    [
      'agentProgress (a teammate’s)',
      'agent1',
      'agent2',
      gql(
        `query($id: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $id, from: $from, to: $to) { evaluationCount } }`,
        (id) => ({ id, ...WINDOW }),
      ),
    ],
    [
      'agentProgress (another team’s agent)',
      'coach2',
      'agent1',
      gql(
        `query($id: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $id, from: $from, to: $to) { evaluationCount } }`,
        (id) => ({ id, ...WINDOW }),
      ),
    ],
    [
      'suggestedFocus (a teammate’s)',
      'agent1',
      'agent2',
      gql(`query($id: ID!) { suggestedFocus(agentId: $id) { code } }`, (id) => ({ id })),
    ],
    [
      'teamOverview (a team one does not coach)',
      'coach',
      'Cobranzas',
      gql(
        `query($id: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $id, from: $from, to: $to) { team { id } } }`,
        (id) => ({ id, ...WINDOW }),
      ),
    ],
  ];

  const recordId = (record: string) =>
    ids[record] ?? (record === 'Cobranzas' ? app.cast.teams.Cobranzas : app.cast.id(`${record}@demo.test`));

  it.each(mutations)('%s: answers as for a missing id', async (_name, caller, record, ask) => {
    const invisible = answer(await ask(recordId(record), tokens[caller]!));
    const missing = answer(await ask(randomUUID(), tokens[caller]!));
    expect(invisible).toEqual(missing);
    expect(invisible.errors).toHaveLength(1);
    expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(invisible.errors[0]!.code);
  });

  it.each(queries)('%s: answers as for a missing id', async (_name, caller, record, ask) => {
    const invisible = answer(await ask(recordId(record), tokens[caller]!));
    const missing = answer(await ask(randomUUID(), tokens[caller]!));
    expect(invisible).toEqual(missing);
    // Either null (a nullable lookup) or NOT_FOUND, never FORBIDDEN.
    expect(invisible.errors.map((e) => e.code)).not.toContain('FORBIDDEN');
  });

  it('the invisible records were there all along: their owners and readers see them', async () => {
    expect((await app.gql(GET, { id: ids['submitted'] }, tokens['agent1'])).data!['evaluation']).toMatchObject({
      id: ids['submitted'],
    });
    expect((await app.gql(GET, { id: ids['draft'] }, tokens['evaluator'])).data!['evaluation']).toMatchObject({
      id: ids['draft'],
    });
    const plan = await app.gql(`query($id: ID!) { coachingPlan(id: $id) { id } }`, { id: ids['plan'] }, tokens['coach']);
    expect(plan.data!['coachingPlan']).toEqual({ id: ids['plan'] });
    const call = await app.gql(`query($id: ID!) { call(id: $id) { id } }`, { id: ids['call'] }, tokens['coach']);
    expect(call.data!['call']).toEqual({ id: ids['call'] });
  });

  /** GET /api/imports/calls/:id as `caller`: the status and the body. */
  const importStatus = async (id: string, caller: string) => {
    const response = await fetch(`${app.url}/api/imports/calls/${id}`, {
      headers: { authorization: `Bearer ${tokens[caller]}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('GET /api/imports/calls/:id of another evaluator’s import: 404 as for a missing id', async () => {
    const invisible = await importStatus(ids['import']!, 'evaluator2');
    expect(invisible).toEqual(await importStatus(randomUUID(), 'evaluator2'));
    expect(invisible.status).toBe(404);
    expect((await importStatus(ids['import']!, 'evaluator')).status).toBe(200);
  });

  it('GET /api/exports/progress.csv of a teammate: 404 as for a missing id', async () => {
    const download = async (agentId: string) => {
      const response = await fetch(`${app.url}/api/exports/progress.csv?agentId=${agentId}`, {
        headers: { authorization: `Bearer ${tokens['agent1']}` },
      });
      return { status: response.status, body: await response.text() };
    };
    const invisible = await download(app.cast.id('agent2@demo.test'));
    expect(invisible).toEqual(await download(randomUUID()));
    expect(invisible.status).toBe(404);
  });
});
