import { localDate } from './weeks.js';
import { compareCodes } from './progress.js';
import type { ScoringCriterion } from './rubric.js';
import { mean } from './stats.js';

/** One day in milliseconds (plan dates and windows are whole days). */
export const DAY_MS = 24 * 3600 * 1000;
/** The baseline looks at the calls of the 30 days before the plan starts (docs/rubric.md#coaching-results). */
export const BASELINE_DAYS = 30;

/**
 * The focus score of one evaluation (docs/rubric.md#focus-score): 25 × the mean of its answers to
 * the plan's focus criteria, on the 0–100 scale of `targetFocusScore`. N/A (and missing) answers
 * are left out; `null` — the page's "undefined" — when none of the focus criteria has a numeric
 * answer. A code listed twice counts once.
 */
export function focusScore(
  answers: Readonly<Record<string, number | null | undefined>>,
  focusCodes: readonly string[],
): number | null {
  const values = [...new Set(focusCodes)].map((code) => answers[code]).filter((v): v is number => typeof v === 'number');
  const m = mean(values);
  return m === null ? null : 25 * m;
}

/** What {@link coachingResult} needs of a coaching plan (docs/rubric.md#coaching-results). */
export interface CoachingPlanWindow {
  /** The 1–3 focus criterion codes. */
  focusCodes: readonly string[];
  /** The goal, 0–100 on the focus-score scale. */
  targetFocusScore: number;
  /** The plan's first day, as the instant it begins (e.g. `2026-10-01T00:00:00Z`). */
  startDate: Date;
  /** The plan's last day, as the instant it begins; the whole day counts. */
  dueDate: Date;
}

/** A plan's results (docs/rubric.md#coaching-results); focus scores are unrounded. */
export interface CoachingResult {
  baseline: number | null;
  current: number | null;
  delta: number | null;
  evaluationsSinceStart: number;
  achieved: boolean;
}

/**
 * Whether a coaching plan is working (docs/rubric.md#coaching-results), from the agent's
 * evaluations by **call time** (`callStartedAt`), with half-open windows so that no call is counted
 * twice:
 * - baseline: mean focus score of calls in [startDate − 30 × 24 h, startDate); `null` if none;
 * - current: mean focus score of calls in [startDate, min(dueDate + 24 h, now)). Plan dates are
 *   whole days, so a due date means "up to the end of that day": a call at 23:00 on the due day
 *   counts, one at 00:00 the next day does not. While the plan runs, `now` cuts the window;
 * - evaluationsSinceStart: how many evaluations make up `current`;
 * - an evaluation whose focus score is undefined (all focus criteria N/A) is skipped: it counts in
 *   neither a mean nor `evaluationsSinceStart`;
 * - delta = current − baseline (`null` when either is);
 * - achieved = current ≥ targetFocusScore and evaluationsSinceStart ≥ 3.
 *
 * The caller passes the agent's submitted evaluations; those outside both windows are ignored.
 */
export function coachingResult(
  evaluations: ReadonlyArray<{ callStartedAt: Date; answers: Readonly<Record<string, number | null>> }>,
  plan: CoachingPlanWindow,
  now: Date,
): CoachingResult {
  const start = plan.startDate.getTime();
  const baselineFrom = start - BASELINE_DAYS * DAY_MS;
  const currentTo = Math.min(plan.dueDate.getTime() + DAY_MS, now.getTime());
  const baselineScores: number[] = [];
  const currentScores: number[] = [];
  for (const evaluation of evaluations) {
    const at = evaluation.callStartedAt.getTime();
    const score = focusScore(evaluation.answers, plan.focusCodes);
    if (score === null) continue;
    if (at >= baselineFrom && at < start) baselineScores.push(score);
    else if (at >= start && at < currentTo) currentScores.push(score);
  }
  const baseline = mean(baselineScores);
  const current = mean(currentScores);
  return {
    baseline,
    current,
    delta: baseline !== null && current !== null ? current - baseline : null,
    evaluationsSinceStart: currentScores.length,
    achieved: current !== null && current >= plan.targetFocusScore && currentScores.length >= 3,
  };
}

/** A coaching plan's stored status (docs/rubric.md#overdue-plans). */
export type PlanStatus = 'ACTIVE' | 'COMPLETED' | 'CANCELLED';

/**
 * The status a plan is shown with (docs/rubric.md#overdue-plans): an ACTIVE plan past its due date
 * is OVERDUE. "Past" means the due day is over in the organisation's time zone (today there is
 * later than `dueDay`); COMPLETED and CANCELLED plans keep their status.
 */
export function planDisplayStatus(status: PlanStatus, dueDay: string, now: Date, timeZone = 'UTC'): PlanStatus | 'OVERDUE' {
  return status === 'ACTIVE' && localDate(now, timeZone) > dueDay ? 'OVERDUE' : status;
}

/**
 * The suggested focus for an agent (docs/rubric.md#suggested-focus): the (up to `limit`, default 3)
 * criteria with the lowest criterion mean — the caller passes the means over the last 90 days —
 * lowest first. Ties go to the higher weight (it moves the score most), then to the earlier
 * `position` (or the order of `criteria` when they have none), then to the natural code order.
 * Criteria without a mean (no numeric answer in the period) are not suggested, and means for codes
 * outside `criteria` are ignored.
 */
export function suggestedFocus(
  criteria: ReadonlyArray<ScoringCriterion & { position?: number }>,
  criterionMeans: ReadonlyArray<{ code: string; mean: number | null }>,
  limit = 3,
): string[] {
  const means = new Map(criterionMeans.map((c) => [c.code, c.mean]));
  return criteria
    .map((criterion, index) => ({ criterion, order: criterion.position ?? index, mean: means.get(criterion.code) }))
    .filter((c): c is typeof c & { mean: number } => typeof c.mean === 'number' && Number.isFinite(c.mean))
    .sort(
      (a, b) =>
        a.mean - b.mean ||
        b.criterion.weight - a.criterion.weight ||
        a.order - b.order ||
        compareCodes(a.criterion.code, b.criterion.code),
    )
    .slice(0, Math.max(0, limit))
    .map((c) => c.criterion.code);
}
