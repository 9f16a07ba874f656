import { allAnswers, createCall, createEvaluation } from '../support/factories.js';
import type { EvaluationStatus } from '../support/factories.js';
import { errorCode, rowCounts, startTestApp } from '../support/test-app.js';
import type { GraphQLResult, TestApp } from '../support/test-app.js';
import { ACK, answersAll, DISPUTE, FACTS, RESOLVE, SAVE, START, SUBMIT } from '../support/workflow.js';
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

/** Every call of this file: agent1's, 300 s long (so evidence must fall within 0–300 s). */
const CALL_AT = new Date('2026-03-02T10:00:00Z');
/** When the evaluations the disputes are about were submitted; the 14-day window closes 2026-03-16T11:00Z. */
const SUBMITTED_AT = new Date('2026-03-02T11:00:00Z');
const WITHIN_WINDOW = new Date('2026-03-03T09:00:00Z');
const AFTER_WINDOW = new Date('2026-03-16T11:00:01Z');

describe('bad input in the evaluation workflow is refused, named, and writes nothing', () => {
  let app: TestApp;
  let evaluator: string;
  let agent1: string;
  beforeAll(async () => {
    app = await startTestApp();
    [evaluator, agent1] = await Promise.all([app.login('evaluator@demo.test'), app.login('agent1@demo.test')]);
  });
  afterAll(() => app?.close());

  const agentCall = () => createCall(app, { agentId: app.cast.id('agent1@demo.test'), startedAt: CALL_AT, durationSeconds: 300 });

  /** The evaluator's fresh draft of a new call of agent1's, started through the API. */
  async function newDraft(): Promise<EvaluationView> {
    const started = await app.gql<{ startEvaluation: EvaluationView }>(START, { callId: await agentCall() }, evaluator);
    if (!started.data?.startEvaluation) throw new Error(`start failed: ${JSON.stringify(started.errors)}`);
    return started.data.startEvaluation;
  }

  /** Saves the draft through the API and returns it as saved (throws if the save was refused). */
  async function saved(draft: EvaluationView, input: Record<string, unknown>): Promise<EvaluationView> {
    const result = await app.gql<{ saveEvaluation: EvaluationView }>(
      SAVE,
      { id: draft.id, version: draft.version, input },
      evaluator,
    );
    if (!result.data?.saveEvaluation) throw new Error(`save failed: ${JSON.stringify(result.errors)}`);
    return result.data.saveEvaluation;
  }

  const save = (draft: EvaluationView, answers: unknown[], extra: Record<string, unknown> = {}, version = draft.version) =>
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
    const draft = await newDraft();
    const result = await refused(app, () => save(draft, answers));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe(expectedField);
    expect(result.errors![0]!.message).toMatch(message);
  });

  it('saving the string "3" as a value', async () => {
    const draft = await newDraft();
    const result = await refused(app, () => save(draft, [{ code: 'R3', value: '3' }]));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/value/);
  });

  it('a stale version is CONFLICT', async () => {
    const draft = await newDraft();
    const result = await refused(app, () => save(draft, [{ code: 'R1', value: 3 }], {}, draft.version + 5));
    expect(errorCode(result)).toBe('CONFLICT');
  });

  it('submitting with a missing answer names the criterion', async () => {
    const draft = await saved(await newDraft(), { answers: answersAll(3).filter((a) => a.code !== 'R8'), ...FACTS });
    const result = await refused(app, () => app.gql(SUBMIT, { id: draft.id, version: draft.version }, evaluator));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe('answers.R8');
    expect(result.errors![0]!.message).toBe('R8: an answer is required');
  });

  it('submitting a 0 without a comment names the criterion', async () => {
    // Every rule answered and the facts given: the 0 without a comment is the only fault.
    const answers = answersAll(3).map((a) => (a.code === 'R4' ? { code: 'R4', value: 0, comment: '' } : a));
    const draft = await saved(await newDraft(), { answers, ...FACTS });
    const result = await refused(app, () => app.gql(SUBMIT, { id: draft.id, version: draft.version }, evaluator));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe('answers.R4');
    expect(result.errors![0]!.message).toBe('R4: a comment is required for answers of 0 or 1');
  });

  it('submitting without the call facts names them', async () => {
    const draft = await saved(await newDraft(), { answers: answersAll(3) });
    const result = await refused(app, () => app.gql(SUBMIT, { id: draft.id, version: draft.version }, evaluator));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe('resolution');
  });

  it('submitting twice: the second is refused', async () => {
    const draft = await saved(await newDraft(), { answers: answersAll(3), ...FACTS });
    const first = await app.gql<{ submitEvaluation: EvaluationView }>(
      SUBMIT,
      { id: draft.id, version: draft.version },
      evaluator,
    );
    expect(first.errors).toBeUndefined();
    const submitted = first.data!.submitEvaluation;
    expect(submitted.status).toBe('SUBMITTED');
    const again = await refused(app, () => app.gql(SUBMIT, { id: draft.id, version: submitted.version }, evaluator));
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0]!.message).toMatch(/already submitted/);
    const changed = await refused(app, () => save(draft, [{ code: 'R4', value: 4 }], {}, submitted.version));
    expect(errorCode(changed)).toBe('BAD_USER_INPUT');
  });

  it('a second start by the same evaluator is CONFLICT', async () => {
    const callId = await agentCall();
    expect((await app.gql(START, { callId }, evaluator)).errors).toBeUndefined();
    expect(errorCode(await refused(app, () => app.gql(START, { callId }, evaluator)))).toBe('CONFLICT');
  });

  it('nobody saves or submits another person’s draft: to them it does not exist', async () => {
    const draft = await saved(await newDraft(), { answers: answersAll(3), ...FACTS });
    const evaluator2 = await app.login('evaluator2@demo.test');
    // An agent's role may not write evaluations at all (FORBIDDEN); another evaluator does not see the draft.
    for (const [token, code] of [
      [agent1, 'FORBIDDEN'],
      [evaluator2, 'NOT_FOUND'],
    ] as const) {
      const save = await refused(app, () =>
        app.gql(SAVE, { id: draft.id, version: draft.version, input: { answers: [] } }, token),
      );
      expect(errorCode(save)).toBe(code);
      const submit = await refused(app, () => app.gql(SUBMIT, { id: draft.id, version: draft.version }, token));
      expect(errorCode(submit)).toBe(code);
    }
  });

  describe('disputes', () => {
    // The dispute window is measured on the app's clock from each evaluation's submission, so
    // these tests run the clock at fixed instants instead of depending on today's date.
    beforeEach(() => app.clock.travelTo(WITHIN_WINDOW));
    afterEach(() => app.clock.reset());

    /** An evaluation of a new call of agent1's by evaluator@, submitted at SUBMITTED_AT, in `status`. */
    const evaluation = async (status: EvaluationStatus = 'SUBMITTED') =>
      createEvaluation(app, {
        callId: await agentCall(),
        evaluatorId: app.cast.id('evaluator@demo.test'),
        answers: allAnswers(2),
        status,
        submittedAt: SUBMITTED_AT,
      });

    it('by another agent: NOT_FOUND, as a missing id', async () => {
      const id = await evaluation();
      const other = await app.login('agent2@demo.test');
      expect(errorCode(await refused(app, () => app.gql(DISPUTE, { id, input: { codes: ['R1'], reason: 'x' } }, other)))).toBe(
        'NOT_FOUND',
      );
    });

    it('naming an unknown criterion', async () => {
      const id = await evaluation();
      const result = await refused(app, () => app.gql(DISPUTE, { id, input: { codes: ['R1', 'Z1'], reason: 'x' } }, agent1));
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(field(result)).toBe('input.codes[1]');
    });

    it('twice: the second is refused saying why', async () => {
      const id = await evaluation();
      const first = await app.gql(DISPUTE, { id, input: { codes: ['R1'], reason: 'No es justo' } }, agent1);
      expect(first.errors).toBeUndefined();
      expect(first.data!.disputeEvaluation).toMatchObject({ status: 'DISPUTED', dispute: { codes: ['R1'] } });
      const result = await refused(app, () => app.gql(DISPUTE, { id, input: { codes: ['R2'], reason: 'Otra vez' } }, agent1));
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.message).toMatch(/disputed once/);
    });

    it('resolving the dispute of one’s own evaluation is FORBIDDEN', async () => {
      const id = await evaluation('DISPUTED');
      const result = await refused(app, () =>
        app.gql(RESOLVE, { id, input: { decision: 'UPHOLD', comment: 'Me doy la razón' } }, evaluator),
      );
      expect(errorCode(result)).toBe('FORBIDDEN');
    });

    it('after the window: refused saying why', async () => {
      const id = await evaluation();
      app.clock.travelTo(AFTER_WINDOW);
      const result = await refused(app, () => app.gql(DISPUTE, { id, input: { codes: ['R1'], reason: 'Tarde' } }, agent1));
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.message).toBe('The 14-day window to dispute this evaluation closed on 2026-03-16.');
    });

    it('after acknowledging: refused saying why', async () => {
      const id = await evaluation();
      const acknowledged = await app.gql(ACK, { id }, agent1);
      expect(acknowledged.data!.acknowledgeEvaluation).toMatchObject({ status: 'ACKNOWLEDGED' });
      const result = await refused(app, () =>
        app.gql(DISPUTE, { id, input: { codes: ['R1'], reason: 'Cambié de idea' } }, agent1),
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.message).toMatch(/acknowledged/);
    });
  });
});
