import { computeLiveScore, needsEvidence, roundHalfAwayFromZero, validateSubmission } from '@decalogo/scoring';
import type { AnswerMap, ScoringCriterion, SubmittedAnswer } from '@decalogo/scoring';
import type { AnswerInput } from '../../graphql-types';

/**
 * The rules of a scoring form, free of Angular so they can be tested on their own and shared by
 * every screen that answers criteria (scoring a call, amending a disputed evaluation).
 */

/** One criterion's answer as the form holds it. */
export interface AnswerState {
  /** 0–4; null while unanswered or when N/A. */
  value: number | null;
  na: boolean;
  comment: string;
  /** Seconds from the start of the call. */
  evidence: number | null;
}

/** Answers by criterion code. */
export type AnswerStates = Readonly<Record<string, AnswerState>>;

export const EMPTY_ANSWER: AnswerState = { value: null, na: false, comment: '', evidence: null };

/** An answer as the API returns it. */
export interface SavedAnswer {
  value: number | null;
  notApplicable: boolean;
  comment: string | null;
  evidenceSeconds: number | null;
  criterion: { code: string };
}

export function fromSavedAnswers(answers: readonly SavedAnswer[]): Record<string, AnswerState> {
  return Object.fromEntries(
    answers.map((a) => [
      a.criterion.code,
      { value: a.value ?? null, na: a.notApplicable, comment: a.comment ?? '', evidence: a.evidenceSeconds ?? null },
    ]),
  );
}

/** What a key pressed on a focused criterion card does. */
export type CardKeyAction =
  | { kind: 'answer'; change: Partial<AnswerState> }
  | { kind: 'move'; step: 1 | -1 }
  /** N on a criterion that does not allow N/A: refused, the answer stays as it was. */
  | { kind: 'refused' }
  | { kind: 'none' };

/** Keyboard scoring: 0–4 answer, N is N/A (only where allowed), ↓/j and ↑/k move between cards. */
export function cardKeyAction(key: string, naAllowed: boolean): CardKeyAction {
  if (/^[0-4]$/.test(key)) return { kind: 'answer', change: { value: Number(key), na: false } };
  if (key === 'n' || key === 'N') return naAllowed ? { kind: 'answer', change: { value: null, na: true } } : { kind: 'refused' };
  if (key === 'ArrowDown' || key === 'j') return { kind: 'move', step: 1 };
  if (key === 'ArrowUp' || key === 'k') return { kind: 'move', step: -1 };
  return { kind: 'none' };
}

/**
 * A key pressed on a focused criterion card (scoring a call, amending a disputed evaluation):
 * answers the card through `answer`, or moves the focus to the card before or after it among
 * `cards`. Keys typed into a field inside the card are left to the field.
 */
export function onCriterionCardKey(
  event: KeyboardEvent,
  index: number,
  naAllowed: boolean,
  cards: readonly HTMLElement[],
  answer: (change: Partial<AnswerState>) => void,
): void {
  if (event.target !== event.currentTarget) return;
  const action = cardKeyAction(event.key, naAllowed);
  if (action.kind === 'answer') {
    answer(action.change);
  } else if (action.kind === 'move') {
    cards[Math.min(Math.max(index + action.step, 0), cards.length - 1)]?.focus();
  } else {
    return;
  }
  event.preventDefault();
}

/** docs/rubric.md#a-0-or-1-needs-evidence: an answer of 0 or 1 needs a comment, the evidence the agent can check. */
export function commentRequired(answer: AnswerState): boolean {
  return !answer.na && needsEvidence(answer.value);
}

/** The answers as libs/scoring reads them: a number, null for N/A, undefined when not answered. */
export function toAnswerMap(answers: AnswerStates): AnswerMap {
  return Object.fromEntries(Object.entries(answers).map(([code, a]) => [code, a.na ? null : (a.value ?? undefined)]));
}

/** A score as shown: rounded to one decimal, halves away from zero. */
export interface ShownScore {
  score: number;
  rawScore: number;
  criticalFailure: boolean;
}

/** The live score with the server's own formula; null while nothing is answered with a number. */
export function liveScore(criteria: readonly ScoringCriterion[], answers: AnswerStates): ShownScore | null {
  const result = computeLiveScore(criteria, toAnswerMap(answers));
  return (
    result && {
      score: roundHalfAwayFromZero(result.score),
      rawScore: roundHalfAwayFromZero(result.rawScore),
      criticalFailure: result.criticalFailure,
    }
  );
}

/** The answered criteria as a submission, for libs/scoring's validation. */
export function toSubmittedAnswers(answers: AnswerStates): Record<string, SubmittedAnswer> {
  const answered: Record<string, SubmittedAnswer> = {};
  for (const [code, a] of Object.entries(answers))
    if (a.na || a.value !== null) answered[code] = { value: a.na ? null : a.value, comment: a.comment };
  return answered;
}

/**
 * Why an evaluation cannot be submitted yet: libs/scoring's reasons per criterion (missing
 * answer, N/A not allowed, comment required), then the call facts still missing.
 */
export function missingForSubmit(
  criteria: readonly ScoringCriterion[],
  answers: AnswerStates,
  facts: { resolution: string | null; resolutionLabel: string },
): string[] {
  const items = validateSubmission(criteria, toSubmittedAnswers(answers)).map((issue) => issue.message);
  if (!facts.resolution) items.push(facts.resolutionLabel);
  return items;
}

/** The answers as the API takes them (an unanswered one keeps its saved value). */
export function toAnswerInputs(answers: AnswerStates): AnswerInput[] {
  return Object.entries(answers).map(([code, a]) => ({
    code,
    value: a.na ? null : (a.value ?? undefined),
    comment: a.comment || null,
    evidenceSeconds: a.evidence,
  }));
}

/** An evidence-time field's text as whole seconds (null when empty). */
export function parseSeconds(raw: string): number | null {
  return raw === '' ? null : Math.max(0, Math.floor(Number(raw)));
}
