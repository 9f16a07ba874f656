import { additionalEvaluationsNeeded, sampleAdvice } from './sample-advice.js';
import { marginOfError95, sampleStandardDeviation } from './stats.js';
import { normalQuantile, studentTQuantile } from './student-t.js';

/** The margin of error n evaluations with standard deviation sd have (docs/rubric.md#margin-of-error). */
const margin = (n: number, sd: number) => (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);

/**
 * The definition itself, walked one evaluation at a time (docs/rubric.md#sample-advice). The walk
 * may skip the counts below (z × sd / m)², z = the normal quantile: t(0.975, df) > z for every
 * df, so no smaller count can meet the target — checked at the first count skipped.
 */
function bruteForce(n: number, sd: number, m: number): number {
  let k = Math.max(0, Math.floor(((normalQuantile(0.975) * sd) / m) ** 2) - n - 1);
  if (k > 0) expect(margin(n + k - 1, sd)).toBeGreaterThan(m);
  while (margin(n + k, sd) > m) k++;
  return k;
}

describe('additional evaluations needed (docs/rubric.md#sample-advice)', () => {
  it('is null with fewer than 2 evaluations or no sd; 0 with sd 0', () => {
    expect(additionalEvaluationsNeeded(0, null, 5)).toBeNull();
    expect(additionalEvaluationsNeeded(1, null, 5)).toBeNull();
    expect(additionalEvaluationsNeeded(1, 10, 5)).toBeNull();
    expect(additionalEvaluationsNeeded(12, null, 5)).toBeNull();
    expect(additionalEvaluationsNeeded(2, 0, 0.01)).toBe(0);
  });

  it('is 0 when the margin is already within the target', () => {
    expect(margin(30, 8)).toBeLessThan(3.1);
    expect(additionalEvaluationsNeeded(30, 8, 3.1)).toBe(0);
    expect(additionalEvaluationsNeeded(200, 5, 50)).toBe(0);
  });

  it('hand-checked: n = 18, sd = 12.9, target 5 → the first count whose margin is ≤ 5', () => {
    const k = bruteForce(18, 12.9, 5);
    // t(0.975, 17) = 2.110 → margin 6.42 now; the normal shortcut (1.96 × 12.9 / 5)² = 25.6 says
    // 26 in all, t says a few more.
    expect(margin(18, 12.9)).toBeCloseTo(6.415, 2);
    expect(k).toBe(11);
    expect(additionalEvaluationsNeeded(18, 12.9, 5)).toBe(k);
    expect(margin(18 + k, 12.9)).toBeLessThanOrEqual(5);
    expect(margin(18 + k - 1, 12.9)).toBeGreaterThan(5);
  });

  it('agrees with the brute-force loop over many n, sd and targets', () => {
    for (const n of [2, 3, 5, 13, 30, 75]) {
      for (const sd of [0.5, 3, 12.9, 20]) {
        for (const m of [0.8, 2, 3.3, 5, 15, 40]) {
          expect([n, sd, m, additionalEvaluationsNeeded(n, sd, m)]).toEqual([n, sd, m, bruteForce(n, sd, m)]);
        }
      }
    }
  });

  it('counts a margin exactly equal to the target as enough', () => {
    for (const [n, sd, total] of [
      [5, 10, 12],
      [2, 7, 3],
      [18, 12.9, 40],
      [10, 4, 10],
    ] as const) {
      const target = margin(total, sd); // the same floating-point value the function computes
      expect(additionalEvaluationsNeeded(n, sd, target)).toBe(Math.max(0, total - n));
      // A hair under the target needs one more.
      expect(additionalEvaluationsNeeded(n, sd, target * (1 - 1e-12))).toBe(Math.max(0, total - n) + 1);
    }
  });

  it('stays exact and quick far from the normal shortcut: sd 40, target 0.5', () => {
    const k = additionalEvaluationsNeeded(18, 40, 0.5)!;
    expect(margin(18 + k, 40)).toBeLessThanOrEqual(0.5);
    expect(margin(18 + k - 1, 40)).toBeGreaterThan(0.5);
    expect(k).toBeGreaterThan(Math.ceil(((1.96 * 40) / 0.5) ** 2) - 18); // t is a little above 1.96
    const k2 = additionalEvaluationsNeeded(3, 25, 0.7)!;
    expect(margin(3 + k2, 25)).toBeLessThanOrEqual(0.7);
    expect(margin(3 + k2 - 1, 25)).toBeGreaterThan(0.7);
  });

  it('refuses a target that is not greater than 0, and an invalid n or sd', () => {
    expect(() => additionalEvaluationsNeeded(10, 5, 0)).toThrow(/targetMargin/);
    expect(() => additionalEvaluationsNeeded(10, 5, -1)).toThrow(RangeError);
    expect(() => additionalEvaluationsNeeded(10, 5, Number.NaN)).toThrow(/targetMargin/);
    expect(() => additionalEvaluationsNeeded(2.5, 5, 1)).toThrow(/n must/);
    expect(() => additionalEvaluationsNeeded(10, -5, 1)).toThrow(/sd must/);
  });
});

describe('sample advice (docs/rubric.md#sample-advice)', () => {
  it('eight scores, target 3', () => {
    const scores = [70, 75, 80, 65, 90, 72, 78, 84];
    const advice = sampleAdvice(scores, 3);
    expect(advice.evaluationCount).toBe(8);
    expect(advice.meanScore).toBe(76.75);
    expect(advice.marginOfError).toBe(marginOfError95(scores));
    expect(advice.marginOfError).toBeCloseTo(6.7, 1);
    expect(advice.targetMargin).toBe(3);
    expect(advice.additionalNeeded).toBe(bruteForce(8, sampleStandardDeviation(scores)!, 3));
  });

  it('no advice from fewer than 2 scores; 0 when the margin already meets the target', () => {
    expect(sampleAdvice([], 3)).toEqual({
      evaluationCount: 0,
      meanScore: null,
      marginOfError: null,
      targetMargin: 3,
      additionalNeeded: null,
    });
    expect(sampleAdvice([80], 3).additionalNeeded).toBeNull();
    expect(sampleAdvice([70, 75, 80, 65, 90, 72, 78, 84], 6.8).additionalNeeded).toBe(0);
    expect(() => sampleAdvice([1, 2], 0)).toThrow(/targetMargin/);
  });
});
