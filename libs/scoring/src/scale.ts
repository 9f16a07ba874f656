import type { LocalizedText } from './rubric.js';

export const MIN_ANSWER = 0;
export const MAX_ANSWER = 4;

/** The one answer scale of every criterion (RUBRIC.md §2), best first. */
export const ANSWER_SCALE: ReadonlyArray<{ value: number; label: LocalizedText }> = [
  { value: 4, label: { es: 'Excelente', en: 'Excellent' } },
  { value: 3, label: { es: 'Bien', en: 'Good' } },
  { value: 2, label: { es: 'Parcial', en: 'Partial' } },
  { value: 1, label: { es: 'Deficiente', en: 'Poor' } },
  { value: 0, label: { es: 'No cumple', en: 'Not met' } },
];

export const NOT_APPLICABLE_LABEL: LocalizedText = { es: 'No aplica', en: 'Not applicable' };

/** An integer from 0 to 4 (N/A is `null` and is not a value). */
export function isValidAnswerValue(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_ANSWER && value <= MAX_ANSWER;
}
