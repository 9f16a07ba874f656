import type { LocalizedText } from './rubric.js';

/** The lowest answer, "No cumple" / "Not met" (docs/rubric.md#answer-scale). */
export const MIN_ANSWER = 0;
/** The highest answer, "Excelente" / "Excellent" (docs/rubric.md#answer-scale). */
export const MAX_ANSWER = 4;

/** One step of the answer scale. */
export interface AnswerScaleStep {
  value: number;
  label: LocalizedText;
}

/** The one ordinal answer scale of every criterion (docs/rubric.md#answer-scale), best first. */
export const ANSWER_SCALE: readonly AnswerScaleStep[] = [
  { value: 4, label: { es: 'Excelente', en: 'Excellent' } },
  { value: 3, label: { es: 'Bien', en: 'Good' } },
  { value: 2, label: { es: 'Parcial', en: 'Partial' } },
  { value: 1, label: { es: 'Deficiente', en: 'Poor' } },
  { value: 0, label: { es: 'No cumple', en: 'Not met' } },
];

/** The label of N/A (`null`), offered only where the criterion allows it (docs/rubric.md#answer-scale). */
export const NOT_APPLICABLE_LABEL: LocalizedText = { es: 'No aplica', en: 'Not applicable' };

/**
 * Whether a value is an answer of the scale: a whole number from 0 to 4
 * (docs/rubric.md#answer-scale). N/A is `null` and is not a value; it is allowed or not per
 * criterion, which this does not know.
 */
export function isValidAnswerValue(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_ANSWER && value <= MAX_ANSWER;
}

/**
 * Whether an answer must carry a comment, the evidence the agent can check
 * (docs/rubric.md#a-0-or-1-needs-evidence): the low answers, 0 and 1. N/A (`null`) never does. The
 * same answers are the ones an agent is shown first as points to improve.
 */
export function needsEvidence(value: number | null): boolean {
  return value !== null && value <= 1;
}
