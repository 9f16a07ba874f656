import { studentTQuantile } from './student-t.js';

/** The arithmetic mean; `null` for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * The sample standard deviation (n − 1): the product's "consistency" (RUBRIC.md §4), lower is
 * better. `null` with fewer than 2 values.
 */
export function sampleStandardDeviation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values)!;
  let squares = 0;
  for (const value of values) squares += (value - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * The 95% half-width of the mean, `t(0.975, n−1) × sd / √n` (RUBRIC.md §4), shown as
 * "74.2 ± 6.1 (n=8)". `null` with fewer than 2 values.
 */
export function marginOfError95(values: readonly number[]): number | null {
  const sd = sampleStandardDeviation(values);
  if (sd === null) return null;
  return (studentTQuantile(0.975, values.length - 1) * sd) / Math.sqrt(values.length);
}

/** Ordinary least-squares slope of y on x; `null` with fewer than 3 points or no spread in x. */
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

export const MS_PER_WEEK = 7 * 24 * 3600 * 1000;

/**
 * The trend of RUBRIC.md §4: OLS slope of score against call time, in points per week; `null`
 * with fewer than 3 evaluations.
 */
export function trendPerWeek(points: ReadonlyArray<{ at: Date; score: number }>): number | null {
  return olsSlope(points.map((p) => ({ x: p.at.getTime() / MS_PER_WEEK, y: p.score })));
}

/** count / total, `null` when there is nothing to divide by. */
export function rate(count: number, total: number): number | null {
  return total === 0 ? null : count / total;
}
