/**
 * Inter-rater agreement of a calibration session (docs/rubric.md#calibration-and-the-evaluators-view):
 * Krippendorff's alpha through the coincidence matrix, the reliability band, and the signed
 * deviation of one participant from the reference answers.
 */

/** α at or above this is `RELIABLE`. */
export const RELIABLE_ALPHA = 0.8;
/** α at or above this (and below RELIABLE_ALPHA) is `TENTATIVE`; below it `UNRELIABLE`. */
export const TENTATIVE_ALPHA = 0.667;

export type AlphaMetric = 'ordinal' | 'interval';
export type Reliability = 'RELIABLE' | 'TENTATIVE' | 'UNRELIABLE';

export interface Agreement {
  /** Null when fewer than two pairable values exist, or when every pairable value is the same (no variation). */
  alpha: number | null;
  /** The values in units that hold at least two: the `n` of the coincidence matrix. */
  pairableValues: number;
  /** True when there were pairable values but all of them were one and the same value. */
  noVariation: boolean;
}

/**
 * Krippendorff's alpha of `units` (one row per unit — a call —, one entry per rater; null is a
 * missing value), as in Krippendorff, "Computing Krippendorff's Alpha-Reliability": units with
 * fewer than two values are dropped; each ordered pair of values of a unit with m values adds
 * 1/(m − 1) to the coincidence matrix o; α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 * Interval δ² = (c − k)²; ordinal δ² = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², over the values seen.
 */
export function krippendorffAlpha(
  units: ReadonlyArray<ReadonlyArray<number | null | undefined>>,
  metric: AlphaMetric,
): Agreement {
  const pairable = units
    .map((unit) => unit.filter((value): value is number => value !== null && value !== undefined && Number.isFinite(value)))
    .filter((values) => values.length >= 2);
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((value, i) => [value, i]));
  const size = values.length;
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of pairable) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i += 1)
      for (let j = 0; j < unit.length; j += 1) if (i !== j) coincidences[index.get(unit[i]!)!]![index.get(unit[j]!)!]! += weight;
  }
  const marginals = coincidences.map((row) => row.reduce((sum, o) => sum + o, 0));
  const n = pairable.reduce((sum, unit) => sum + unit.length, 0);
  if (n < 2) return { alpha: null, pairableValues: n, noVariation: false };
  if (size < 2) return { alpha: null, pairableValues: n, noVariation: true };
  const delta2 = distanceSquared(values, marginals, metric);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c += 1)
    for (let k = 0; k < size; k += 1) {
      observed += coincidences[c]![k]! * delta2(c, k);
      expected += marginals[c]! * marginals[k]! * delta2(c, k);
    }
  return { alpha: 1 - ((n - 1) * observed) / expected, pairableValues: n, noVariation: false };
}

function distanceSquared(
  values: readonly number[],
  marginals: readonly number[],
  metric: AlphaMetric,
): (c: number, k: number) => number {
  if (metric === 'interval') return (c, k) => (values[c]! - values[k]!) ** 2;
  // Ordinal: the distance between two ranks counts the values that lie between them.
  const cumulative = [0];
  for (const m of marginals) cumulative.push(cumulative[cumulative.length - 1]! + m);
  return (c, k) => {
    const [low, high] = c <= k ? [c, k] : [k, c];
    const between = cumulative[high + 1]! - cumulative[low]!;
    return (between - (marginals[low]! + marginals[high]!) / 2) ** 2;
  };
}

/** The band of an alpha: null (no figure) stays null. */
export function reliabilityOf(alpha: number | null): Reliability | null {
  if (alpha === null) return null;
  if (alpha >= RELIABLE_ALPHA) return 'RELIABLE';
  if (alpha >= TENTATIVE_ALPHA) return 'TENTATIVE';
  return 'UNRELIABLE';
}

/**
 * The mean of (value − reference) over the pairs that have both: positive = lenient, negative =
 * harsh. Null mean when no pair has both.
 */
export function meanSignedDeviation(pairs: ReadonlyArray<{ value: number | null; reference: number | null }>): {
  mean: number | null;
  count: number;
} {
  let sum = 0;
  let count = 0;
  for (const { value, reference } of pairs) {
    if (value === null || reference === null) continue;
    sum += value - reference;
    count += 1;
  }
  return { mean: count ? sum / count : null, count };
}
