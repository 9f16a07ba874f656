/**
 * Significant digits kept before rounding. A double carries 15–17; the last one or two are the
 * noise of binary arithmetic (1.005 is stored as 1.00499999999999989…, a mean of fifty 0.45 is
 * 0.44999999999999957), so snapping to 15 digits restores the decimal the value stands for.
 */
const SIGNIFICANT_DIGITS = 15;

/**
 * Rounds to `decimals` places, halves away from zero: `score` and `rawScore` are shown with one
 * decimal this way, docs/rubric.md#rounding-for-display (74.25 → 74.3, −2.25 → −2.3, 0.05 → 0.1).
 *
 * Why not `Math.round(x * 10) / 10`: it rounds halves towards +∞ (−2.25 → −2.2) and trusts the
 * binary value, so 1.005 to two decimals gives 1.00. Here the scaled magnitude is first snapped
 * to 15 significant digits (removing float noise, including the few ulps that sums and means
 * accumulate), then rounded half up and given back its sign. Never returns −0.
 *
 * @param decimals a whole number of decimal places, 0 or more (default 1).
 * @throws RangeError when `decimals` is not a whole number ≥ 0.
 */
export function roundHalfAwayFromZero(value: number, decimals = 1): number {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError('decimals must be a whole number, 0 or more');
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(SIGNIFICANT_DIGITS));
  const result = (Math.sign(value) * Math.round(scaled)) / factor;
  return result === 0 ? 0 : result;
}
