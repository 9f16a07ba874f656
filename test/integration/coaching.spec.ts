import { allAnswers, createEvaluatedCall, createPerson, createR3R4Evaluations, createPlan } from '../support/factories.js';
import { errorCode, rowCounts, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const PLAN_FIELDS =
  'id status focusCodes methods targetFocusScore startDate dueDate baseline current delta evaluationsSinceStart achieved agent { email } coach { email } sessions { id date notes agreedActions acknowledgedAt }';
const CREATE = `mutation($input: CreateCoachingPlanInput!) { createCoachingPlan(input: $input) { ${PLAN_FIELDS} } }`;
const LOG_SESSION =
  'mutation($id: ID!, $input: CoachingSessionInput!) { logCoachingSession(planId: $id, input: $input) { id date } }';
const ACK_SESSION = 'mutation($id: ID!) { acknowledgeCoachingSession(id: $id) { acknowledgedAt } }';
const DAY = 24 * 3600 * 1000;
/** The plans' start date; their figures come from calls at fixed times around it. */
const START = '2026-03-11';
/** `offset` days after START (YYYY-MM-DD). */
const day = (offset: number) => new Date(Date.parse(`${START}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
/** 10:00 UTC, `offset` days after START. */
const at = (offset: number) => new Date(Date.parse(`${START}T10:00:00Z`) + offset * DAY);
/** The API's "now" in these tests: two weeks after START, after every call placed around it. */
const TODAY = day(14);
/**
 * `offset` days from TODAY (YYYY-MM-DD): a plan shows as ACTIVE or OVERDUE by its due date against
 * the API's clock, so an open plan is due after today.
 */
const fromToday = (offset: number) => day(14 + offset);

describe('coaching plans and their measured results (docs/rubric.md#coaching-results)', () => {
  let app: TestApp;
  let admin: string;
  let evaluator: string;
  let coach: string;
  let agentId: string;
  /** A plan of the scored agent on R3 + R4 from START, due in twenty days: baseline 43.75, current 87.5. */
  const planInput = () => ({
    agentId,
    focusCodes: ['R3', 'R4'],
    methods: ['ROLE_PLAY', 'CALL_REVIEW'],
    targetFocusScore: 80,
    startDate: START,
    dueDate: fromToday(20),
    notes: 'Escucha activa y argumentos',
  });
  const createThroughApi = async (input: Record<string, unknown>) => {
    const result = await app.gql(CREATE, { input }, coach);
    expect(result.errors).toBeUndefined();
    return result.data!.createCoachingPlan as { id: string; status: string };
  };

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.travelTo(new Date(`${TODAY}T10:00:00Z`));
    [admin, evaluator, coach] = await Promise.all([
      app.login('admin@demo.test'),
      app.login('evaluator@demo.test'),
      app.login('coach@demo.test'),
    ]);
    // A new agent in Postventa, so every evaluation of theirs is one this test wrote.
    agentId = (
      await createPerson(app, {
        email: 'nuevo@demo.test',
        name: 'Nuevo Agente',
        roles: ['AGENT'],
        teamId: app.cast.teams.Postventa,
      })
    ).id;
    // Baseline (the 30 days before START): focus R3+R4 → 25×(1+2)/2 = 37.5 and 25×(2+2)/2 = 50.
    // Since the start: 25×(3+4)/2 = 87.5, 25×(4+4)/2 = 100, 25×(3+3)/2 = 75. Before the baseline window: ignored.
    await createR3R4Evaluations(app, agentId, [
      [at(-40), 0, 0],
      [at(-15), 1, 2],
      [at(-5), 2, 2],
      [at(2), 3, 4],
      [at(5), 4, 4],
      [at(9), 3, 3],
    ]);
  });
  afterAll(() => app?.close());

  /** A plan the API accepts for the test's agent; `overrides` make it the one a test needs. */
  const validPlanInput = (overrides: Record<string, unknown> = {}) => ({
    agentId,
    focusCodes: ['R1'],
    methods: ['WORKSHOP'],
    targetFocusScore: 70,
    startDate: START,
    dueDate: fromToday(30),
    ...overrides,
  });

  it('suggests the agent’s weakest rules', async () => {
    // The suggestion reads the 90 days before now (the API's clock), so these calls are placed
    // relative to the API's today: R3 and R4 average 1.5 (R3 first, the heavier), R7 2.5, the rest 3. The
    // call 100 days ago (R1 at 0) is outside those 90 days: counted, R1 would come third.
    const agent = await createPerson(app, { roles: ['AGENT'], teamId: app.cast.teams.Postventa });
    const evaluatorId = app.cast.id('evaluator@demo.test');
    const daysAgo = (n: number) => new Date(app.clock.now().getTime() - n * DAY);
    await createEvaluatedCall(
      app,
      { agentId: agent.id, startedAt: daysAgo(5) },
      { evaluatorId, answers: allAnswers(3, { R3: 1, R4: 2 }) },
    );
    await createEvaluatedCall(
      app,
      { agentId: agent.id, startedAt: daysAgo(20) },
      { evaluatorId, answers: allAnswers(3, { R3: 2, R4: 1, R7: 2 }) },
    );
    await createEvaluatedCall(
      app,
      { agentId: agent.id, startedAt: daysAgo(100) },
      { evaluatorId, answers: allAnswers(3, { R1: 0 }) },
    );
    const result = await app.gql<{ suggestedFocus: Array<{ code: string }> }>(
      'query($id: ID!) { suggestedFocus(agentId: $id) { code } }',
      { id: agent.id },
      coach,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.suggestedFocus.map((c) => c.code)).toEqual(['R3', 'R4', 'R7']);
  });

  it('a coach creates a plan from the suggested focus and sees baseline → current against the target', async () => {
    const result = await app.gql(CREATE, { input: planInput() }, coach);
    expect(result.errors).toBeUndefined();
    const plan = result.data!.createCoachingPlan;
    expect(plan).toMatchObject({
      status: 'ACTIVE',
      coach: { email: 'coach@demo.test' },
      agent: { email: 'nuevo@demo.test' },
      startDate: START,
      evaluationsSinceStart: 3,
      achieved: true,
      sessions: [],
    });
    expect(plan.baseline).toBeCloseTo(43.75, 10);
    expect(plan.current).toBeCloseTo(87.5, 10);
    expect(plan.delta).toBeCloseTo(43.75, 10);
  });

  it('logs a session the agent acknowledges', async () => {
    // An agent of their own, so their plans are exactly the one made here.
    const person = await createPerson(app, { roles: ['AGENT'], teamId: app.cast.teams.Postventa });
    const plan = await createThroughApi({ ...planInput(), agentId: person.id });
    const logged = await app.gql<{ logCoachingSession: { id: string } }>(
      LOG_SESSION,
      { id: plan.id, input: { date: day(12), notes: 'Role play de una reclamación', agreedActions: 'Resumir al cierre' } },
      coach,
    );
    expect(logged.errors).toBeUndefined();
    const sessionId = logged.data!.logCoachingSession.id;
    const agent = await app.login(person.email);
    const other = await app.login('agent2@demo.test');
    // Another agent does not see the plan: NOT_FOUND, as a missing id.
    expect(errorCode(await app.gql(ACK_SESSION, { id: sessionId }, other))).toBe('NOT_FOUND');
    const ack = await app.gql(ACK_SESSION, { id: sessionId }, agent);
    expect(ack.data!.acknowledgeCoachingSession.acknowledgedAt).toBeTruthy();
    const own = await app.gql(`{ coachingPlans { ${PLAN_FIELDS} } }`, {}, agent);
    expect(own.data!.coachingPlans).toHaveLength(1);
    expect(own.data!.coachingPlans[0].id).toBe(plan.id);
    expect(own.data!.coachingPlans[0].sessions).toEqual([
      {
        id: sessionId,
        date: day(12),
        notes: 'Role play de una reclamación',
        agreedActions: 'Resumir al cierre',
        acknowledgedAt: ack.data!.acknowledgeCoachingSession.acknowledgedAt,
      },
    ]);
  });

  it('only the agent, their coaches and admins see a plan; only coaches of the team and admins write', async () => {
    const planId = await createPlan(app, {
      agentId,
      coachId: app.cast.id('coach@demo.test'),
      focusCodes: ['R3', 'R4'],
      startDate: START,
      dueDate: fromToday(20),
    });
    const query = `query($id: ID!) { coachingPlan(id: $id) { id } }`;
    expect((await app.gql(query, { id: planId }, await app.login('agent2@demo.test'))).data!.coachingPlan).toBeNull();
    expect((await app.gql(query, { id: planId }, await app.login('coach2@demo.test'))).data!.coachingPlan).toBeNull();
    expect((await app.gql(query, { id: planId }, await app.login('nuevo@demo.test'))).data!.coachingPlan).toEqual({ id: planId });
    expect((await app.gql(query, { id: planId }, coach)).data!.coachingPlan).toEqual({ id: planId });
    expect((await app.gql(query, { id: planId }, admin)).data!.coachingPlan).toEqual({ id: planId });
    const coach2 = await app.login('coach2@demo.test');
    const listed = await app.gql<{ coachingPlans: Array<{ id: string }> }>('{ coachingPlans { id } }', {}, coach2);
    // No plan of a Cobranzas agent, nor by coach2, exists.
    expect(listed.data!.coachingPlans).toEqual([]);
    const before = { ...(await rowCounts(app)), coaching_plan: await app.count('coaching_plan') };
    const input = validPlanInput();
    // coach2 does not see agent1: answered as an id that is no agent's.
    expect(errorCode(await app.gql(CREATE, { input }, coach2))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(CREATE, { input }, evaluator))).toBe('FORBIDDEN');
    expect({ ...(await rowCounts(app)), coaching_plan: await app.count('coaching_plan') }).toEqual(before);
  });

  it.each([
    ['an unknown focus code', { focusCodes: ['R1', 'R99'] }, 'input.focusCodes[1]'],
    ['four focus codes', { focusCodes: ['R1', 'R2', 'R3', 'R4'] }, 'input.focusCodes'],
    ['a due date before the start', { startDate: day(5), dueDate: day(1) }, 'input.dueDate'],
    ['a target over 100', { targetFocusScore: 101 }, 'input.targetFocusScore'],
    ['no methods', { methods: [] }, 'input.methods'],
  ])('refuses %s, naming the field', async (_label, overrides, field) => {
    const input = validPlanInput(overrides);
    const result = await app.gql(CREATE, { input }, coach);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
  });

  it('an active plan past its due date shows as OVERDUE and can be filtered', async () => {
    // Due on START − 3, a day long past.
    const overdue = await createThroughApi({
      agentId,
      focusCodes: ['R5'],
      methods: ['SEMINAR'],
      targetFocusScore: 90,
      startDate: day(-40),
      dueDate: day(-3),
    });
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
    const { id: planId } = await createThroughApi(planInput());
    const logged = await app.gql<{ logCoachingSession: { id: string } }>(
      LOG_SESSION,
      { id: planId, input: { date: day(12), notes: 'Escucha de llamadas' } },
      coach,
    );
    const ack = await app.gql(ACK_SESSION, { id: logged.data!.logCoachingSession.id }, await app.login('nuevo@demo.test'));
    expect(ack.errors).toBeUndefined();
    const completed = await app.gql<{ completeCoachingPlan: { status: string; achieved: boolean; current: number } }>(
      `mutation($id: ID!) { completeCoachingPlan(id: $id) { status achieved current } }`,
      { id: planId },
      coach,
    );
    expect(completed.data!.completeCoachingPlan).toMatchObject({ status: 'COMPLETED', achieved: true });
    expect(completed.data!.completeCoachingPlan.current).toBeCloseTo(87.5, 10);
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
