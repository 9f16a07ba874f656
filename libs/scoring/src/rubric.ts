/** A language the rubric is written in; Spanish is the reference language of the rules. */
export type Lang = 'es' | 'en';

/** A text in both languages of the product. */
export interface LocalizedText {
  es: string;
  en: string;
}

/** What scoring needs of a criterion (docs/rubric.md#the-ten-rules, #score). */
export interface ScoringCriterion {
  /** Stable across rubric versions when the meaning is the same; what the API, CSV and charts use. */
  code: string;
  /** Relative weight (> 0); the default rubric's weights sum to 100. */
  weight: number;
  /** A critical criterion answered 0 makes the evaluation's score 0 (a critical failure). */
  critical: boolean;
  /** Whether the criterion may be answered N/A (`null`). */
  naAllowed: boolean;
}

/** A criterion as a rubric version defines it. */
export interface CriterionDefinition extends ScoringCriterion {
  /** Display order, from 1. */
  position: number;
  title: LocalizedText;
  /** The observable behaviours an evaluator listens for, shown under the rule when scoring. */
  listenFor: LocalizedText;
}

/** One reason a rubric cannot be published. */
export interface RubricIssue {
  /**
   * The property at fault: `criteria` (the list itself), `code`, `weight`, `critical`, `naAllowed`,
   * `titleEs`, `titleEn`, `listenForEs`, `listenForEn` or `position`.
   */
  field: string;
  /** The criterion's code, when it has one. */
  code?: string;
  message: string;
}

/** A criterion code: an upper-case letter, then up to 15 upper-case letters, digits or `_` (R1, R10, EMPATHY). */
export const CRITERION_CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,15}$/;
/** The largest weight a criterion may have; weights are relative, so this only stops typos. */
export const MAX_CRITERION_WEIGHT = 1000;

const blank = (text: string | undefined | null) => typeof text !== 'string' || text.trim() === '';

/**
 * Checks a rubric version's criteria before it is published (docs/rubric.md#rubric-versions: a
 * published version never changes, so it must be right first): at least one criterion; codes
 * present, well formed ({@link CRITERION_CODE_PATTERN}) and unique, because the code is what the
 * API, CSV files and per-criterion trends across versions key on; weights finite, greater than 0
 * and at most {@link MAX_CRITERION_WEIGHT}, because the score divides by the answered weights
 * (docs/rubric.md#raw-score); titles and "listen for" texts in both languages; unique positions.
 *
 * Returns every problem at once (empty when publishable); each message is in English and names
 * the criterion and the field, e.g. `Criterion R3: weight must be greater than 0`.
 */
export function validateRubricCriteria(criteria: ReadonlyArray<Partial<CriterionDefinition>>): RubricIssue[] {
  if (criteria.length === 0) return [{ field: 'criteria', message: 'A rubric needs at least one criterion' }];
  const issues: RubricIssue[] = [];
  const seenCodes = new Set<string>();
  const seenPositions = new Set<number>();
  criteria.forEach((criterion, index) => {
    const code = typeof criterion.code === 'string' ? criterion.code : '';
    // A criterion without a code is named by its place in the list.
    const name = blank(code) ? `Criterion #${index + 1}` : `Criterion ${code.trim()}`;
    const add = (field: string, message: string) =>
      issues.push({ field, code: code || undefined, message: `${name}: ${message}` });
    if (blank(code)) {
      add('code', 'code is required');
    } else if (!CRITERION_CODE_PATTERN.test(code)) {
      add('code', 'code must be an upper-case letter followed by up to 15 letters, digits or _ (e.g. R1)');
    } else if (seenCodes.has(code)) {
      add('code', 'code is used by another criterion');
    }
    if (code) seenCodes.add(code);
    const weight = criterion.weight;
    if (typeof weight !== 'number' || !Number.isFinite(weight)) {
      add('weight', 'weight must be a finite number');
    } else if (weight <= 0) {
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
    const position = criterion.position;
    if (position !== undefined) {
      if (!Number.isInteger(position) || position < 1) add('position', 'position must be a whole number of at least 1');
      else if (seenPositions.has(position)) add('position', 'position is used by another criterion');
      seenPositions.add(position);
    }
  });
  return issues;
}

/** What the weights of a published version add up to, so that each reads as a percentage. */
export const PUBLISHED_WEIGHT_TOTAL = 100;

/** The sum of the weights, rounded to hide float noise (0.1 + 0.2); missing weights count as 0. */
export function weightTotal(criteria: ReadonlyArray<Partial<Pick<CriterionDefinition, 'weight'>>>): number {
  const sum = criteria.reduce(
    (total, c) => total + (typeof c.weight === 'number' && Number.isFinite(c.weight) ? c.weight : 0),
    0,
  );
  return Math.round(sum * 1e6) / 1e6;
}

/**
 * The checks before a draft is published: those of {@link validateRubricCriteria}, and weights
 * that add up to {@link PUBLISHED_WEIGHT_TOTAL}. Scoring works with any positive weights (they are
 * relative); the total is a product rule, so a draft may be saved with any sum while it is edited.
 */
export function validateForPublishing(criteria: ReadonlyArray<Partial<CriterionDefinition>>): RubricIssue[] {
  const issues = validateRubricCriteria(criteria);
  const total = weightTotal(criteria);
  if (criteria.length && total !== PUBLISHED_WEIGHT_TOTAL) {
    issues.push({
      field: 'criteria',
      message: `The weights must add up to ${PUBLISHED_WEIGHT_TOTAL} to publish; they add up to ${total}`,
    });
  }
  return issues;
}
