import { DEFAULT_RUBRIC } from './decalogo.js';
import { validateForPublishing, validateRubricCriteria, weightTotal } from './rubric.js';
import type { CriterionDefinition } from './rubric.js';

describe('validating rubric criteria before publishing (docs/rubric.md#rubric-versions)', () => {
  const valid = (): Array<Partial<CriterionDefinition>> => DEFAULT_RUBRIC.map((c) => ({ ...c }));
  const messages = (criteria: Array<Partial<CriterionDefinition>>) => validateRubricCriteria(criteria).map((i) => i.message);

  it('accepts a single well-formed criterion', () => {
    expect(validateRubricCriteria([{ ...DEFAULT_RUBRIC[0]!, code: 'EMPATHY_2', weight: 0.5 }])).toEqual([]);
  });

  it('needs at least one criterion', () => {
    expect(validateRubricCriteria([])).toEqual([{ field: 'criteria', message: 'A rubric needs at least one criterion' }]);
  });

  it('refuses missing, duplicate and malformed codes', () => {
    const criteria = valid();
    criteria[1] = { ...criteria[1]!, code: 'R1' };
    criteria[2] = { ...criteria[2]!, code: 'r3' };
    criteria[3] = { ...criteria[3]!, code: ' ' };
    criteria[4] = { ...criteria[4]!, code: 'R1234567890123456' };
    delete criteria[5]!.code;
    expect(validateRubricCriteria(criteria).map((i) => [i.code, i.field, i.message])).toEqual([
      ['R1', 'code', 'Criterion R1: code is used by another criterion'],
      ['r3', 'code', 'Criterion r3: code must be an upper-case letter followed by up to 15 letters, digits or _ (e.g. R1)'],
      [' ', 'code', 'Criterion #4: code is required'],
      [
        'R1234567890123456',
        'code',
        'Criterion R1234567890123456: code must be an upper-case letter followed by up to 15 letters, digits or _ (e.g. R1)',
      ],
      [undefined, 'code', 'Criterion #6: code is required'],
    ]);
  });

  it('refuses weights that are not finite, not positive or above 1000', () => {
    const criteria = valid();
    criteria[0] = { ...criteria[0]!, weight: 0 };
    criteria[2] = { ...criteria[2]!, weight: -5 };
    criteria[3] = { ...criteria[3]!, weight: Number.NaN };
    criteria[4] = { ...criteria[4]!, weight: Number.POSITIVE_INFINITY };
    criteria[5] = { ...criteria[5]!, weight: 1001 };
    criteria[6] = { ...criteria[6]!, weight: 1000 };
    delete criteria[7]!.weight;
    expect(messages(criteria)).toEqual([
      'Criterion R1: weight must be greater than 0',
      'Criterion R3: weight must be greater than 0',
      'Criterion R4: weight must be a finite number',
      'Criterion R5: weight must be a finite number',
      'Criterion R6: weight must be at most 1000',
      'Criterion R8: weight must be a finite number',
    ]);
  });

  it('requires titles and "listen for" texts in both languages', () => {
    const criteria = valid();
    criteria[4] = { ...criteria[4]!, title: { es: ' ', en: 'x' } };
    criteria[5] = { ...criteria[5]!, listenFor: { es: 'y', en: '' } };
    delete criteria[6]!.title;
    expect(validateRubricCriteria(criteria)).toEqual([
      { field: 'titleEs', code: 'R5', message: 'Criterion R5: the Spanish title is required' },
      { field: 'listenForEn', code: 'R6', message: 'Criterion R6: the English "listen for" text is required' },
      { field: 'titleEs', code: 'R7', message: 'Criterion R7: the Spanish title is required' },
      { field: 'titleEn', code: 'R7', message: 'Criterion R7: the English title is required' },
    ]);
  });

  it('requires the flags to be booleans', () => {
    const criteria = valid();
    delete criteria[0]!.critical;
    delete criteria[1]!.naAllowed;
    expect(messages(criteria)).toEqual([
      'Criterion R1: critical must be true or false',
      'Criterion R2: naAllowed must be true or false',
    ]);
  });

  it('refuses repeated or impossible positions', () => {
    const criteria = valid();
    criteria[1] = { ...criteria[1]!, position: 1 };
    criteria[2] = { ...criteria[2]!, position: 0 };
    criteria[3] = { ...criteria[3]!, position: 2.5 };
    expect(validateRubricCriteria(criteria).map((i) => [i.field, i.message])).toEqual([
      ['position', 'Criterion R2: position is used by another criterion'],
      ['position', 'Criterion R3: position must be a whole number of at least 1'],
      ['position', 'Criterion R4: position must be a whole number of at least 1'],
    ]);
  });
});

describe('publishing asks for weights that add up to 100', () => {
  it('accepts the default rubric', () => {
    expect(weightTotal(DEFAULT_RUBRIC)).toBe(100);
    expect(validateForPublishing(DEFAULT_RUBRIC)).toEqual([]);
  });

  it('refuses another total, saying what it is, while a draft may keep it', () => {
    const heavier = DEFAULT_RUBRIC.map((c) => (c.code === 'R1' ? { ...c, weight: 15 } : c));
    expect(validateRubricCriteria(heavier)).toEqual([]);
    expect(validateForPublishing(heavier)).toEqual([
      { field: 'criteria', message: 'The weights must add up to 100 to publish; they add up to 105' },
    ]);
  });

  it('sums decimals without float noise', () => {
    expect(weightTotal([{ weight: 0.1 }, { weight: 0.2 }, { weight: 99.7 }])).toBe(100);
  });
});
