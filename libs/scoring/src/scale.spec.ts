import { ANSWER_SCALE, isValidAnswerValue, MAX_ANSWER, MIN_ANSWER, needsEvidence, NOT_APPLICABLE_LABEL } from './scale.js';

describe('the answer scale (docs/rubric.md#answer-scale)', () => {
  it('runs from 4 Excelente to 0 No cumple, in both languages', () => {
    expect(ANSWER_SCALE.map((s) => [s.value, s.label.es, s.label.en])).toEqual([
      [4, 'Excelente', 'Excellent'],
      [3, 'Bien', 'Good'],
      [2, 'Parcial', 'Partial'],
      [1, 'Deficiente', 'Poor'],
      [0, 'No cumple', 'Not met'],
    ]);
    expect([MIN_ANSWER, MAX_ANSWER]).toEqual([0, 4]);
    expect(NOT_APPLICABLE_LABEL).toEqual({ es: 'No aplica', en: 'Not applicable' });
  });

  it('accepts the whole numbers 0 to 4 only', () => {
    expect([0, 1, 2, 3, 4].every(isValidAnswerValue)).toBe(true);
    expect([5, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null, undefined].some(isValidAnswerValue)).toBe(false);
  });

  it('asks for evidence on 0 and 1 only, never on N/A', () => {
    expect([0, 1, 2, 3, 4, null].map(needsEvidence)).toEqual([true, true, false, false, false, false]);
  });
});
