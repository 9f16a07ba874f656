import { allAnswers, createCall, createEvaluation, createPlan } from '../support/factories.js';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { DISPUTE } from '../support/workflow.js';

/**
 * The date rules through the API, with the app's clock set around Madrid's daylight-saving changes
 * (2026-03-29 02:00 → 03:00, 2026-10-25 03:00 → 02:00) and a year end (ISO week 53 of 2026).
 */
describe('date rules in ORG_TIME_ZONE=Europe/Madrid', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({ ORG_TIME_ZONE: 'Europe/Madrid', DISPUTE_WINDOW_DAYS: '14' })));
  afterEach(() => app.clock.reset());
  afterAll(() => app?.close());

  /** A plan of coach@'s for this agent, from `startDate` to `dueDate` (YYYY-MM-DD). */
  const coachesPlan = (agentEmail: string, startDate: string, dueDate: string) =>
    createPlan(app, { agentId: app.cast.id(agentEmail), coachId: app.cast.id('coach@demo.test'), startDate, dueDate });

  /** A coaching plan's status as `token` reads it. */
  const planStatus = async (id: string, token: string) =>
    (await app.gql<{ coachingPlan: { status: string } }>('query($id: ID!) { coachingPlan(id: $id) { status } }', { id }, token))
      .data!.coachingPlan.status;

  const submitted = async (agentEmail: string, submittedAt: Date) => {
    const callId = await createCall(app, {
      agentId: app.cast.id(agentEmail),
      startedAt: new Date(submittedAt.getTime() - 3600_000),
    });
    return createEvaluation(app, {
      callId,
      evaluatorId: app.cast.id('evaluator@demo.test'),
      answers: allAnswers(3, { R2: 1 }),
      submittedAt,
    });
  };
  const dispute = async (agentEmail: string, id: string) =>
    app.gql(DISPUTE, { id, input: { codes: ['R2'], reason: 'No estoy de acuerdo.' } }, await app.login(agentEmail));

  it('the dispute window spanning the spring change closes 14 local days later at the same wall time', async () => {
    const at = new Date('2026-03-20T16:00:00Z'); // 17:00 CET; closes 2026-04-03 17:00 CEST = 15:00Z
    const late = await submitted('agent1@demo.test', at);
    app.clock.travelTo(new Date('2026-04-03T15:00:01Z'));
    const refused = await dispute('agent1@demo.test', late);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toContain('closed on 2026-04-03');
    const inTime = await submitted('agent1@demo.test', at);
    app.clock.travelTo(new Date('2026-04-03T14:59:00Z'));
    const accepted = await dispute('agent1@demo.test', inTime);
    expect(accepted.errors).toBeUndefined();
  });

  it('the dispute window spanning the autumn change is 14 × 24 h + 1 h, and says when it closes', async () => {
    const at = new Date('2026-10-20T08:00:00Z'); // 10:00 CEST; closes 2026-11-03 10:00 CET = 09:00Z
    const id = await submitted('agent2@demo.test', at);
    app.clock.travelTo(new Date('2026-11-03T08:30:00Z')); // past 14 × 24 h, still inside the local window
    const agent = await app.login('agent2@demo.test');
    const read = await app.gql<{ evaluation: { disputableUntil: string } }>(
      'query($id: ID!) { evaluation(id: $id) { disputableUntil } }',
      { id },
      agent,
    );
    expect(read.data!.evaluation.disputableUntil).toBe('2026-11-03T09:00:00.000Z');
    expect((await dispute('agent2@demo.test', id)).errors).toBeUndefined();
  });

  it('a plan due on the autumn change day is overdue from local midnight after it, in the list filter too', async () => {
    const planId = await coachesPlan('agent3@demo.test', '2026-09-01', '2026-10-25');
    const coach = await app.login('coach@demo.test');
    const statusAt = async (instant: string) => {
      app.clock.travelTo(new Date(instant));
      const status = await planStatus(planId, coach);
      const overdue = await app.gql<{ coachingPlans: Array<{ id: string }> }>(
        'query($a: ID!) { coachingPlans(agentId: $a, status: OVERDUE) { id } }',
        { a: app.cast.id('agent3@demo.test') },
        coach,
      );
      return { status, inOverdueList: overdue.data!.coachingPlans.some((p) => p.id === planId) };
    };
    expect(await statusAt('2026-10-25T22:59:00Z')).toEqual({ status: 'ACTIVE', inOverdueList: false });
    expect(await statusAt('2026-10-25T23:00:30Z')).toEqual({ status: 'OVERDUE', inOverdueList: true });
  });

  it('a plan due on New Year’s Eve is overdue from midnight in Madrid, an hour before midnight UTC', async () => {
    const planId = await coachesPlan('agent4@demo.test', '2026-11-01', '2026-12-31');
    const coach = await app.login('coach@demo.test');
    app.clock.travelTo(new Date('2026-12-31T23:00:30Z'));
    expect(await planStatus(planId, coach)).toBe('OVERDUE');
  });

  it('weeks start Monday 00:00 Madrid time: around the spring change and across the year end (week 53 → week 1)', async () => {
    const agentId = app.cast.id('agent5@demo.test');
    const evaluatorId = app.cast.id('evaluator@demo.test');
    const calls = [
      '2026-03-29T21:59:00Z', // Sunday 23:59 CEST: week of 2026-03-23
      '2026-03-29T22:00:00Z', // Monday 00:00 CEST: week of 2026-03-30
      '2027-01-03T22:59:00Z', // Sunday 23:59 CET: ISO week 53 of 2026, Monday 2026-12-28
      '2027-01-03T23:00:00Z', // Monday 00:00 CET: ISO week 1 of 2027
    ];
    for (const at of calls) {
      const callId = await createCall(app, { agentId, startedAt: new Date(at) });
      await createEvaluation(app, { callId, evaluatorId, answers: allAnswers(3) });
    }
    const coach = await app.login('coach@demo.test');
    const progress = await app.gql<{ agentProgress: { weeks: Array<{ weekStart: string; count: number }> } }>(
      'query($a: ID!, $f: DateTime!, $t: DateTime!) { agentProgress(agentId: $a, from: $f, to: $t) { weeks { weekStart count } } }',
      { a: agentId, f: '2026-03-01T00:00:00Z', t: '2027-02-01T00:00:00Z' },
      coach,
    );
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.agentProgress.weeks.map((w) => [w.weekStart, w.count])).toEqual([
      ['2026-03-23', 1],
      ['2026-03-30', 1],
      ['2026-12-28', 1],
      ['2027-01-04', 1],
    ]);
  });
});
