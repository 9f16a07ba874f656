/** A language the rubric is written in; Spanish is the reference language of the rules. */
export type Lang = 'es' | 'en';

export interface LocalizedText {
  es: string;
  en: string;
}

/** What scoring needs of a criterion (RUBRIC.md §1, §3). */
export interface ScoringCriterion {
  code: string;
  weight: number;
  critical: boolean;
  naAllowed: boolean;
}

/** A criterion as a rubric version defines it. */
export interface CriterionDefinition extends ScoringCriterion {
  position: number;
  title: LocalizedText;
  listenFor: LocalizedText;
}

/** One reason a rubric cannot be published; `field` is the criterion's property at fault. */
export interface RubricIssue {
  field: string;
  code?: string;
  message: string;
}

export const CRITERION_CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,15}$/;
export const MAX_CRITERION_WEIGHT = 1000;

const blank = (text: string | undefined | null) => typeof text !== 'string' || text.trim() === '';

/**
 * Checks a rubric version's criteria before it is saved or published (RUBRIC.md §1): at least
 * one criterion, unique well-formed codes, positive weights, texts in both languages, unique
 * positions. Every message names the criterion and the field.
 */
export function validateRubricCriteria(criteria: ReadonlyArray<Partial<CriterionDefinition>>): RubricIssue[] {
  if (criteria.length === 0) return [{ field: 'criteria', message: 'A rubric needs at least one criterion' }];
  const issues: RubricIssue[] = [];
  const seenCodes = new Set<string>();
  const seenPositions = new Set<number>();
  criteria.forEach((criterion, index) => {
    const code = criterion.code ?? '';
    const name = code ? `Criterion ${code}` : `Criterion #${index + 1}`;
    const add = (field: string, message: string) =>
      issues.push({ field, code: code || undefined, message: `${name}: ${message}` });
    if (!CRITERION_CODE_PATTERN.test(code)) {
      add('code', 'code must be an upper-case letter followed by up to 15 letters, digits or _ (e.g. R1)');
    } else if (seenCodes.has(code)) {
      add('code', 'code is used by another criterion');
    }
    seenCodes.add(code);
    const weight = criterion.weight;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      add('weight', 'weight must be greater than 0');
    } else if (weight > MAX_CRITERION_WEIGHT) {
      add('weight', `weight must be at most ${MAX_CRITERION_WEIGHT}`);
    }
    if (typeof criterion.critical !== 'boolean') add('critical', 'critical must be true or false');
    if (typeof criterion.naAllowed !== 'boolean') add('naAllowed', 'naAllowed must be true or false');
    if (blank(criterion.title?.es)) add('titleEs', 'the Spanish title is required');
    if (blank(criterion.title?.en)) add('titleEn', 'the English title is required');
    if (blank(criterion.listenFor?.es)) add('listenForEs', 'the Spanish "listen for" text is required');
    if (blank(criterion.listenFor?.en)) add('listenForEn', 'the English "listen for" text is required');
    if (criterion.position !== undefined) {
      if (seenPositions.has(criterion.position)) add('position', 'position is used by another criterion');
      seenPositions.add(criterion.position);
    }
  });
  return issues;
}
