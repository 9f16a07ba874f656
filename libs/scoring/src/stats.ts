import { studentTQuantile } from './student-t.js';

// The t quantile lives with the rest of the t distribution; it is also part of this module's API.
export { studentTQuantile };

/** The arithmetic mean (docs/rubric.md#mean-score, #criterion-means); `null` for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * The sample standard deviation (n − 1): the product's "consistency" (docs/rubric.md#consistency),
 * lower is better. `null` with fewer than 2 values.
 */
export function sampleStandardDeviation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values)!;
  let squares = 0;
  for (const value of values) squares += (value - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * The margin of error (docs/rubric.md#margin-of-error): the 95% half-width of the mean,
 * `t(0.975, n−1) × sd / √n` with Student's t (not 1.96: with few evaluations the normal value would
 * overstate certainty), shown as "74.2 ± 6.1 (n=8)". `null` with fewer than 2 values.
 */
export function marginOfError95(values: readonly number[]): number | null {
  const sd = sampleStandardDeviation(values);
  if (sd === null) return null;
  return (studentTQuantile(0.975, values.length - 1) * sd) / Math.sqrt(values.length);
}

/**
 * The ordinary least-squares slope of y on x, Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², behind the trend of
 * docs/rubric.md#trend-per-week. `null` with fewer than 3 points (two points always fit a line
 * exactly) or when all x are equal (no slope exists).
 */
export function olsSlope(points: ReadonlyArray<{ x: number; y: number }>): number | null {
  if (points.length < 3) return null;
  const mx = mean(points.map((p) => p.x))!;
  const my = mean(points.map((p) => p.y))!;
  let sxy = 0;
  let sxx = 0;
  for (const { x, y } of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}

/** Milliseconds in a week: the trend's time unit. */
export const MS_PER_WEEK = 7 * 24 * 3600 * 1000;

/**
 * The trend (docs/rubric.md#trend-per-week): the OLS slope of score against call time (`at`, when
 * the call happened, not when it was scored), in points per week (x = ms / 604 800 000); `null`
 * with fewer than 3 evaluations or when all calls happened at the same instant.
 */
export function trendPerWeek(points: ReadonlyArray<{ at: Date; score: number }>): number | null {
  return olsSlope(points.map((p) => ({ x: p.at.getTime() / MS_PER_WEEK, y: p.score })));
}

/**
 * count / total, a share from 0 to 1 (the critical-failure, resolution and supervisor availability
 * rates of docs/rubric.md#figures-over-a-window); `null` when total is 0, because a rate of nothing
 * is unknown, not 0.
 */
export function rate(count: number, total: number): number | null {
  return total === 0 ? null : count / total;
}
