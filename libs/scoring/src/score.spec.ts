import { DEFAULT_RUBRIC } from './decalogo.js';
import { roundHalfAwayFromZero } from './rounding.js';
import { computeLiveScore, computeScore, ScoringError, validateSubmission } from './score.js';

const all = (value: number | null) => Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.code, value]));

describe('evaluation score (the worked examples of docs/rubric.md#raw-score and #score)', () => {
  it('all ten answered 3 → score 75.0', () => {
    expect(computeScore(DEFAULT_RUBRIC, all(3))).toEqual({ rawScore: 75, score: 75, criticalFailure: false });
  });

  it('R2, R6, R7, R10 N/A and the rest answered 4 → 100.0', () => {
    const answers = { ...all(4), R2: null, R6: null, R7: null, R10: null };
    expect(computeScore(DEFAULT_RUBRIC, answers)).toEqual({ rawScore: 100, score: 100, criticalFailure: false });
  });

  it('everything 4 except R8 = 0 → rawScore 85.0, score 0, criticalFailure', () => {
    expect(computeScore(DEFAULT_RUBRIC, { ...all(4), R8: 0 })).toEqual({ rawScore: 85, score: 0, criticalFailure: true });
  });

  it('drops N/A criteria from both sums', () => {
    // R1 (w10) = 4, R2 (w5) = N/A, R3 (w15) = 2, others missing: 100 × (40 + 30) / (4 × 25) = 70.
    expect(computeLiveScore(DEFAULT_RUBRIC, { R1: 4, R2: null, R3: 2 })).toEqual({
      rawScore: 70,
      score: 70,
      criticalFailure: false,
    });
  });

  it('a critical criterion answered 0 fails the call even when other answers are missing', () => {
    expect(computeLiveScore(DEFAULT_RUBRIC, { R9: 0, R1: 4 })).toMatchObject({ score: 0, criticalFailure: true });
  });

  it('needs at least one numeric answer', () => {
    expect(() => computeScore(DEFAULT_RUBRIC, all(null))).toThrow(ScoringError);
    expect(() => computeScore(DEFAULT_RUBRIC, {})).toThrow('At least one criterion must be answered with a value from 0 to 4');
    expect(computeLiveScore(DEFAULT_RUBRIC, {})).toBeNull();
    expect(computeLiveScore(DEFAULT_RUBRIC, all(null))).toBeNull();
  });

  it('refuses to score an answer off the scale; a draft leaves it out', () => {
    const answers = { ...all(4), R3: 5 };
    expect(() => computeScore(DEFAULT_RUBRIC, answers)).toThrow(
      new ScoringError('R3: the answer must be a whole number from 0 to 4'),
    );
    expect(() => computeScore(DEFAULT_RUBRIC, { ...all(4), R1: 2.5 })).toThrow(ScoringError);
    expect(computeLiveScore(DEFAULT_RUBRIC, answers)).toEqual({ rawScore: 100, score: 100, criticalFailure: false });
  });

  it('ignores answers to codes the rubric does not have', () => {
    expect(computeScore(DEFAULT_RUBRIC, { ...all(2), X9: 4 })).toEqual({ rawScore: 50, score: 50, criticalFailure: false });
  });

  it('a critical criterion answered 1 is not a critical failure', () => {
    // 100 × (85 × 4 + 15 × 1) / (4 × 100) = 88.75
    expect(computeScore(DEFAULT_RUBRIC, { ...all(4), R8: 1 })).toEqual({ rawScore: 88.75, score: 88.75, criticalFailure: false });
  });

  it('two critical failures are still one critical failure, and all zeros score 0', () => {
    // R8 (15) and R9 (10) at 0, the other 75 weight at 4: rawScore 75.
    expect(computeScore(DEFAULT_RUBRIC, { ...all(4), R8: 0, R9: 0 })).toEqual({ rawScore: 75, score: 0, criticalFailure: true });
    expect(computeScore(DEFAULT_RUBRIC, all(0))).toEqual({ rawScore: 0, score: 0, criticalFailure: true });
  });

  it('is a ScoringError', () => {
    const error = new ScoringError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ScoringError');
  });

  it('rounds only when shown: 2/3 of the way is 66.7', () => {
    const raw = computeScore(
      [
        { code: 'A', weight: 1, critical: false, naAllowed: false },
        { code: 'B', weight: 2, critical: false, naAllowed: false },
      ],
      { A: 4, B: 2 },
    ).rawScore;
    expect(raw).toBeCloseTo(66.6666667, 6);
    expect(roundHalfAwayFromZero(raw)).toBe(66.7);
  });
});

