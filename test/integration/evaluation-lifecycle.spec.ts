import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import {
  ACK,
  answersAll,
  createCall,
  DISPUTE,
  FACTS,
  GET,
  RESOLVE,
  SAVE,
  scoreAndSubmit,
  START,
  SUBMIT,
} from '../support/workflow.js';
import type { EvaluationView } from '../support/workflow.js';

/**
 * Everything here goes through the API: each evaluation is submitted at the app clock's now, so an
 * agent's dispute right after it is within the dispute window whatever today's date.
 */
describe('the evaluation workflow', () => {
  let app: TestApp;
  let evaluator: string;
  let evaluator2: string;
  let agent1: string;
  beforeAll(async () => {
    app = await startTestApp();
    [evaluator, evaluator2, agent1] = await Promise.all([
      app.login('evaluator@demo.test'),
      app.login('evaluator2@demo.test'),
      app.login('agent1@demo.test'),
    ]);
  });
  afterAll(() => app?.close());

  describe('the worked examples of docs/rubric.md#raw-score come out of the API exactly', () => {
    it('all ten answered 3 → 75.0', async () => {
      const result = await scoreAndSubmit(app, evaluator, await createCall(app, evaluator, 'agent1@demo.test'), answersAll(3));
      expect(result).toMatchObject({ status: 'SUBMITTED', score: 75, rawScore: 75, criticalFailure: false });
    });

    it('R2, R6, R7, R10 N/A and the rest 4 → 100.0', async () => {
      const answers = answersAll(4, { R2: null, R6: null, R7: null, R10: null });
      const result = await scoreAndSubmit(app, evaluator, await createCall(app, evaluator, 'agent1@demo.test'), answers);
      expect(result).toMatchObject({ score: 100, rawScore: 100, criticalFailure: false });
    });

    it('everything 4 except R8 = 0 → rawScore 85.0, score 0, critical failure', async () => {
      const result = await scoreAndSubmit(
        app,
        evaluator,
        await createCall(app, evaluator, 'agent1@demo.test'),
        answersAll(4, { R8: 0 }),
      );
      expect(result).toMatchObject({ score: 0, rawScore: 85, criticalFailure: true });
    });
  });

  it('a whole lifecycle: score with evidence, the agent acknowledges one and disputes another, a second evaluator amends', async () => {
    const callA = await createCall(app, evaluator, 'agent1@demo.test');
    const callB = await createCall(app, evaluator, 'agent1@demo.test');
    // A draft is built up in several saves; the client never sends a score.
    const draft = (await app.gql<{ startEvaluation: EvaluationView }>(START, { callId: callA }, evaluator)).data!.startEvaluation;
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, score: null });
    const first = await app.gql(
      SAVE,
      {
        id: draft.id,
        version: 1,
        input: {
          answers: [
            { code: 'R1', value: 4 },
            { code: 'R3', comment: 'Escucha activa', evidenceSeconds: 42 },
          ],
        },
      },
      evaluator,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.saveEvaluation.answers).toEqual([
      { value: 4, notApplicable: false, comment: null, evidenceSeconds: null, criterion: { code: 'R1' } },
      { value: null, notApplicable: false, comment: 'Escucha activa', evidenceSeconds: 42, criterion: { code: 'R3' } },
    ]);
    // The agent never sees a draft, not even of their own call.
    expect((await app.gql(GET, { id: draft.id }, agent1)).data!.evaluation).toBeNull();
    const second = await app.gql(
      SAVE,
      {
        id: draft.id,
        version: 2,
        input: { answers: answersAll(3).filter((a) => a.code !== 'R1'), ...FACTS, comment: 'Buena llamada' },
      },
      evaluator,
    );
    expect(
      second.data!.saveEvaluation.answers.find((a: { criterion: { code: string } }) => a.criterion.code === 'R3'),
    ).toMatchObject({ value: 3, comment: 'Escucha activa', evidenceSeconds: 42 });
    const submitted = (await app.gql(SUBMIT, { id: draft.id, version: 3 }, evaluator)).data!.submitEvaluation;
    // (4×10 + 3×90) / (4×100) × 100 = 77.5
    expect(submitted).toMatchObject({ status: 'SUBMITTED', score: 77.5, rawScore: 77.5, criticalFailure: false });

    const seen = await app.gql(GET, { id: draft.id }, agent1);
    expect(seen.data!.evaluation).toMatchObject({ status: 'SUBMITTED', score: 77.5, comment: 'Buena llamada' });
    const acknowledged = await app.gql(ACK, { id: draft.id }, agent1);
    expect(acknowledged.data!.acknowledgeEvaluation).toMatchObject({ status: 'ACKNOWLEDGED' });
    expect(acknowledged.data!.acknowledgeEvaluation.acknowledgedAt).toBeTruthy();

    const disputed = await scoreAndSubmit(app, evaluator, callB, answersAll(4, { R5: 1 }));
    const dispute = await app.gql(
      DISPUTE,
      { id: disputed.id, input: { codes: ['R5'], reason: 'Resolví la incidencia: ver minuto 3.' } },
      agent1,
    );
    expect(dispute.data!.disputeEvaluation).toMatchObject({ status: 'DISPUTED', dispute: { codes: ['R5'], decision: null } });

    const resolved = await app.gql(
      RESOLVE,
      {
        id: disputed.id,
        input: { decision: 'AMEND', answers: [{ code: 'R5', value: 4 }], comment: 'Tiene razón: quedó resuelto.' },
      },
      evaluator2,
    );
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveDispute).toMatchObject({
      status: 'RESOLVED',
      score: 100,
      rawScore: 100,
      dispute: { decision: 'AMEND', resolutionComment: 'Tiene razón: quedó resuelto.' },
    });

    // Every step is in the audit log, with the old answers kept.
    const admin = await app.login('admin@demo.test');
    const log = await app.gql<{
      auditLog: { nodes: Array<{ action: string; before: string | null; actor: { email: string } }> };
    }>('query($id: ID!) { auditLog(entityId: $id) { nodes { action before actor { email } } } }', { id: disputed.id }, admin);
    const actions = log.data!.auditLog.nodes.map((n) => `${n.action} by ${n.actor.email}`);
    expect(actions).toEqual([
      'evaluation.resolveDispute by evaluator2@demo.test',
      'evaluation.dispute by agent1@demo.test',
      'evaluation.submit by evaluator@demo.test',
      'evaluation.save by evaluator@demo.test',
      'evaluation.start by evaluator@demo.test',
    ]);
    expect(JSON.parse(log.data!.auditLog.nodes[0]!.before!).answers.R5.value).toBe(1);
  });

  it('UPHOLD keeps the score', async () => {
    const evaluation = await scoreAndSubmit(app, evaluator, await createCall(app, evaluator, 'agent1@demo.test'), answersAll(2));
    await app.gql(DISPUTE, { id: evaluation.id, input: { codes: ['R1', 'R4'], reason: 'No estoy de acuerdo' } }, agent1);
    const upheld = await app.gql(
      RESOLVE,
      { id: evaluation.id, input: { decision: 'UPHOLD', comment: 'Se mantiene: falta la explicación del producto.' } },
      await app.login('admin@demo.test'),
    );
    expect(upheld.data!.resolveDispute).toMatchObject({ status: 'RESOLVED', score: 50, dispute: { decision: 'UPHOLD' } });
  });

  it('a coach scores the calls of the agents they coach, and only those', async () => {
    const coach = await app.login('coach@demo.test');
    const own = await createCall(app, evaluator, 'agent2@demo.test');
    const other = await createCall(app, evaluator, 'agent7@demo.test');
    expect((await scoreAndSubmit(app, coach, own, answersAll(3))).score).toBe(75);
    // A call the coach does not see: NOT_FOUND, as a missing id.
    expect(errorCode(await app.gql(START, { callId: other }, coach))).toBe('NOT_FOUND');
  });

  it('two saves of the same version: one succeeds, the other is CONFLICT and changes nothing', async () => {
    const draft = (
      await app.gql<{ startEvaluation: EvaluationView }>(
        START,
        { callId: await createCall(app, evaluator, 'agent3@demo.test') },
        evaluator,
      )
    ).data!.startEvaluation;
    const [a, b] = await Promise.all([
      app.gql(SAVE, { id: draft.id, version: 1, input: { answers: [{ code: 'R1', value: 1 }] } }, evaluator),
      app.gql(SAVE, { id: draft.id, version: 1, input: { answers: [{ code: 'R1', value: 2 }] } }, evaluator),
    ]);
    const codes = [errorCode(a), errorCode(b)].sort();
    expect(codes).toEqual(['CONFLICT', undefined]); // sort() puts undefined last
    const current = (await app.gql(GET, { id: draft.id }, evaluator)).data!.evaluation;
    expect(current.version).toBe(2);
    expect(current.answers).toHaveLength(1);
  });
});

describe('the audit log', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app?.close());

  it('is append-only in the database: UPDATE and DELETE fail', async () => {
    const db = app.server.database.dataSource;
    const admin = await app.login('admin@demo.test');
    const before = await app.count('audit_entry');
    const created = await app.gql('mutation { createTeam(input: { name: "Auditada" }) { id } }', {}, admin);
    expect(created.errors).toBeUndefined();
    expect(await app.count('audit_entry')).toBe(before + 1);
    await expect(db.query(`UPDATE audit_entry SET action = 'x'`)).rejects.toThrow(/never changed or deleted/);
    await expect(db.query(`DELETE FROM audit_entry`)).rejects.toThrow(/never changed or deleted/);
    expect(await app.count('audit_entry')).toBe(before + 1);
  });
});
