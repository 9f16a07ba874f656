import type { ScoringCriterion } from './rubric.js';
import { isValidAnswerValue, needsEvidence } from './scale.js';

/** A criterion's answer: 0–4, or `null` for N/A. */
export type AnswerValue = number | null;

/** Answers by criterion code; a missing (`undefined`) entry is not answered yet. */
export type AnswerMap = Readonly<Record<string, AnswerValue | undefined>>;

/** An evaluation's score, unrounded (docs/rubric.md#score). */
export interface ScoreResult {
  /** 0–100, unrounded: N/A criteria drop out of both sums. */
  rawScore: number;
  /** 0 when a critical criterion is answered 0, else `rawScore`. */
  score: number;
  /** Some critical criterion is answered 0. */
  criticalFailure: boolean;
}

/** A score that cannot be computed: no numeric answer at all, or an answer off the scale. */
export class ScoringError extends Error {
  override readonly name = 'ScoringError';
}

/**
 * The score of a submitted evaluation, docs/rubric.md#raw-score to #score:
 * `rawScore = 100 × Σ_{i∈A} w_i·a_i / (4 × Σ_{i∈A} w_i)` over the set A of criteria answered with a
 * number (N/A drops out of both sums); `criticalFailure` when some critical criterion is answered
 * 0; `score = 0` then, else `rawScore`.
 *
 * Unrounded, because sums and means are computed on unrounded values; round only to store or show
 * ({@link roundHalfAwayFromZero}). Answers to codes not in `criteria` are ignored, and so are
 * missing ones: completeness is {@link validateSubmission}'s job, which the caller runs first.
 *
 * @throws ScoringError when A is empty (the score would be 0/0), or when an answer is neither
 *   `null`, `undefined` nor a whole number from 0 to 4 (a stored score must never silently skip one).
 */
export function computeScore(criteria: readonly ScoringCriterion[], answers: AnswerMap): ScoreResult {
  for (const { code } of criteria) {
    const value = answers[code];
    if (value !== null && value !== undefined && !isValidAnswerValue(value)) {
      throw new ScoringError(`${code}: the answer must be a whole number from 0 to 4`);
    }
  }
  const result = computeLiveScore(criteria, answers);
  if (!result) throw new ScoringError('At least one criterion must be answered with a value from 0 to 4');
  return result;
}

/**
 * The same formula as {@link computeScore} over whatever a draft has so far (a draft may be
 * partial: docs/rubric.md#submission-rules), so the scoring screen can show the score live. Missing
 * answers (and values off the scale) are left out like N/A. `null` while no criterion has a numeric
 * answer, instead of throwing, because an empty draft is normal.
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

/** An answer as submitted: the value (null = N/A) and the evaluator's evidence. */
export interface SubmittedAnswer {
  value: AnswerValue;
  comment?: string | null;
}

/** One reason an evaluation cannot be submitted, naming the criterion. */
export interface SubmissionIssue {
  /** The criterion code at fault (as sent, for an unknown one). */
  code: string;
  /** `value` (missing, off the scale or N/A not allowed), `comment` (required) or `code` (unknown). */
  field: 'value' | 'comment' | 'code';
  message: string;
}

/**
 * Everything that stops an evaluation from being submitted (docs/rubric.md#submission-rules), so
 * the server can refuse it and the scoring screen can say why the submit button is disabled: every
 * criterion answered (a whole number 0–4, or N/A only where the criterion allows it), no answer to
 * a code the rubric version does not have, and a non-blank comment on every answer of 0 or 1 — the
 * evidence the agent can check. Empty when the submission is acceptable. Each message starts with
 * the code, e.g. `R8: N/A is not allowed for this criterion`.
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
    if (!answer || answer.value === undefined) {
      issues.push({ code, field: 'value', message: `${code}: an answer is required` });
    } else if (answer.value === null) {
      if (!criterion.naAllowed) issues.push({ code, field: 'value', message: `${code}: N/A is not allowed for this criterion` });
    } else if (!isValidAnswerValue(answer.value)) {
      issues.push({ code, field: 'value', message: `${code}: the answer must be a whole number from 0 to 4` });
    } else if (needsEvidence(answer.value) && !answer.comment?.trim()) {
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
