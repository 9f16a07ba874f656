import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { importCallsCsv } from '../support/imports.js';
import { answersAll, createCall, DISPUTE, RESOLVE, SAVE, START, SUBMIT } from '../support/workflow.js';

const CARD = '4111 1111 1111 1111';
const MASKED = '**** **** **** 1111';
const SAID = `mi tarjeta es la ${CARD} y el CVV es 123`;
const CLEAN = `mi tarjeta es la ${MASKED} y el CVV es ***`;

/** Every text column a request can write, as stored, to look for card data anywhere. */
async function everythingStored(app: TestApp): Promise<string> {
  const rows = (await app.server.database.dataSource.query(`
    SELECT string_agg(t, ' | ') AS all FROM (
      SELECT transcript::text AS t FROM call UNION ALL
      SELECT comment FROM evaluation UNION ALL
      SELECT comment FROM evaluation_answer UNION ALL
      SELECT reason FROM dispute UNION ALL SELECT resolution_comment FROM dispute UNION ALL
      SELECT notes FROM coaching_session UNION ALL SELECT agreed_actions FROM coaching_session UNION ALL
      SELECT notes FROM coaching_plan UNION ALL
      SELECT before::text FROM audit_entry UNION ALL SELECT after::text FROM audit_entry
    ) texts`)) as Array<{ all: string }>;
  return rows[0]!.all;
}

describe('payment card data is masked on every way in', () => {
  let app: TestApp;
  let admin: string;
  let evaluator: string;
  beforeAll(async () => {
    app = await startTestApp();
    [admin, evaluator] = await Promise.all([app.login('admin@demo.test'), app.login('evaluator@demo.test')]);
  });
  afterAll(() => app?.close());

  it('masks a transcript given through the API', async () => {
    const id = await createCall(app, admin, 'agent1@demo.test', { transcript: `CUSTOMER: [00:10] ${SAID}` });
    const [row] = (await app.server.database.dataSource.query(`SELECT transcript FROM call WHERE id = $1`, [id])) as Array<{
      transcript: Array<{ text: string }>;
    }>;
    expect(row!.transcript[0]!.text).toBe(CLEAN);
  });

  it('masks a transcript imported from CSV', async () => {
    const csv = [
      'external_id,agent_email,started_at,duration_seconds,direction,purpose,transcript',
      `CARD-1,agent1@demo.test,2026-11-02T09:30:00+01:00,120,INBOUND,SUPPORT,"CUSTOMER: ${SAID}"`,
    ].join('\n');
    expect((await importCallsCsv(app, admin, csv)).status).toBe('DONE');
    const [row] = (await app.server.database.dataSource.query(
      `SELECT transcript FROM call WHERE external_id = 'CARD-1'`,
    )) as Array<{
      transcript: Array<{ text: string }>;
    }>;
    expect(row!.transcript[0]!.text).toBe(CLEAN);
  });

  it('masks comments, dispute reasons, resolutions and coaching notes — and the audit log never sees the number', async () => {
    // Scored and submitted through the API just now: the dispute window runs from the submission.
    const callId = await createCall(app, evaluator, 'agent1@demo.test', { startedAt: '2026-03-02T10:00:00Z' });
    const started = await app.gql<{ startEvaluation: { id: string; version: number } }>(START, { callId }, evaluator);
    const draft = started.data!.startEvaluation;
    const answers = answersAll(3, { R1: 1 }).map((a) => (a.code === 'R1' ? { ...a, comment: `Leyó en voz alta ${SAID}` } : a));
    const saved = await app.gql<{
      saveEvaluation: { version: number; comment: string; answers: Array<{ comment: string | null }> };
    }>(
      SAVE,
      {
        id: draft.id,
        version: draft.version,
        input: { answers, resolution: 'RESOLVED', supervisorRequested: false, comment: SAID },
      },
      evaluator,
    );
    expect(saved.data!.saveEvaluation.comment).toBe(CLEAN);
    expect(saved.data!.saveEvaluation.answers[0]!.comment).toBe(`Leyó en voz alta ${CLEAN}`);
    await app.gql(SUBMIT, { id: draft.id, version: saved.data!.saveEvaluation.version }, evaluator);

    const agent = await app.login('agent1@demo.test');
    const disputed = await app.gql(DISPUTE, { id: draft.id, input: { codes: ['R1'], reason: `No dije ${CARD}` } }, agent);
    expect(disputed.errors).toBeUndefined();
    const evaluator2 = await app.login('evaluator2@demo.test');
    const resolved = await app.gql(
      RESOLVE,
      { id: draft.id, input: { decision: 'UPHOLD', comment: `Se oye ${SAID}` } },
      evaluator2,
    );
    expect(resolved.errors).toBeUndefined();

    const coach = await app.login('coach@demo.test');
    const agentId = app.cast.id('agent1@demo.test');
    const plan = await app.gql<{ createCoachingPlan: { id: string } }>(
      'mutation($input: CreateCoachingPlanInput!) { createCoachingPlan(input: $input) { id } }',
      {
        input: {
          agentId,
          focusCodes: ['R1'],
          methods: ['CALL_REVIEW'],
          targetFocusScore: 80,
          startDate: '2026-03-02',
          dueDate: '2026-04-01',
          notes: SAID,
        },
      },
      coach,
    );
    expect(plan.errors).toBeUndefined();
    const session = await app.gql(
      'mutation($id: ID!, $input: CoachingSessionInput!) { logCoachingSession(planId: $id, input: $input) { id } }',
      { id: plan.data!.createCoachingPlan.id, input: { date: '2026-03-10', notes: SAID, agreedActions: `No repetir ${CARD}` } },
      coach,
    );
    expect(session.errors).toBeUndefined();
    const edited = await app.gql<{ updateCoachingPlan: { notes: string } }>(
      'mutation($id: ID!, $input: UpdateCoachingPlanInput!) { updateCoachingPlan(id: $id, version: 1, input: $input) { notes } }',
      { id: plan.data!.createCoachingPlan.id, input: { notes: `Ahora: ${SAID}` } },
      coach,
    );
    expect(edited.data!.updateCoachingPlan.notes).toBe(`Ahora: ${CLEAN}`);

    const stored = await everythingStored(app);
    expect(stored).toContain(MASKED);
    expect(stored).not.toContain(CARD);
    expect(stored).not.toMatch(/CVV es 123/);
  });

  it('keeps the audit log append-only in the database', async () => {
    const db = app.server.database.dataSource;
    const callId = await createCall(app, admin, 'agent2@demo.test', { startedAt: '2026-03-02T10:00:00Z' });
    const entries = async () =>
      (await db.query(`SELECT id, action, entity_id FROM audit_entry ORDER BY id`)) as Array<Record<string, string>>;
    const before = await entries();
    expect(before.filter((e) => e['entity_id'] === callId).map((e) => e['action'])).toEqual(['call.create']);
    await expect(db.query(`UPDATE audit_entry SET action = 'edited'`)).rejects.toThrow();
    await expect(db.query(`DELETE FROM audit_entry`)).rejects.toThrow();
    expect(await entries()).toEqual(before);
  });
});
