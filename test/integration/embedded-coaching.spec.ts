import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

/**
 * A coach's whole week on the embedded database, the one `npm install && npm start` gives every
 * new user: create, edit, log sessions, complete, cancel. Each of these once hung the process (a
 * permission check read through a second connection while the write's transaction held the only
 * one the embedded server serves); every step must answer, and the app must stay healthy after.
 */
const STEP_LIMIT_MS = 15_000;

/** The step's result, or a failure naming the step when it does not answer in time. */
async function answers<T>(step: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step} got no answer within ${STEP_LIMIT_MS} ms`)), STEP_LIMIT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const PLAN = `id version status notes sessions { id }`;
const CREATE = `mutation($input: CreateCoachingPlanInput!) { createCoachingPlan(input: $input) { ${PLAN} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateCoachingPlanInput!) { updateCoachingPlan(id: $id, version: $version, input: $input) { ${PLAN} } }`;
const LOG = `mutation($planId: ID!, $input: CoachingSessionInput!) { logCoachingSession(planId: $planId, input: $input) { id } }`;
const COMPLETE = `mutation($id: ID!, $version: Int) { completeCoachingPlan(id: $id, version: $version) { ${PLAN} } }`;
const CANCEL = `mutation($id: ID!, $version: Int) { cancelCoachingPlan(id: $id, version: $version) { ${PLAN} } }`;

describe('a coach’s week on the embedded database', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({}, { database: 'embedded' })));
  afterAll(() => app?.close());

  const newPlan = async (coach: string, agentEmail: string) => {
    const created = await answers(
      'createCoachingPlan',
      app.gql<{ createCoachingPlan: { id: string; version: number } }>(
        CREATE,
        {
          input: {
            agentId: app.cast.id(agentEmail),
            focusCodes: ['R3', 'R5'],
            methods: ['ROLE_PLAY'],
            targetFocusScore: 75,
            startDate: '2026-11-02',
            dueDate: '2026-12-14',
          },
        },
        coach,
      ),
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createCoachingPlan;
  };

  it('runs on the embedded database', () => {
    expect(app.db.embedded).toBe(true);
  });

  it('creates, edits, logs two sessions and completes a plan, every step answering', async () => {
    const coach = await app.login('coach@demo.test');
    const plan = await newPlan(coach, 'agent1@demo.test');
    const edited = await answers(
      'updateCoachingPlan',
      app.gql<{ updateCoachingPlan: { version: number; notes: string } }>(
        UPDATE,
        { id: plan.id, version: plan.version, input: { notes: 'Practicar la escucha activa.' } },
        coach,
      ),
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateCoachingPlan).toMatchObject({ version: plan.version + 1, notes: 'Practicar la escucha activa.' });
    for (const date of ['2026-11-09', '2026-11-16']) {
      const logged = await answers(
        'logCoachingSession',
        app.gql(LOG, { planId: plan.id, input: { date, notes: `Sesión del ${date}` } }, coach),
      );
      expect(logged.errors).toBeUndefined();
    }
    const completed = await answers(
      'completeCoachingPlan',
      app.gql<{ completeCoachingPlan: { status: string; sessions: unknown[] } }>(
        COMPLETE,
        { id: plan.id, version: edited.data!.updateCoachingPlan.version },
        coach,
      ),
    );
    expect(completed.errors).toBeUndefined();
    expect(completed.data!.completeCoachingPlan.status).toBe('COMPLETED');
    expect(completed.data!.completeCoachingPlan.sessions).toHaveLength(2);
  });

  it('cancels a plan, and a refused write (another team’s agent) answers NOT_FOUND rather than hanging', async () => {
    const coach = await app.login('coach@demo.test');
    const plan = await newPlan(coach, 'agent2@demo.test');
    const cancelled = await answers(
      'cancelCoachingPlan',
      app.gql<{ cancelCoachingPlan: { status: string } }>(CANCEL, { id: plan.id, version: plan.version }, coach),
    );
    expect(cancelled.data?.cancelCoachingPlan.status).toBe('CANCELLED');
    const other = await app.login('coach2@demo.test');
    const refused = await answers(
      'updateCoachingPlan by another team’s coach',
      app.gql(UPDATE, { id: plan.id, version: plan.version + 1, input: { notes: 'x' } }, other),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('stays healthy and lets people sign in after a coach’s writes', async () => {
    const coach = await app.login('coach@demo.test');
    const plan = await newPlan(coach, 'agent3@demo.test');
    await answers(
      'logCoachingSession',
      app.gql(LOG, { planId: plan.id, input: { date: '2026-11-09', notes: 'Primera sesión' } }, coach),
    );
    const health = await answers('GET /health', fetch(`${app.url}/health`));
    expect(health.status).toBe(200);
    expect(await answers('login', app.login('agent3@demo.test'))).toMatch(/^ey/);
  });
});
