import type { ScoringCriterion } from './rubric.js';
import { mean } from './stats.js';

const DAY_MS = 24 * 3600 * 1000;
/** The baseline looks at the calls of the 30 days before the plan starts (RUBRIC.md §5). */
export const BASELINE_DAYS = 30;

/**
 * The focus score of one evaluation: 25 × the mean of its answers to the focus criteria, N/A
 * (and missing) excluded; `null` when none of them has a numeric answer (RUBRIC.md §5).
 */
export function focusScore(
  answers: Readonly<Record<string, number | null | undefined>>,
  focusCodes: readonly string[],
): number | null {
  const values = focusCodes.map((code) => answers[code]).filter((v): v is number => typeof v === 'number');
  const m = mean(values);
  return m === null ? null : 25 * m;
}

export interface CoachingPlanWindow {
  focusCodes: readonly string[];
  targetFocusScore: number;
  /** The plan's first day (midnight of that date). */
  startDate: Date;
  /** The plan's last day (midnight of that date); the day itself counts. */
  dueDate: Date;
}

export interface CoachingResult {
  baseline: number | null;
  current: number | null;
  delta: number | null;
  evaluationsSinceStart: number;
  achieved: boolean;
}

/**
 * Baseline, current, delta and achieved of a coaching plan (RUBRIC.md §5), by call time:
 * - baseline: mean focus score of calls in [startDate − 30 days, startDate);
 * - current: of calls in [startDate, min(end of dueDate, now)) — the due date is a whole day, so
 *   its end is dueDate + 1 day;
 * - evaluations whose focus criteria are all N/A count in neither mean nor count;
 * - achieved: current ≥ target and at least 3 evaluations since the start.
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

export type PlanStatus = 'ACTIVE' | 'COMPLETED' | 'CANCELLED';

/** An ACTIVE plan past the end of its due date is shown as OVERDUE. */
export function planDisplayStatus(status: PlanStatus, dueDate: Date, now: Date): PlanStatus | 'OVERDUE' {
  return status === 'ACTIVE' && now.getTime() >= dueDate.getTime() + DAY_MS ? 'OVERDUE' : status;
}

/**
 * The (up to `limit`) criteria with the lowest mean over the last 90 days, ties broken by higher
 * weight (RUBRIC.md §5), then by position in the rubric. Criteria with no mean are not suggested.
 */
export function suggestedFocus(
  criteria: readonly ScoringCriterion[],
  criterionMeans: ReadonlyArray<{ code: string; mean: number | null }>,
  limit = 3,
): string[] {
  const means = new Map(criterionMeans.map((c) => [c.code, c.mean]));
  return criteria
    .map((criterion, position) => ({ criterion, position, mean: means.get(criterion.code) }))
    .filter((c): c is typeof c & { mean: number } => typeof c.mean === 'number')
    .sort((a, b) => a.mean - b.mean || b.criterion.weight - a.criterion.weight || a.position - b.position)
    .slice(0, limit)
    .map((c) => c.criterion.code);
}
