/**
 * The lean of an evaluator on one criterion (docs/rubric.md#calibration-and-the-evaluators-view):
 * their mean answer minus the mean answer of all evaluators over the same window and rubric code.
 */

/** Fewer answers than this from the evaluator give no lean. */
export const MIN_LEAN_ANSWERS = 5;
/** A lean at or beyond ± this is `LENIENT` / `HARSH`; inside it `ALIGNED`. */
export const LEAN_THRESHOLD = 0.25;

export type LeanDirection = 'LENIENT' | 'ALIGNED' | 'HARSH';

/** Sums of numeric answers (N/A left out) and how many there were. */
export interface AnswerTotals {
  sum: number;
  count: number;
}

export function leanOf(
  own: AnswerTotals,
  everyone: AnswerTotals,
): { lean: number | null; direction: LeanDirection | null; answers: number } {
  if (own.count < MIN_LEAN_ANSWERS || everyone.count === 0) return { lean: null, direction: null, answers: own.count };
  const lean = own.sum / own.count - everyone.sum / everyone.count;
  // Snapped to 12 decimals before the comparison, so that 3.25 − 3 is exactly at the threshold.
  const snapped = Math.round(lean * 1e12) / 1e12;
  const direction = snapped >= LEAN_THRESHOLD ? 'LENIENT' : snapped <= -LEAN_THRESHOLD ? 'HARSH' : 'ALIGNED';
  return { lean, direction, answers: own.count };
}
