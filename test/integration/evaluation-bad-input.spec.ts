import { errorCode, rowCounts, startTestApp } from '../support/test-app.js';
import type { GraphQLResult, TestApp } from '../support/test-app.js';
import { answersAll, createCall, DISPUTE, FACTS, RESOLVE, SAVE, scoreAndSubmit, START, SUBMIT } from '../support/workflow.js';
import type { EvaluationView } from '../support/workflow.js';

/** Runs a request that must be refused and checks that no table changed. */
async function refused(app: TestApp, request: () => Promise<GraphQLResult>): Promise<GraphQLResult> {
  const before = await rowCounts(app);
  const result = await request();
  expect(result.errors?.length).toBeGreaterThan(0);
  expect(await rowCounts(app)).toEqual(before);
  return result;
}

const field = (result: GraphQLResult) => result.errors?.[0]?.extensions?.field;

describe('bad input in the evaluation workflow is refused, named, and writes nothing', () => {
  let app: TestApp;
  let evaluator: string;
  let agent1: string;
  let draft: EvaluationView;
  beforeAll(async () => {
    app = await startTestApp();
    [evaluator, agent1] = await Promise.all([app.login('evaluator@demo.test'), app.login('agent1@demo.test')]);
    draft = (
      await app.gql<{ startEvaluation: EvaluationView }>(
        START,
        { callId: await createCall(app, evaluator, 'agent1@demo.test') },
        evaluator,
      )
    ).data!.startEvaluation;
  });
  afterAll(async () => {
    await app?.close();
  });

  const save = (answers: unknown[], extra: Record<string, unknown> = {}, version = draft.version) =>
    app.gql(SAVE, { id: draft.id, version, input: { answers, ...extra } }, evaluator);

  it.each([
    ['a value of 5', [{ code: 'R3', value: 5 }], 'input.answers[0].value', /R3: the answer must be a whole number from 0 to 4/],
    ['a value of −1', [{ code: 'R1', value: -1 }], 'input.answers[0].value', /R1: the answer must be a whole number/],
    ['N/A on R8', [{ code: 'R8', value: null }], 'input.answers[0].value', /R8: N\/A is not allowed/],
    ['an unknown code', [{ code: 'R11', value: 3 }], 'input.answers[0].code', /R11: unknown criterion code/],
    [
      'a duplicate code',
      [
        { code: 'R2', value: 3 },
        { code: 'R2', value: 4 },
      ],
      'input.answers[1].code',
      /R2: the criterion is listed twice/,
    ],
    [
      'evidence after the end of the call',
      [{ code: 'R2', value: 3, evidenceSeconds: 301 }],
      'input.answers[0].evidenceSeconds',
      /within the call \(0–300 s\)/,
    ],
  ])('saving %s', async (_label, answers, expectedField, message) => {
    const result = await refused(app, () => save(answers));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe(expectedField);
    expect(result.errors![0]!.message).toMatch(message);
  });

  it('saving the string "3" as a value', async () => {
    const result = await refused(app, () => save([{ code: 'R3', value: '3' }]));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/value/);
  });

  it('a stale version is CONFLICT', async () => {
    const result = await refused(app, () => save([{ code: 'R1', value: 3 }], {}, draft.version + 5));
    expect(errorCode(result)).toBe('CONFLICT');
  });

  it('submitting with a missing answer names the criterion', async () => {
    const saved = await save(
      answersAll(3).filter((a) => a.code !== 'R8'),
      FACTS,
    );
    draft = saved.data!.saveEvaluation;
    const result = await refused(app, () => app.gql(SUBMIT, { id: draft.id, version: draft.version }, evaluator));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe('answers.R8');
    expect(result.errors![0]!.message).toBe('R8: an answer is required');
  });

  it('submitting a 0 without a comment names the criterion', async () => {
    draft = (
      await save([
        { code: 'R8', value: 3 },
        { code: 'R4', value: 0, comment: '' },
      ])
    ).data!.saveEvaluation;
    const result = await refused(app, () => app.gql(SUBMIT, { id: draft.id, version: draft.version }, evaluator));
    expect(field(result)).toBe('answers.R4');
    expect(result.errors![0]!.message).toBe('R4: a comment is required for answers of 0 or 1');
  });

  it('submitting without the call facts names them', async () => {
    const other = (
      await app.gql<{ startEvaluation: EvaluationView }>(
        START,
        { callId: await createCall(app, evaluator, 'agent1@demo.test') },
        evaluator,
      )
    ).data!.startEvaluation;
    const saved = (
      await app.gql<{ saveEvaluation: EvaluationView }>(
        SAVE,
        { id: other.id, version: 1, input: { answers: answersAll(3) } },
        evaluator,
      )
    ).data!.saveEvaluation;
    const result = await refused(app, () => app.gql(SUBMIT, { id: other.id, version: saved.version }, evaluator));
    expect(field(result)).toBe('resolution');
  });

  it('submitting twice: the second is refused', async () => {
    draft = (await save([{ code: 'R4', value: 2 }])).data!.saveEvaluation;
    const submitted = (
      await app.gql<{ submitEvaluation: EvaluationView }>(SUBMIT, { id: draft.id, version: draft.version }, evaluator)
    ).data!.submitEvaluation;
    const again = await refused(app, () => app.gql(SUBMIT, { id: draft.id, version: submitted.version }, evaluator));
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0]!.message).toMatch(/already submitted/);
    const changed = await refused(app, () => save([{ code: 'R4', value: 4 }], {}, submitted.version));
    expect(errorCode(changed)).toBe('BAD_USER_INPUT');
  });

  it('a second start by the same evaluator is CONFLICT', async () => {
    const callId = await createCall(app, evaluator, 'agent1@demo.test');
    await app.gql(START, { callId }, evaluator);
    expect(errorCode(await refused(app, () => app.gql(START, { callId }, evaluator)))).toBe('CONFLICT');
  });

  it('nobody saves or submits another person’s draft', async () => {
    const result = await refused(app, () =>
      app.gql(SAVE, { id: draft.id, version: draft.version, input: { answers: [] } }, agent1),
    );
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  describe('disputes', () => {
    let submitted: EvaluationView;
    beforeAll(async () => {
      submitted = await scoreAndSubmit(app, evaluator, await createCall(app, evaluator, 'agent1@demo.test'), answersAll(2));
    });

    it('by another agent: FORBIDDEN', async () => {
      const other = await app.login('agent2@demo.test');
      expect(
        errorCode(await refused(app, () => app.gql(DISPUTE, { id: submitted.id, input: { codes: ['R1'], reason: 'x' } }, other))),
      ).toBe('FORBIDDEN');
    });

    it('naming an unknown criterion', async () => {
      const result = await refused(app, () =>
        app.gql(DISPUTE, { id: submitted.id, input: { codes: ['R1', 'Z1'], reason: 'x' } }, agent1),
      );
      expect(field(result)).toBe('input.codes[1]');
    });

    it('twice: the second is refused saying why', async () => {
      await app.gql(DISPUTE, { id: submitted.id, input: { codes: ['R1'], reason: 'No es justo' } }, agent1);
      const result = await refused(app, () =>
        app.gql(DISPUTE, { id: submitted.id, input: { codes: ['R2'], reason: 'Otra vez' } }, agent1),
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.message).toMatch(/disputed once/);
    });

    it('resolving the dispute of one’s own evaluation is FORBIDDEN', async () => {
      const result = await refused(app, () =>
        app.gql(RESOLVE, { id: submitted.id, input: { decision: 'UPHOLD', comment: 'Me doy la razón' } }, evaluator),
      );
      expect(errorCode(result)).toBe('FORBIDDEN');
    });

    it('after the window: refused saying why', async () => {
      const late = await scoreAndSubmit(app, evaluator, await createCall(app, evaluator, 'agent1@demo.test'), answersAll(3));
      await app.server.database.dataSource.query(
        `UPDATE evaluation SET submitted_at = now() - interval '15 days' WHERE id = $1`,
        [late.id],
      );
      const result = await refused(app, () =>
        app.gql(DISPUTE, { id: late.id, input: { codes: ['R1'], reason: 'Tarde' } }, agent1),
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.message).toMatch(/14-day window to dispute this evaluation closed/);
    });

    it('after acknowledging: refused saying why', async () => {
      const acked = await scoreAndSubmit(app, evaluator, await createCall(app, evaluator, 'agent1@demo.test'), answersAll(3));
      await app.gql('mutation($id: ID!) { acknowledgeEvaluation(id: $id) { id } }', { id: acked.id }, agent1);
      const result = await refused(app, () =>
        app.gql(DISPUTE, { id: acked.id, input: { codes: ['R1'], reason: 'Cambié de idea' } }, agent1),
      );
      expect(result.errors![0]!.message).toMatch(/acknowledged/);
    });
  });
});
