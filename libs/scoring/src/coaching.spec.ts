import { coachingResult, focusScore, planDisplayStatus, suggestedFocus } from './coaching.js';
import { DEFAULT_RUBRIC } from './decalogo.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('coaching results (docs/rubric.md#coaching-results)', () => {
  it('focus score is 25 × the mean of the focus answers, N/A excluded', () => {
    expect(focusScore({ R3: 2, R5: 3, R8: 4 }, ['R3', 'R5'])).toBe(62.5);
    expect(focusScore({ R3: null, R5: 3 }, ['R3', 'R5'])).toBe(75);
    expect(focusScore({ R2: null }, ['R2'])).toBeNull();
    expect(focusScore({}, ['R2'])).toBeNull();
    expect(focusScore({ R3: 4, R5: 0 }, ['R3', 'R3', 'R5'])).toBe(50); // a repeated code counts once
  });

  const plan = { focusCodes: ['R3', 'R5'], targetFocusScore: 70, startDate: day('2026-10-01'), dueDate: day('2026-10-31') };
  const evaluations = [
    { callStartedAt: new Date('2026-08-15T10:00:00Z'), answers: { R3: 0, R5: 0 } }, // older than 30 days: ignored
    { callStartedAt: new Date('2026-09-05T10:00:00Z'), answers: { R3: 2, R5: 2 } }, // baseline 50
    { callStartedAt: new Date('2026-09-30T23:59:00Z'), answers: { R3: 1, R5: 2 } }, // baseline 37.5
    { callStartedAt: new Date('2026-09-20T10:00:00Z'), answers: { R3: null, R5: null } }, // no focus score: skipped
    { callStartedAt: new Date('2026-10-01T00:00:00Z'), answers: { R3: 3, R5: 3 } }, // current 75
    { callStartedAt: new Date('2026-10-10T10:00:00Z'), answers: { R3: 3, R5: 4 } }, // current 87.5
    { callStartedAt: new Date('2026-10-31T22:00:00Z'), answers: { R3: 2, R5: 3 } }, // due day counts: 62.5
    { callStartedAt: new Date('2026-11-01T00:00:00Z'), answers: { R3: 0, R5: 0 } }, // after the due date: ignored
  ];

  it('baseline, current, delta and achieved, by hand', () => {
    const result = coachingResult(evaluations, plan, new Date('2026-11-20T00:00:00Z'));
    expect(result.baseline).toBe(43.75); // (50 + 37.5) / 2
    expect(result.current).toBe(75); // (75 + 87.5 + 62.5) / 3
    expect(result.delta).toBe(31.25);
    expect(result.evaluationsSinceStart).toBe(3);
    expect(result.achieved).toBe(true);
  });

  it('counts only up to now while the plan runs, and needs three evaluations to be achieved', () => {
    const result = coachingResult(evaluations, plan, new Date('2026-10-20T00:00:00Z'));
    expect(result.current).toBe(81.25);
    expect(result.evaluationsSinceStart).toBe(2);
    expect(result.achieved).toBe(false);
  });

  it('the baseline window is [startDate − 30 days, startDate), the current one starts at startDate', () => {
    const at = (iso: string, value: number) => ({ callStartedAt: new Date(iso), answers: { R3: value, R5: value } });
    const result = coachingResult(
      [
        at('2026-08-31T23:59:59.999Z', 0), // just before the 30 days: ignored
        at('2026-09-01T00:00:00.000Z', 2), // 30 days before: baseline
        at('2026-09-30T23:59:59.999Z', 4), // the last instant before the start: baseline
        at('2026-10-01T00:00:00.000Z', 3), // the start: current
      ],
      plan,
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(result).toEqual({ baseline: 75, current: 75, delta: 0, evaluationsSinceStart: 1, achieved: false });
  });

  it('is achieved exactly at the target', () => {
    expect(coachingResult(evaluations, { ...plan, targetFocusScore: 75 }, new Date('2026-12-01T00:00:00Z')).achieved).toBe(true);
  });

  it('is not achieved below the target, and has nulls without data', () => {
    expect(coachingResult(evaluations, { ...plan, targetFocusScore: 80 }, new Date('2026-12-01T00:00:00Z')).achieved).toBe(false);
    expect(coachingResult([], plan, new Date('2026-12-01T00:00:00Z'))).toEqual({
      baseline: null,
      current: null,
      delta: null,
      evaluationsSinceStart: 0,
      achieved: false,
    });
  });

  it('an active plan past its due day is overdue', () => {
    expect(planDisplayStatus('ACTIVE', '2026-10-31', new Date('2026-10-31T23:00:00Z'))).toBe('ACTIVE');
    expect(planDisplayStatus('ACTIVE', '2026-10-31', new Date('2026-11-01T00:00:00Z'))).toBe('OVERDUE');
    expect(planDisplayStatus('COMPLETED', '2026-10-31', new Date('2026-12-01T00:00:00Z'))).toBe('COMPLETED');
  });
});

describe('suggested focus', () => {
  it('picks the three lowest means, ties broken by higher weight', () => {
    const means = [
      { code: 'R1', mean: 3.5 },
      { code: 'R2', mean: 1.5 }, // weight 5
      { code: 'R3', mean: 1.5 }, // weight 15: before R2
      { code: 'R4', mean: 2.0 },
      { code: 'R5', mean: 2.5 },
      { code: 'R7', mean: null },
    ];
    expect(suggestedFocus(DEFAULT_RUBRIC, means)).toEqual(['R3', 'R2', 'R4']);
    expect(suggestedFocus(DEFAULT_RUBRIC, means, 1)).toEqual(['R3']);
    expect(suggestedFocus(DEFAULT_RUBRIC, [])).toEqual([]);
  });

  it('breaks ties of mean and weight by position, then by code, and skips codes outside the rubric', () => {
    const criteria = [
      { code: 'B', weight: 10, critical: false, naAllowed: false, position: 2 },
      { code: 'A', weight: 10, critical: false, naAllowed: false, position: 1 },
      { code: 'X10', weight: 10, critical: false, naAllowed: false },
      { code: 'X2', weight: 10, critical: false, naAllowed: false },
    ];
    const tied = ['A', 'B', 'X10', 'X2', 'ZZ'].map((code) => ({ code, mean: 2 }));
    // A and B by position; X10 and X2 have none: their index (2, 3) orders them after A and B.
    expect(suggestedFocus(criteria, tied, 5)).toEqual(['A', 'B', 'X10', 'X2']);
    const noPositions = criteria.map(({ code, weight, critical, naAllowed }) => ({ code, weight, critical, naAllowed }));
    expect(suggestedFocus(noPositions, tied, 5)).toEqual(['B', 'A', 'X10', 'X2']); // the order given
    expect(suggestedFocus(criteria, [{ code: 'A', mean: Number.NaN }])).toEqual([]);
    expect(suggestedFocus(criteria, tied, 0)).toEqual([]);
  });
});
