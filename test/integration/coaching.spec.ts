import { errorCode, rowCounts, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { answersAll, createCall, createUser, scoreAndSubmit, teamIdsByName } from '../support/workflow.js';

const PLAN_FIELDS =
  'id status focusCodes methods targetFocusScore startDate dueDate baseline current delta evaluationsSinceStart achieved agent { email } coach { email } sessions { id date notes agreedActions acknowledgedAt }';
const CREATE = `mutation($input: CreateCoachingPlanInput!) { createCoachingPlan(input: $input) { ${PLAN_FIELDS} } }`;
const DAY = 24 * 3600 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const at = (offset: number) => new Date(Date.now() + offset * DAY).toISOString();

describe('coaching plans and their measured results (RUBRIC.md §5)', () => {
  let app: TestApp;
  let admin: string;
  let evaluator: string;
  let coach: string;
  let agentId: string;
  let planId: string;
  beforeAll(async () => {
    app = await startTestApp();
    [admin, evaluator, coach] = await Promise.all([
      app.login('admin@demo.test'),
      app.login('evaluator@demo.test'),
      app.login('coach@demo.test'),
    ]);
    // A new agent in Postventa, so every evaluation of theirs is one this test wrote.
    const teams = await teamIdsByName(app, admin);
    agentId = await createUser(app, admin, {
      email: 'nuevo@demo.test',
      name: 'Nuevo Agente',
      roles: ['AGENT'],
      teamId: teams['Postventa'],
    });
    // Baseline (30 days before the start, 10 days ago): focus R3+R4 → 25×(1+2)/2 = 37.5 and 25×(2+2)/2 = 50.
    // Since the start: 25×(3+4)/2 = 87.5, 25×(4+4)/2 = 100, 25×(3+3)/2 = 75. Before the baseline window: ignored.
    const scored: Array<[number, number, number]> = [
      [-50, 0, 0],
      [-25, 1, 2],
      [-15, 2, 2],
      [-8, 3, 4],
      [-5, 4, 4],
      [-1, 3, 3],
    ];
    for (const [offset, r3, r4] of scored) {
      const callId = await createCall(app, evaluator, 'nuevo@demo.test', { startedAt: at(offset) });
      await scoreAndSubmit(app, evaluator, callId, answersAll(3, { R3: r3, R4: r4 }));
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('suggests the agent’s weakest rules', async () => {
    const result = await app.gql<{ suggestedFocus: Array<{ code: string }> }>(
      'query($id: ID!) { suggestedFocus(agentId: $id) { code } }',
      { id: agentId },
      coach,
    );
    expect(result.data!.suggestedFocus.map((c) => c.code).slice(0, 2)).toEqual(['R3', 'R4']);
  });

  it('a coach creates a plan from the suggested focus and sees baseline → current against the target', async () => {
    const input = {
      agentId,
      focusCodes: ['R3', 'R4'],
      methods: ['ROLE_PLAY', 'CALL_REVIEW'],
      targetFocusScore: 80,
      startDate: day(-10),
      dueDate: day(20),
      notes: 'Escucha activa y argumentos',
    };
    const result = await app.gql(CREATE, { input }, coach);
    expect(result.errors).toBeUndefined();
    const plan = result.data!.createCoachingPlan;
    planId = plan.id;
    expect(plan).toMatchObject({
      status: 'ACTIVE',
      coach: { email: 'coach@demo.test' },
      agent: { email: 'nuevo@demo.test' },
      evaluationsSinceStart: 3,
      achieved: true,
    });
    expect(plan.baseline).toBeCloseTo(43.75, 10);
    expect(plan.current).toBeCloseTo(87.5, 10);
    expect(plan.delta).toBeCloseTo(43.75, 10);
  });

  it('logs a session the agent acknowledges', async () => {
    const logged = await app.gql<{ logCoachingSession: { id: string } }>(
      'mutation($id: ID!, $input: CoachingSessionInput!) { logCoachingSession(planId: $id, input: $input) { id date } }',
      { id: planId, input: { date: day(-2), notes: 'Role play de una reclamación', agreedActions: 'Resumir al cierre' } },
      coach,
    );
    const sessionId = logged.data!.logCoachingSession.id;
    const agent = await app.login('nuevo@demo.test');
    const other = await app.login('agent2@demo.test');
    expect(
      errorCode(await app.gql('mutation($id: ID!) { acknowledgeCoachingSession(id: $id) { id } }', { id: sessionId }, other)),
    ).toBe('FORBIDDEN');
    const ack = await app.gql(
      'mutation($id: ID!) { acknowledgeCoachingSession(id: $id) { acknowledgedAt } }',
      { id: sessionId },
      agent,
    );
    expect(ack.data!.acknowledgeCoachingSession.acknowledgedAt).toBeTruthy();
    const own = await app.gql(`{ coachingPlans { ${PLAN_FIELDS} } }`, {}, agent);
    expect(own.data!.coachingPlans).toHaveLength(1);
    expect(own.data!.coachingPlans[0].sessions[0]).toMatchObject({
      notes: 'Role play de una reclamación',
      agreedActions: 'Resumir al cierre',
    });
  });

  it('only the agent, their coaches and admins see a plan; only coaches of the team and admins write', async () => {
    const query = `query($id: ID!) { coachingPlan(id: $id) { id } }`;
    expect((await app.gql(query, { id: planId }, await app.login('agent2@demo.test'))).data!.coachingPlan).toBeNull();
    expect((await app.gql(query, { id: planId }, await app.login('coach2@demo.test'))).data!.coachingPlan).toBeNull();
    expect((await app.gql(query, { id: planId }, admin)).data!.coachingPlan).toEqual({ id: planId });
    const coach2 = await app.login('coach2@demo.test');
    const listed = await app.gql<{ coachingPlans: Array<{ id: string }> }>('{ coachingPlans { id } }', {}, coach2);
    expect(listed.data!.coachingPlans.map((p) => p.id)).not.toContain(planId);
    const before = await rowCounts(app);
    expect(
      errorCode(
        await app.gql(
          CREATE,
          {
            input: {
              agentId,
              focusCodes: ['R1'],
              methods: ['WORKSHOP'],
              targetFocusScore: 70,
              startDate: day(0),
              dueDate: day(30),
            },
          },
          coach2,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await app.gql(
          CREATE,
          {
            input: {
              agentId,
              focusCodes: ['R1'],
              methods: ['WORKSHOP'],
              targetFocusScore: 70,
              startDate: day(0),
              dueDate: day(30),
            },
          },
          evaluator,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await rowCounts(app)).toEqual(before);
  });

  it.each([
    ['an unknown focus code', { focusCodes: ['R1', 'R99'] }, 'input.focusCodes[1]'],
    ['four focus codes', { focusCodes: ['R1', 'R2', 'R3', 'R4'] }, 'input.focusCodes'],
    ['a due date before the start', { startDate: day(5), dueDate: day(1) }, 'input.dueDate'],
    ['a target over 100', { targetFocusScore: 101 }, 'input.targetFocusScore'],
    ['no methods', { methods: [] }, 'input.methods'],
  ])('refuses %s, naming the field', async (_label, overrides, field) => {
    const input = {
      agentId,
      focusCodes: ['R1'],
      methods: ['WORKSHOP'],
      targetFocusScore: 70,
      startDate: day(0),
      dueDate: day(30),
      ...overrides,
    };
    const result = await app.gql(CREATE, { input }, coach);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
  });

  it('an active plan past its due date shows as OVERDUE and can be filtered', async () => {
    const input = {
      agentId,
      focusCodes: ['R5'],
      methods: ['SEMINAR'],
      targetFocusScore: 90,
      startDate: day(-40),
      dueDate: day(-3),
    };
    const overdue = (await app.gql(CREATE, { input }, coach)).data!.createCoachingPlan;
    expect(overdue.status).toBe('OVERDUE');
    const listed = await app.gql<{ coachingPlans: Array<{ id: string }> }>(
      'query($id: ID!) { coachingPlans(agentId: $id, status: OVERDUE) { id } }',
      { id: agentId },
      coach,
    );
    expect(listed.data!.coachingPlans.map((p) => p.id)).toEqual([overdue.id]);
    const cancelled = await app.gql(
      `mutation($id: ID!) { cancelCoachingPlan(id: $id) { status achieved } }`,
      { id: overdue.id },
      coach,
    );
    expect(cancelled.data!.cancelCoachingPlan).toEqual({ status: 'CANCELLED', achieved: false });
  });

  it('completing records whether the goal was achieved; a closed plan cannot close again', async () => {
    const completed = await app.gql(
      `mutation($id: ID!) { completeCoachingPlan(id: $id) { status achieved current } }`,
      { id: planId },
      coach,
    );
    expect(completed.data!.completeCoachingPlan).toMatchObject({ status: 'COMPLETED', achieved: true });
    const again = await app.gql(`mutation($id: ID!) { cancelCoachingPlan(id: $id) { status } }`, { id: planId }, coach);
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    const log = await app.gql<{ auditLog: { nodes: Array<{ action: string }> } }>(
      'query($id: ID!) { auditLog(entityId: $id) { nodes { action } } }',
      { id: planId },
      admin,
    );
    expect(log.data!.auditLog.nodes.map((n) => n.action)).toEqual([
      'coaching.complete',
      'coaching.acknowledgeSession',
      'coaching.logSession',
      'coaching.create',
    ]);
  });
});