describe('validating a submission', () => {
  const complete = () =>
    Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.code, { value: 3 as number | null, comment: null as string | null }]));

  it('accepts a complete answer set', () => {
    expect(validateSubmission(DEFAULT_RUBRIC, complete())).toEqual([]);
  });

  it('names a missing answer', () => {
    const answers: Record<string, { value: number | null } | undefined> = complete();
    delete answers['R3'];
    expect(validateSubmission(DEFAULT_RUBRIC, answers)).toEqual([
      { code: 'R3', field: 'value', message: 'R3: an answer is required' },
    ]);
  });

  it('refuses N/A where the criterion does not allow it, and accepts it where it does', () => {
    const answers = { ...complete(), R8: { value: null }, R2: { value: null } };
    expect(validateSubmission(DEFAULT_RUBRIC, answers)).toEqual([
      { code: 'R8', field: 'value', message: 'R8: N/A is not allowed for this criterion' },
    ]);
  });

  it.each([5, -1, 2.5, Number.NaN])('refuses the value %p', (value) => {
    const issues = validateSubmission(DEFAULT_RUBRIC, { ...complete(), R4: { value } });
    expect(issues).toEqual([{ code: 'R4', field: 'value', message: 'R4: the answer must be a whole number from 0 to 4' }]);
  });

  it('requires a comment on every 0 or 1, and not on 2', () => {
    const answers = {
      ...complete(),
      R1: { value: 0, comment: '  ' },
      R5: { value: 1 },
      R6: { value: 2 },
      R3: { value: 1, comment: 'min 2:10 no solution offered' },
    };
    expect(validateSubmission(DEFAULT_RUBRIC, answers).map((i) => i.message)).toEqual([
      'R1: a comment is required for answers of 0 or 1',
      'R5: a comment is required for answers of 0 or 1',
    ]);
  });

  it('names an unknown code', () => {
    expect(validateSubmission(DEFAULT_RUBRIC, { ...complete(), X9: { value: 3 } })).toEqual([
      { code: 'X9', field: 'code', message: 'X9: unknown criterion code' },
    ]);
  });

  it('accepts N/A without a comment, and 0 or 1 with one', () => {
    const answers = {
      ...complete(),
      R2: { value: null },
      R8: { value: 0, comment: 'min 4:12 raised the voice' },
      R9: { value: 1, comment: 'x' },
    };
    expect(validateSubmission(DEFAULT_RUBRIC, answers)).toEqual([]);
  });

  it('reports every problem at once, criteria in rubric order, then unknown codes', () => {
    const issues = validateSubmission(DEFAULT_RUBRIC, { R10: { value: 0 }, ZZ: { value: 4 } });
    expect(issues.map((i) => `${i.field} ${i.message}`)).toEqual([
      'value R1: an answer is required',
      'value R2: an answer is required',
      'value R3: an answer is required',
      'value R4: an answer is required',
      'value R5: an answer is required',
      'value R6: an answer is required',
      'value R7: an answer is required',
      'value R8: an answer is required',
      'value R9: an answer is required',
      'comment R10: a comment is required for answers of 0 or 1',
      'code ZZ: unknown criterion code',
    ]);
  });
});
