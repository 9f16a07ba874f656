/**
 * Rounds halves away from zero (RUBRIC.md §3: scores are shown to one decimal, 74.25 → 74.3,
 * −2.25 → −2.3). Binary floats store 1.005 as 1.00499…, so the value is first corrected by a
 * relative epsilon; without it a naive `Math.round(x * 100) / 100` gives 1.00.
 */
export function roundHalfAwayFromZero(value: number, decimals = 1): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const magnitude = Math.abs(value) * factor;
  const rounded = Math.round(magnitude * (1 + Number.EPSILON * 4)) / factor;
  const result = Math.sign(value) * rounded;
  return result === 0 ? 0 : result;
}
