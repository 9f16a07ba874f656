import { MAX_CRITERION_WEIGHT, PUBLISHED_WEIGHT_TOTAL, validateRubricCriteria, weightTotal } from '@decalogo/scoring';
import type { CriterionDefinition } from '@decalogo/scoring';
import type { CriterionInput, VersionCriterion } from './rubric-editor.data';

/** One rule as the editor holds it: the API's input plus a key that survives reordering. */
export interface CriterionRow extends CriterionInput {
  key: number;
}

export type CriterionField = 'code' | 'weight' | 'titleEs' | 'titleEn' | 'listenForEs' | 'listenForEn';

/** A problem to show: beside a rule's field (`key`), or for the whole list (`key` null). */
export interface DraftIssue {
  key: number | null;
  field: CriterionField | 'criteria';
  /** A text key of the feature (with params), or, for a message we do not know, the message itself. */
  text: { key: string; params?: Record<string, string | number> } | { raw: string };
}

/** Weights are relative for scoring, but publishing asks for 100 so each reads as a percentage. */
export const WEIGHT_TOTAL = PUBLISHED_WEIGHT_TOTAL;

let nextKey = 1;

export function toRows(criteria: readonly VersionCriterion[]): CriterionRow[] {
  return [...criteria]
    .sort((a, b) => a.position - b.position)
    .map((c) => ({
      key: nextKey++,
      code: c.code,
      weight: c.weight,
      critical: c.critical,
      naAllowed: c.naAllowed,
      titleEs: c.titleEs,
      titleEn: c.titleEn,
      listenForEs: c.listenForEs,
      listenForEn: c.listenForEn,
    }));
}

export function blankRow(): CriterionRow {
  return {
    key: nextKey++,
    code: '',
    weight: Number.NaN,
    critical: false,
    naAllowed: false,
    titleEs: '',
    titleEn: '',
    listenForEs: '',
    listenForEn: '',
  };
}

/** What `updateRubricDraft` receives: the full, ordered list. */
export function toInput(rows: readonly CriterionRow[]): CriterionInput[] {
  return rows.map(({ key: _key, ...input }) => input);
}

/** The weights' sum as the server checks it before publishing. */
export function weightSum(rows: readonly CriterionRow[]): number {
  return weightTotal(rows);
}

/**
 * The server's own checks (libs/scoring's validateRubricCriteria, on the list as the server builds
 * it: trimmed texts, positions from the order), so the editor refuses exactly what the server would.
 */
export function draftIssues(rows: readonly CriterionRow[]): DraftIssue[] {
  const definitions: CriterionDefinition[] = rows.map((row, index) => ({
    code: row.code.trim(),
    weight: row.weight,
    critical: row.critical,
    naAllowed: row.naAllowed,
    position: index + 1,
    title: { es: row.titleEs.trim(), en: row.titleEn.trim() },
    listenFor: { es: row.listenForEs.trim(), en: row.listenForEn.trim() },
  }));
  if (definitions.length === 0) {
    return validateRubricCriteria([]).map((issue) => ({ key: null, field: 'criteria', text: translateIssue(issue.message) }));
  }
  // The checks run in list order and a rule's only depend on the rules before it, so the issues of
  // the first i+1 rules are those of the first i plus rule i's own: that tells exactly which rule
  // each belongs to, even when two rules share a code (at most 50 rules, so this stays cheap).
  const issues: DraftIssue[] = [];
  let seen = 0;
  definitions.forEach((_, index) => {
    const upTo = validateRubricCriteria(definitions.slice(0, index + 1));
    for (const issue of upTo.slice(seen)) {
      issues.push({ key: rows[index]!.key, field: issue.field as DraftIssue['field'], text: translateIssue(issue.message) });
    }
    seen = upTo.length;
  });
  return issues;
}

const TAILS: ReadonlyArray<[RegExp, string, Record<string, number>?]> = [
  [/^A rubric needs at least one criterion$/, 'rubricEditor.issue.noCriteria'],
  [/code is required$/, 'rubricEditor.issue.codeRequired'],
  [/code must be an upper-case letter/, 'rubricEditor.issue.codePattern'],
  [/code is used by another criterion$/, 'rubricEditor.issue.codeDuplicate'],
  [/weight must be a finite number$/, 'rubricEditor.issue.weightNumber'],
  [/weight must be greater than 0$/, 'rubricEditor.issue.weightPositive'],
  [/weight must be at most/, 'rubricEditor.issue.weightMax', { max: MAX_CRITERION_WEIGHT }],
  [/the Spanish title is required$/, 'rubricEditor.issue.titleEsRequired'],
  [/the English title is required$/, 'rubricEditor.issue.titleEnRequired'],
  [/the Spanish "listen for" text is required$/, 'rubricEditor.issue.listenForEsRequired'],
  [/the English "listen for" text is required$/, 'rubricEditor.issue.listenForEnRequired'],
];

/** The server's messages are in English; the known ones are shown in the interface's language. */
export function translateIssue(message: string): DraftIssue['text'] {
  const known = TAILS.find(([pattern]) => pattern.test(message));
  return known ? { key: known[1], params: known[2] } : { raw: message };
}

/** `input.criteria[3].weight` (the API's `field`) → the rule at that place and the field. */
export function locateApiField(
  field: string | undefined,
  rows: readonly CriterionRow[],
): { key: number; field: CriterionField } | null {
  const match = field?.match(/^input\.criteria\[(\d+)\]\.(\w+)$/);
  const row = match ? rows[Number(match[1])] : undefined;
  const name = match?.[2] as CriterionField | undefined;
  if (!row || !name || !['code', 'weight', 'titleEs', 'titleEn', 'listenForEs', 'listenForEn'].includes(name)) return null;
  return { key: row.key, field: name };
}

/** Decimals to show a weight or a sum with: none for whole numbers, else as few as it needs (≤ 2). */
export const weightDigits = (value: number): number => (Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2);
