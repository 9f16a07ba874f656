import { DEFAULT_RUBRIC } from './decalogo.js';
import { validateRubricCriteria } from './rubric.js';
import { ANSWER_SCALE, isValidAnswerValue } from './scale.js';

describe('the default decálogo (RUBRIC.md §1)', () => {
  it('has R1–R10 in order, weights summing to 100', () => {
    expect(DEFAULT_RUBRIC.map((c) => c.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10']);
    expect(DEFAULT_RUBRIC.map((c) => c.weight)).toEqual([10, 5, 15, 10, 15, 10, 5, 15, 10, 5]);
    expect(DEFAULT_RUBRIC.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    expect(DEFAULT_RUBRIC.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('R8 and R9 are the critical ones; R2, R6, R7, R10 allow N/A', () => {
    expect(DEFAULT_RUBRIC.filter((c) => c.critical).map((c) => c.code)).toEqual(['R8', 'R9']);
    expect(DEFAULT_RUBRIC.filter((c) => c.naAllowed).map((c) => c.code)).toEqual(['R2', 'R6', 'R7', 'R10']);
  });

  it('has the titles of the table in both languages', () => {
    expect(DEFAULT_RUBRIC[2]!.title).toEqual({
      es: 'Cuidar al cliente: nunca maltratarlo ni ignorarlo',
      en: 'Care for the customer: never mistreat or ignore them',
    });
    expect(DEFAULT_RUBRIC[8]!.title.en).toBe("Know and respect the customer's rights");
    expect(DEFAULT_RUBRIC.every((c) => c.listenFor.es.length > 50 && c.listenFor.en.length > 50)).toBe(true);
  });

  it('is a valid rubric', () => {
    expect(validateRubricCriteria(DEFAULT_RUBRIC)).toEqual([]);
  });
});

describe('validating rubric criteria', () => {
  const valid = () => DEFAULT_RUBRIC.map((c) => ({ ...c }));

  it('needs at least one criterion', () => {
    expect(validateRubricCriteria([])).toEqual([{ field: 'criteria', message: 'A rubric needs at least one criterion' }]);
  });

  it('refuses duplicate and malformed codes', () => {
    const criteria = valid();
    criteria[1] = { ...criteria[1]!, code: 'R1', position: 11 };
    criteria[2] = { ...criteria[2]!, code: 'r3' };
    expect(validateRubricCriteria(criteria).map((i) => [i.code, i.field])).toEqual([
      ['R1', 'code'],
      ['r3', 'code'],
    ]);
  });

  it('refuses weights that are not positive', () => {
    const criteria = valid();
    criteria[0] = { ...criteria[0]!, weight: 0 };
    criteria[3] = { ...criteria[3]!, weight: Number.NaN };
    expect(validateRubricCriteria(criteria).map((i) => i.message)).toEqual([
      'Criterion R1: weight must be greater than 0',
      'Criterion R4: weight must be greater than 0',
    ]);
  });

  it('requires both languages', () => {
    const criteria = valid();
    criteria[4] = { ...criteria[4]!, title: { es: ' ', en: 'x' } };
    expect(validateRubricCriteria(criteria)).toEqual([
      { field: 'titleEs', code: 'R5', message: 'Criterion R5: the Spanish title is required' },
    ]);
  });
});

describe('the answer scale (RUBRIC.md §2)', () => {
  it('runs from 4 Excelente to 0 No cumple', () => {
    expect(ANSWER_SCALE.map((s) => [s.value, s.label.es])).toEqual([
      [4, 'Excelente'],
      [3, 'Bien'],
      [2, 'Parcial'],
      [1, 'Deficiente'],
      [0, 'No cumple'],
    ]);
    expect([0, 4].every(isValidAnswerValue)).toBe(true);
    expect([5, -1, '3', 1.5, null].some(isValidAnswerValue)).toBe(false);
  });
});
