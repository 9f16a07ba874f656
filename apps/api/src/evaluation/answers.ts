import { isValidAnswerValue } from '@decalogo/scoring';
import type { AnswerMap, ScoringCriterion, SubmittedAnswer } from '@decalogo/scoring';
import { badInput } from '../common/errors.js';
import type { AnswerInput } from './dto/evaluation.inputs.js';
import type { EvaluationAnswerEntity } from './entities/evaluation-answer.entity.js';

/** An evaluation's answers in memory, by criterion code. */
export type AnswerRows = Map<string, Omit<EvaluationAnswerEntity, 'evaluationId' | 'rubricVersionId'>>;

export function toAnswerRows(rows: readonly EvaluationAnswerEntity[]): AnswerRows {
  return new Map(
    rows.map((r) => [
      r.criterionCode,
      {
        criterionCode: r.criterionCode,
        value: r.value,
        notApplicable: r.notApplicable,
        comment: r.comment,
        evidenceSeconds: r.evidenceSeconds,
      },
    ]),
  );
}

/** The value scoring sees: a number, null for N/A, undefined when not answered yet. */
const scoringValue = (row: { value: number | null; notApplicable: boolean }) =>
  row.notApplicable ? null : (row.value ?? undefined);

export function toAnswerMap(rows: AnswerRows): AnswerMap {
  return Object.fromEntries([...rows.values()].map((row) => [row.criterionCode, scoringValue(row)]));
}

export function toSubmittedAnswers(rows: AnswerRows): Record<string, SubmittedAnswer | undefined> {
  const entries = [...rows.values()]
    .filter((row) => row.notApplicable || row.value !== null)
    .map((row) => [row.criterionCode, { value: row.notApplicable ? null : row.value, comment: row.comment }] as const);
  return Object.fromEntries(entries);
}

/**
 * Merges answer inputs into the saved answers (by code; unlisted codes keep theirs), refusing —
 * with the criterion named — unknown or repeated codes, values outside 0–4, N/A where the
 * criterion does not allow it and evidence times outside the call.
 */
export function mergeAnswers(
  saved: AnswerRows,
  inputs: readonly AnswerInput[],
  criteria: readonly ScoringCriterion[],
  callDurationSeconds: number,
  fieldPrefix = 'input.answers',
): AnswerRows {
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const merged: AnswerRows = new Map([...saved].map(([code, row]) => [code, { ...row }]));
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const field = `${fieldPrefix}[${index}]`;
    const code = input.code.trim();
    const criterion = byCode.get(code);
    const fail = (message: string, sub: string) => {
      throw badInput(`${code}: ${message}`, `${field}.${sub}`, { criterion: code });
    };
    if (!criterion) fail('unknown criterion code', 'code');
    if (seen.has(code)) fail('the criterion is listed twice', 'code');
    seen.add(code);
    const row = merged.get(code) ?? {
      criterionCode: code,
      value: null,
      notApplicable: false,
      comment: null,
      evidenceSeconds: null,
    };
    if (input.value === null) {
      if (!criterion!.naAllowed) fail('N/A is not allowed for this criterion', 'value');
      row.value = null;
      row.notApplicable = true;
    } else if (input.value !== undefined) {
      if (!isValidAnswerValue(input.value)) fail('the answer must be a whole number from 0 to 4, or null for N/A', 'value');
      row.value = input.value;
      row.notApplicable = false;
    }
    if (input.comment !== undefined) row.comment = input.comment?.trim() || null;
    if (input.evidenceSeconds !== undefined) {
      if (input.evidenceSeconds !== null && input.evidenceSeconds > callDurationSeconds) {
        fail(`the evidence time must be within the call (0–${callDurationSeconds} s)`, 'evidenceSeconds');
      }
      row.evidenceSeconds = input.evidenceSeconds;
    }
    merged.set(code, row);
  });
  return merged;
}

/** A plain, sorted view of the answers for the audit log. */
export function auditAnswers(rows: AnswerRows): Record<string, { value: number | null; na: boolean; comment: string | null }> {
  return Object.fromEntries(
    [...rows.values()]
      .sort((a, b) => a.criterionCode.localeCompare(b.criterionCode, 'en', { numeric: true }))
      .map((row) => [row.criterionCode, { value: row.value, na: row.notApplicable, comment: row.comment }]),
  );
}
