import { marginOfError95, mean, sampleStandardDeviation } from './stats.js';
import { studentTQuantile } from './student-t.js';

/**
 * Sample-size advice (docs/rubric.md#sample-advice): how many more evaluations would bring the
 * margin of error of the mean score (docs/rubric.md#margin-of-error) down to a target.
 */

/** The margin of error that `count` evaluations with standard deviation `sd` would have, computed as marginOfError95 does. */
function marginWith(count: number, sd: number): number {
  return (studentTQuantile(0.975, count - 1) * sd) / Math.sqrt(count);
}

function assertTargetMargin(targetMargin: number): void {
  if (typeof targetMargin !== 'number' || !(targetMargin > 0) || !Number.isFinite(targetMargin)) {
    throw new RangeError(`targetMargin must be a finite number greater than 0, got ${targetMargin}`);
  }
}

/**
 * The smallest k ≥ 0 with t(0.975, n + k − 1) × sd / √(n + k) ≤ targetMargin, the standard
 * deviation assumed to stay as it is (docs/rubric.md#sample-advice); `null` with fewer than 2
 * evaluations or no sd, 0 when sd is 0. The margin falls as k grows, so the search starts from
 * the normal approximation k0 = max(0, ⌈(1.96 × sd / m)²⌉ − n), usually a few evaluations short,
 * widens a bracket by doubling steps and closes it by bisection: a handful of t quantiles even
 * when k runs into the tens of thousands.
 * @throws RangeError when n is not a non-negative integer, sd is negative or targetMargin ≤ 0.
 */
export function additionalEvaluationsNeeded(n: number, sd: number | null, targetMargin: number): number | null {
  assertTargetMargin(targetMargin);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n < 2 || sd === null) return null;
  if (!(sd >= 0) || !Number.isFinite(sd)) throw new RangeError(`sd must be a finite number ≥ 0, got ${sd}`);
  if (sd === 0) return 0;
  const within = (k: number) => marginWith(n + k, sd) <= targetMargin;
  const k0 = Math.max(0, Math.ceil(((1.96 * sd) / targetMargin) ** 2) - n);
  // Invariant of the bisection: `within(hi)`, and `lo` is −1 or a k with !within(lo).
  let lo: number;
  let hi: number;
  if (within(k0)) {
    hi = k0;
    let step = 1;
    lo = k0 - step;
    while (lo >= 0 && within(lo)) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    lo = Math.max(lo, -1);
  } else {
    lo = k0;
    let step = 1;
    hi = k0 + step;
    while (!within(hi)) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (within(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

export interface SampleAdvice {
  evaluationCount: number;
  meanScore: number | null;
  marginOfError: number | null;
  targetMargin: number;
  additionalNeeded: number | null;
}

/**
 * The advice for a set of scores (docs/rubric.md#sample-advice): their count, mean and margin of
 * error (docs/rubric.md#figures-over-a-window), and how many more evaluations would bring the
 * margin to `targetMargin`.
 * @throws RangeError when targetMargin is not greater than 0.
 */
export function sampleAdvice(scores: readonly number[], targetMargin: number): SampleAdvice {
  assertTargetMargin(targetMargin);
  return {
    evaluationCount: scores.length,
    meanScore: mean(scores),
    marginOfError: marginOfError95(scores),
    targetMargin,
    additionalNeeded: additionalEvaluationsNeeded(scores.length, sampleStandardDeviation(scores), targetMargin),
  };
}
