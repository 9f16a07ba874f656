/* Plain functions behind the agent's feedback page, kept apart so they are tested without Angular. */
import { needsEvidence } from '@decalogo/scoring';

/** The part of an answer the page reads to label it. */
export interface AnswerLike {
  value: number | null;
  notApplicable: boolean;
}

/** The part of a coaching plan the page orders by. */
export interface PlanLike {
  status: string;
  dueDate: string;
  sessions: ReadonlyArray<{ date: string; acknowledgedAt: string | null }>;
}

/** The answers an agent most needs to read: those scored 0 or 1 (N/A is never one of them). */
export function lowAnswers<A extends AnswerLike>(answers: readonly A[]): A[] {
  return answers.filter((a) => !a.notApplicable && needsEvidence(a.value));
}

/** The key of an answer's label on the 0–4 scale (`scale.*`), or null when it has no value. */
export function scaleKey(answer: AnswerLike): string | null {
  if (answer.notApplicable) return 'scale.na';
  return answer.value === null ? null : `scale.${answer.value}`;
}

/** Whether the dispute window is still open at `now` (the server checks it again). */
export function disputeOpen(disputableUntil: string | null, now: number): boolean {
  return disputableUntil !== null && Date.parse(disputableUntil) > now;
}

const OPEN_ORDER: Record<string, number> = { OVERDUE: 0, ACTIVE: 1 };

/**
 * The agent's plans as the page shows them: the running ones first (overdue before active, then
 * the nearest due date), and the closed ones apart, the most recent first.
 */
export function arrangePlans<P extends PlanLike>(plans: readonly P[]): { current: P[]; closed: P[] } {
  const current = plans
    .filter((p) => p.status in OPEN_ORDER)
    .sort((a, b) => OPEN_ORDER[a.status]! - OPEN_ORDER[b.status]! || a.dueDate.localeCompare(b.dueDate));
  const closed = plans.filter((p) => !(p.status in OPEN_ORDER)).sort((a, b) => b.dueDate.localeCompare(a.dueDate));
  return { current, closed };
}

/** A plan's sessions in the order they happened. */
export function sessionsInOrder<S extends PlanLike['sessions'][number]>(sessions: readonly S[]): S[] {
  return [...sessions].sort((a, b) => a.date.localeCompare(b.date));
}

/** How many of a plan's sessions the agent has not acknowledged yet. */
export function sessionsToAcknowledge(plan: PlanLike): number {
  return plan.sessions.filter((s) => !s.acknowledgedAt).length;
}
