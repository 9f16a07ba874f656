import type { ScoringCriterion } from './rubric.js';
import { isValidAnswerValue } from './scale.js';

/** A criterion's answer: 0–4, or `null` for N/A. */
export type AnswerValue = number | null;

/** Answers by criterion code; a missing (`undefined`) entry is not answered yet. */
export type AnswerMap = Readonly<Record<string, AnswerValue | undefined>>;

export interface ScoreResult {
  /** 0–100, unrounded: N/A criteria drop out of both sums. */
  rawScore: number;
  /** 0 when a critical criterion is answered 0, else `rawScore`. */
  score: number;
  criticalFailure: boolean;
}

export class ScoringError extends Error {
  override readonly name = 'ScoringError';
}

/**
 * The evaluation score of RUBRIC.md §3:
 * `rawScore = 100 × Σ w·a / (4 × Σ w)` over the criteria answered with a number;
 * `criticalFailure` when a critical criterion is answered 0; `score = 0` then, else `rawScore`.
 * Unrounded: round only to store or show ({@link roundHalfAwayFromZero}).
 * @throws ScoringError when no criterion is answered with a number (the set A is empty).
 */
export function computeScore(criteria: readonly ScoringCriterion[], answers: AnswerMap): ScoreResult {
  const result = computeLiveScore(criteria, answers);
  if (!result) throw new ScoringError('At least one criterion must be answered with a value from 0 to 4');
  return result;
}

/**
 * The same score over whatever has been answered so far (a draft being scored live); `null`
 * while no criterion has a numeric answer. Answers that are not valid values are ignored.
 */
export function computeLiveScore(criteria: readonly ScoringCriterion[], answers: AnswerMap): ScoreResult | null {
  let weighted = 0;
  let weights = 0;
  let criticalFailure = false;
  for (const criterion of criteria) {
    const value = answers[criterion.code];
    if (!isValidAnswerValue(value)) continue;
    weighted += criterion.weight * value;
    weights += criterion.weight;
    if (criterion.critical && value === 0) criticalFailure = true;
  }
  if (weights === 0) return null;
  const rawScore = (100 * weighted) / (4 * weights);
  return { rawScore, score: criticalFailure ? 0 : rawScore, criticalFailure };
}

export interface SubmittedAnswer {
  value: AnswerValue;
  comment?: string | null;
}

/** One reason an evaluation cannot be submitted, naming the criterion. */
export interface SubmissionIssue {
  code: string;
  field: 'value' | 'comment' | 'code';
  message: string;
}

/**
 * What stops a submission (RUBRIC.md §3): every criterion answered (a value 0–4, or N/A where
 * allowed), no answers to unknown codes, and a comment — the evidence the agent can check — on
 * every answer of 0 or 1.
 */
export function validateSubmission(
  criteria: readonly ScoringCriterion[],
  answers: Readonly<Record<string, SubmittedAnswer | undefined>>,
): SubmissionIssue[] {
  const issues: SubmissionIssue[] = [];
  const known = new Set(criteria.map((c) => c.code));
  for (const criterion of criteria) {
    const answer = answers[criterion.code];
    const code = criterion.code;
    if (answer === undefined || answer.value === undefined) {
      issues.push({ code, field: 'value', message: `${code}: an answer is required` });
    } else if (answer.value === null) {
      if (!criterion.naAllowed) issues.push({ code, field: 'value', message: `${code}: N/A is not allowed for this criterion` });
    } else if (!isValidAnswerValue(answer.value)) {
      issues.push({ code, field: 'value', message: `${code}: the answer must be a whole number from 0 to 4` });
    } else if (answer.value <= 1 && !answer.comment?.trim()) {
      issues.push({ code, field: 'comment', message: `${code}: a comment is required for answers of 0 or 1` });
    }
  }
  for (const code of Object.keys(answers)) {
    if (!known.has(code) && answers[code] !== undefined) {
      issues.push({ code, field: 'code', message: `${code}: unknown criterion code` });
    }
  }
  return issues;
}
