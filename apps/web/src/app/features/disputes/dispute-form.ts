import { validateSubmission } from '@decalogo/scoring';
import type { ScoringCriterion } from '@decalogo/scoring';
import type { AnswerInput, DisputeDecision } from '../../graphql-types';
import { toSubmittedAnswers } from '../../shared/scoring-form/scoring-form';
import type { AnswerState, AnswerStates } from '../../shared/scoring-form/scoring-form';

/**
 * The rules of resolving a dispute, free of Angular: who may resolve it, what the amended
 * evaluation looks like, what still stops the decision, and where the evidence is in the call.
 */

/** Why the signed-in person may not resolve a dispute (docs/api.md#permissions: not the author, not the agent). */
export type NotResolvable = 'AUTHOR' | 'OWN_CALL';

export function whyNotResolvable(
  evaluation: { evaluator: { id: string }; agent: { id: string } },
  me: string | null,
): NotResolvable | null {
  if (me === evaluation.evaluator.id) return 'AUTHOR';
  if (me === evaluation.agent.id) return 'OWN_CALL';
  return null;
}

/** The evaluation's answers with the contested ones replaced by their amendment. */
export function amendedAnswers(saved: AnswerStates, amendments: AnswerStates): Record<string, AnswerState> {
  return { ...saved, ...amendments };
}

/** Whether an amendment changes the answer (the value, N/A or the evidence comment). */
export function changesAnswer(before: AnswerState | undefined, after: AnswerState): boolean {
  return !before || before.value !== after.value || before.na !== after.na || before.comment.trim() !== after.comment.trim();
}

/** One thing that stops the decision from being sent, with the rule it concerns (if any). */
export type Blocker =
  | { kind: 'decision' }
  | { kind: 'answer'; code: string }
  | { kind: 'na'; code: string }
  | { kind: 'ruleComment'; code: string }
  | { kind: 'unchanged' }
  | { kind: 'comment' };

export interface ResolutionDraft {
  decision: DisputeDecision | null;
  /** The contested rules' new answers, by code (AMEND only). */
  amendments: AnswerStates;
  comment: string;
}

/**
 * What still stops the resolution: a decision; on AMEND, contested rules answered as a submission
 * requires (docs/rubric.md#submission-rules: a value or N/A where allowed, a comment on 0 or 1) and
 * at least one of them changed; and always the resolution comment the agent will read.
 */
export function resolutionBlockers(
  criteria: readonly ScoringCriterion[],
  saved: AnswerStates,
  contested: readonly string[],
  draft: ResolutionDraft,
): Blocker[] {
  const blockers: Blocker[] = [];
  if (!draft.decision) blockers.push({ kind: 'decision' });
  if (draft.decision === 'AMEND') {
    const merged = amendedAnswers(saved, draft.amendments);
    for (const issue of validateSubmission(criteria, toSubmittedAnswers(merged))) {
      if (!contested.includes(issue.code)) continue;
      if (issue.field === 'comment') blockers.push({ kind: 'ruleComment', code: issue.code });
      else if (merged[issue.code]?.na) blockers.push({ kind: 'na', code: issue.code });
      else blockers.push({ kind: 'answer', code: issue.code });
    }
    if (!contested.some((code) => draft.amendments[code] && changesAnswer(saved[code], draft.amendments[code]))) {
      blockers.push({ kind: 'unchanged' });
    }
  }
  if (!draft.comment.trim()) blockers.push({ kind: 'comment' });
  return blockers;
}

/** The `resolveDispute` input: UPHOLD sends no answers; AMEND sends the contested rules' new ones. */
export function toResolveInput(
  contested: readonly string[],
  draft: ResolutionDraft & { decision: DisputeDecision },
): { decision: DisputeDecision; answers?: AnswerInput[]; comment: string } {
  const comment = draft.comment.trim();
  if (draft.decision === 'UPHOLD') return { decision: 'UPHOLD', comment };
  const answers = contested
    .filter((code) => draft.amendments[code])
    .map((code) => {
      const a = draft.amendments[code]!;
      return { code, value: a.na ? null : a.value, comment: a.comment.trim() || null };
    });
  return { decision: 'AMEND', answers, comment };
}

/**
 * The turns that hold the evidence: for each evidence time, the turn being spoken at that moment
 * (the last one starting at or before it). Turns without a time are never picked.
 */
export function evidenceTurns(
  transcript: ReadonlyArray<{ offsetSeconds: number | null }>,
  seconds: readonly number[],
): Set<number> {
  const picked = new Set<number>();
  for (const at of seconds) {
    let best = -1;
    transcript.forEach((turn, i) => {
      if (turn.offsetSeconds === null) return;
      // Evidence before the first timed turn points at that first turn.
      if (turn.offsetSeconds <= at || best === -1) best = i;
    });
    if (best >= 0) picked.add(best);
  }
  return picked;
}
