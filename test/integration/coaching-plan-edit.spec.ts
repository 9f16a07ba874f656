import { createPerson, createR3R4Evaluations } from '../support/factories.js';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const PLAN_FIELDS =
  'id version status focusCodes methods targetFocusScore startDate dueDate notes baseline current delta evaluationsSinceStart achieved sessions { id }';
const CREATE = `mutation($input: CreateCoachingPlanInput!) { createCoachingPlan(input: $input) { ${PLAN_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateCoachingPlanInput!) {
  updateCoachingPlan(id: $id, version: $version, input: $input) { ${PLAN_FIELDS} } }`;
const COMPLETE = `mutation($id: ID!, $version: Int) { completeCoachingPlan(id: $id, version: $version) { ${PLAN_FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $version: Int) { cancelCoachingPlan(id: $id, version: $version) { ${PLAN_FIELDS} } }`;
const DAY = 24 * 3600 * 1000;
/** The plans' start date; their figures come from calls at fixed times around it. */
const START = '2026-03-11';
/** `offset` days after START (YYYY-MM-DD). */
const day = (offset: number) => new Date(Date.parse(`${START}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
/** 10:00 UTC, `offset` days after START. */
const at = (offset: number) => new Date(Date.parse(`${START}T10:00:00Z`) + offset * DAY);
/** The API's "now" in these tests: two weeks after START, after every call below. */
const TODAY = day(14);
/**
 * `offset` days from TODAY (YYYY-MM-DD): a plan shows as ACTIVE or OVERDUE by its due date against
 * the API's clock, so an open plan is due after today and an overdue one before it.
 */
const fromToday = (offset: number) => day(14 + offset);
const DUE = fromToday(20);

interface PlanView {
  id: string;
  version: number;
  status: string;
  focusCodes: string[];
  methods: string[];
  targetFocusScore: number;
  startDate: string;
  dueDate: string;
  notes: string | null;
  baseline: number | null;
  current: number | null;
  delta: number | null;
  evaluationsSinceStart: number;
  achieved: boolean;
}

describe('editing a coaching plan, with optimistic locking on its version', () => {
  let app: TestApp;
  let admin: string;
  let coach: string;
  let agentId: string;

  /** The row as stored, to prove a refused request changed nothing. */
  const row = async (id: string) =>
    (
      (await app.server.database.dataSource.query(
        `SELECT version, status, focus_codes, methods, target_focus_score, start_date::text, due_date::text, notes, updated_at
           FROM coaching_plan WHERE id = $1`,
        [id],
      )) as Array<Record<string, unknown>>
    )[0]!;
  const audits = async (id: string, action = 'coaching.update') =>
    (
      (await app.server.database.dataSource.query(
        'SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = $2',
        [id, action],
      )) as Array<{ n: number }>
    )[0]!.n;

  /** A plan on R3 + R4 from START, due twenty days from today, goal 80 (achieved: current 87.5). */
  const newPlan = async (overrides: Record<string, unknown> = {}): Promise<PlanView> => {
    const input = {
      agentId,
      focusCodes: ['R3', 'R4'],
      methods: ['ROLE_PLAY', 'CALL_REVIEW'],
      targetFocusScore: 80,
      startDate: START,
      dueDate: DUE,
      notes: 'Escucha activa',
      ...overrides,
    };
    const result = await app.gql<{ createCoachingPlan: PlanView }>(CREATE, { input }, coach);
    expect(result.errors).toBeUndefined();
    return result.data!.createCoachingPlan;
  };
  const update = (plan: { id: string; version: number }, input: Record<string, unknown>, token = coach) =>
    app.gql<{ updateCoachingPlan: PlanView }>(UPDATE, { id: plan.id, version: plan.version, input }, token);

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.travelTo(new Date(`${TODAY}T10:00:00Z`));
    [admin, coach] = await Promise.all([app.login('admin@demo.test'), app.login('coach@demo.test')]);
    // A new agent in Postventa (coached by coach@), so every evaluation of theirs is one this test wrote.
    agentId = (
      await createPerson(app, {
        email: 'editado@demo.test',
        name: 'Agente Editado',
        roles: ['AGENT'],
        teamId: app.cast.teams.Postventa,
      })
    ).id;
    // Focus R3, R4 (25 × the mean answer). Baseline window (the 30 days before START):
    // 25×(1+2)/2 = 37.5 (day −15) and 25×(2+2)/2 = 50 (day −5). Since the start: 87.5 (day 2),
    // 100 (day 5), 75 (day 9).
    await createR3R4Evaluations(app, agentId, [
      [at(-15), 1, 2],
      [at(-5), 2, 2],
      [at(2), 3, 4],
      [at(5), 4, 4],
      [at(9), 3, 3],
    ]);
  });
  afterAll(() => app?.close());

  it('a coach edits the goal, focus, methods and notes; the figures follow and the version goes up', async () => {
    const plan = await newPlan();
    expect(plan).toMatchObject({ version: 1, achieved: true, evaluationsSinceStart: 3 });
    expect(plan.current).toBeCloseTo(87.5, 10);

    // A higher goal than the current 87.5: no longer achieved.
    const higher = await update(plan, { targetFocusScore: 95 });
    expect(higher.errors).toBeUndefined();
    expect(higher.data!.updateCoachingPlan).toMatchObject({ version: 2, targetFocusScore: 95, achieved: false });
    expect(higher.data!.updateCoachingPlan.current).toBeCloseTo(87.5, 10);

    // R3 alone: baseline 25×(1+2)/2 = 37.5, current 25×(3+4+3)/3 = 83.33…; the rest stays.
    const narrowed = (
      await update(higher.data!.updateCoachingPlan, {
        focusCodes: ['R3'],
        methods: ['SIDE_BY_SIDE'],
        targetFocusScore: 80,
        notes: '  Confirmar la necesidad  ',
      })
    ).data!.updateCoachingPlan;
    expect(narrowed).toMatchObject({
      version: 3,
      focusCodes: ['R3'],
      methods: ['SIDE_BY_SIDE'],
      notes: 'Confirmar la necesidad',
      startDate: plan.startDate,
      dueDate: plan.dueDate,
      achieved: true,
    });
    expect(narrowed.baseline).toBeCloseTo(37.5, 10);
    expect(narrowed.current).toBeCloseTo(250 / 3, 10);
    expect(narrowed.delta).toBeCloseTo(250 / 3 - 37.5, 10);

    // Notes can be cleared with null.
    const cleared = (await update(narrowed, { notes: null })).data!.updateCoachingPlan;
    expect(cleared).toMatchObject({ version: 4, notes: null, focusCodes: ['R3'] });
    expect(await row(plan.id)).toMatchObject({ version: 4, notes: null, focus_codes: ['R3'], status: 'ACTIVE' });
  });

  it('moving the due date moves the measured window: earlier makes it overdue, later makes it active again', async () => {
    const plan = await newPlan();
    // Due on day 7 (long past): only days 2 and 5 count (93.75, two evaluations, too few to be achieved).
    const earlier = (await update(plan, { dueDate: day(7) })).data!.updateCoachingPlan;
    expect(earlier).toMatchObject({ version: 2, status: 'OVERDUE', dueDate: day(7), evaluationsSinceStart: 2, achieved: false });
    expect(earlier.current).toBeCloseTo(93.75, 10);
    expect(earlier.baseline).toBeCloseTo(43.75, 10);
    // An overdue plan is still open, so it can be extended.
    const later = (await update(earlier, { dueDate: fromToday(30) })).data!.updateCoachingPlan;
    expect(later).toMatchObject({
      version: 3,
      status: 'ACTIVE',
      dueDate: fromToday(30),
      evaluationsSinceStart: 3,
      achieved: true,
    });
    expect(later.current).toBeCloseTo(87.5, 10);
  });

  it('writes an audit entry with the changed fields before and after', async () => {
    const plan = await newPlan();
    await update(plan, { targetFocusScore: 90, dueDate: fromToday(40) });
    const log = await app.gql<{
      auditLog: { nodes: Array<{ action: string; before: string; after: string; actor: { email: string } }> };
    }>('query($id: ID!) { auditLog(entityId: $id) { nodes { action before after actor { email } } } }', { id: plan.id }, admin);
    const entry = log.data!.auditLog.nodes[0]!;
    expect(entry.action).toBe('coaching.update');
    expect(entry.actor.email).toBe('coach@demo.test');
    expect(JSON.parse(entry.before)).toEqual({ targetFocusScore: 80, dueDate: DUE, version: 1 });
    expect(JSON.parse(entry.after)).toEqual({ targetFocusScore: 90, dueDate: fromToday(40), version: 2 });
  });

  it('masks card data in the notes like the create input does', async () => {
    const plan = await newPlan();
    const result = await update(plan, { notes: 'El cliente dictó 4111 1111 1111 1111 con CVV 123' });
    expect(result.data!.updateCoachingPlan.notes).toBe('El cliente dictó **** **** **** 1111 con CVV ***');
    expect((await row(plan.id))['notes']).toBe('El cliente dictó **** **** **** 1111 con CVV ***');
  });

  it.each([
    ['an unknown focus code', { focusCodes: ['R1', 'R99'] }, 'input.focusCodes[1]'],
    ['four focus codes', { focusCodes: ['R1', 'R2', 'R3', 'R4'] }, 'input.focusCodes'],
    ['no focus codes', { focusCodes: [] }, 'input.focusCodes'],
    ['a due date on the start date', { dueDate: START }, 'input.dueDate'],
    ['a due date before the start', { dueDate: day(-10) }, 'input.dueDate'],
    ['a target over 100', { targetFocusScore: 101 }, 'input.targetFocusScore'],
    ['a negative target', { targetFocusScore: -1 }, 'input.targetFocusScore'],
    ['a null target', { targetFocusScore: null }, 'input.targetFocusScore'],
    ['null focus codes', { focusCodes: null }, 'input.focusCodes'],
    ['no methods', { methods: [] }, 'input.methods'],
    ['nothing to change', {}, 'input'],
  ])('refuses %s, naming the field, and changes nothing', async (_label, input, field) => {
    const plan = await newPlan();
    const before = await row(plan.id);
    const result = await update(plan, input);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await row(plan.id)).toEqual(before);
    expect(await audits(plan.id)).toBe(0);
  });

  it('the start date is not part of the edit (the baseline is defined by it)', async () => {
    const plan = await newPlan();
    const result = await update(plan, { startDate: day(5) });
    expect(result.errors![0]!.message).toMatch(/startDate/);
    expect((await row(plan.id))['start_date']).toBe(START);
  });

  it('refuses to edit a closed plan, saying it is closed', async () => {
    const plan = await newPlan();
    const completed = await app.gql<{ completeCoachingPlan: PlanView }>(COMPLETE, { id: plan.id }, coach);
    const closed = completed.data!.completeCoachingPlan;
    expect(closed).toMatchObject({ status: 'COMPLETED', version: 2 });
    const before = await row(plan.id);
    const result = await update(closed, { targetFocusScore: 90 });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/completed: a closed plan can no longer be edited/);
    expect(await row(plan.id)).toEqual(before);
  });

  it('only a coach of the agent’s team or an admin edits: evaluators and agents are FORBIDDEN, another team’s coach does not see it', async () => {
    const plan = await newPlan();
    const before = await row(plan.id);
    for (const [email, code] of [
      ['coach2@demo.test', 'NOT_FOUND'],
      ['evaluator@demo.test', 'FORBIDDEN'],
      ['editado@demo.test', 'FORBIDDEN'],
      ['agent2@demo.test', 'FORBIDDEN'],
    ]) {
      const result = await update(plan, { targetFocusScore: 90 }, await app.login(email!));
      expect({ email, code: errorCode(result) }).toEqual({ email, code });
    }
    expect(await row(plan.id)).toEqual(before);
    const byAdmin = await update(plan, { targetFocusScore: 90 }, admin);
    expect(byAdmin.data!.updateCoachingPlan).toMatchObject({ version: 2, targetFocusScore: 90 });
  });

  it('a stale version is a CONFLICT and changes nothing', async () => {
    const plan = await newPlan();
    const edited = (await update(plan, { targetFocusScore: 85 })).data!.updateCoachingPlan;
    const before = await row(plan.id);
    const stale = await update(plan, { targetFocusScore: 60, notes: 'Otra pestaña' });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.message).toMatch(/changed since you read it \(now version 2, you sent 1\)/);
    expect(await row(plan.id)).toEqual(before);
    expect(await audits(plan.id)).toBe(1);
    // With the version just read it goes through.
    expect((await update(edited, { targetFocusScore: 60 })).data!.updateCoachingPlan.version).toBe(3);
  });

  it('two edits sent at once from the same version: exactly one succeeds, the other is a CONFLICT', async () => {
    const plan = await newPlan();
    const results = await Promise.all([
      update(plan, { targetFocusScore: 70, notes: 'Desde la primera pestaña' }),
      update(plan, { targetFocusScore: 90, notes: 'Desde la segunda pestaña' }, admin),
    ]);
    const outcomes = results.map((r) => (r.errors ? errorCode(r) : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const winner = results.find((r) => !r.errors)!.data!.updateCoachingPlan;
    const stored = await row(plan.id);
    expect(stored['version']).toBe(plan.version + 1);
    expect({ target: stored['target_focus_score'], notes: stored['notes'] }).toEqual({
      target: winner.targetFocusScore,
      notes: winner.notes,
    });
    expect(await audits(plan.id)).toBe(1);
  });

  it('logging a session does not change the plan’s version', async () => {
    const plan = await newPlan();
    const logged = await app.gql(
      'mutation($id: ID!, $input: CoachingSessionInput!) { logCoachingSession(planId: $id, input: $input) { id } }',
      { id: plan.id, input: { date: day(3), notes: 'Role play' } },
      coach,
    );
    expect(logged.errors).toBeUndefined();
    expect((await row(plan.id))['version']).toBe(1);
    expect((await update(plan, { targetFocusScore: 82 })).data!.updateCoachingPlan.version).toBe(2);
  });

  it('completing or cancelling with a stale version is a CONFLICT; with the current one, or none, it closes', async () => {
    const plan = await newPlan();
    const edited = (await update(plan, { targetFocusScore: 85 })).data!.updateCoachingPlan;
    const before = await row(plan.id);
    for (const mutation of [COMPLETE, CANCEL]) {
      const stale = await app.gql(mutation, { id: plan.id, version: plan.version }, coach);
      expect(errorCode(stale)).toBe('CONFLICT');
    }
    expect(await row(plan.id)).toEqual(before);
    expect(await audits(plan.id, 'coaching.complete')).toBe(0);
    expect(await audits(plan.id, 'coaching.cancel')).toBe(0);

    const completed = await app.gql<{ completeCoachingPlan: PlanView }>(
      COMPLETE,
      { id: plan.id, version: edited.version },
      coach,
    );
    expect(completed.data!.completeCoachingPlan).toMatchObject({ status: 'COMPLETED', version: 3, achieved: true });

    // Without a version (older clients) the plan as it is now is closed.
    const other = await newPlan();
    await update(other, { targetFocusScore: 85 });
    const cancelled = await app.gql<{ cancelCoachingPlan: PlanView }>(CANCEL, { id: other.id }, coach);
    expect(cancelled.data!.cancelCoachingPlan).toMatchObject({ status: 'CANCELLED', version: 3 });
  });
});
