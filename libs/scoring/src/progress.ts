import { isValidAnswerValue } from './scale.js';
import { mean, marginOfError95, rate, sampleStandardDeviation, trendPerWeek } from './stats.js';
import { isoWeekStart } from './weeks.js';

/** The call fact `resolution` (docs/rubric.md#call-facts). */
export type Resolution = 'RESOLVED' | 'PARTIAL' | 'UNRESOLVED';

/**
 * A submitted evaluation as the progress figures need it: its stored (unrounded) score, its call
 * facts and its current answers (after any dispute), each scored with its own rubric version.
 */
export interface ScoredEvaluation {
  callStartedAt: Date;
  score: number;
  rawScore?: number;
  criticalFailure: boolean;
  resolution: Resolution | null;
  supervisorRequested: boolean | null;
  supervisorProvided: boolean | null;
  /** By criterion code: 0–4, or null for N/A. */
  answers: Readonly<Record<string, number | null>>;
}

/** One criterion's mean answer (docs/rubric.md#criterion-means). */
export interface CriterionStat {
  code: string;
  /** Mean answer 0–4 over the evaluations where the criterion was answered with a number. */
  mean: number;
  /** The same mean as a percentage (× 25). */
  percent: number;
  /** How many evaluations answered the criterion with a number. */
  count: number;
}

/** One ISO week of the weekly series (docs/rubric.md#weekly-series). */
export interface WeekStat {
  /** The ISO week's Monday, YYYY-MM-DD, in the organisation's time zone. */
  weekStart: string;
  /** Evaluations whose call happened that week. */
  count: number;
  /** Mean `score`, unrounded. */
  meanScore: number;
  criteria: CriterionStat[];
}

/** Every figure of docs/rubric.md#figures-over-a-window, unrounded; rates are shares from 0 to 1. */
export interface ProgressFigures {
  evaluationCount: number;
  /** Mean `score`; null without evaluations. */
  meanScore: number | null;
  /** OLS slope of score against call time, points per week; null with fewer than 3. */
  trendPerWeek: number | null;
  /** Sample standard deviation (n − 1) of score, lower is better; null with fewer than 2. */
  consistency: number | null;
  /** 95% half-width of the mean score, t(0.975, n − 1) × sd / √n; null with fewer than 2. */
  marginOfError: number | null;
  /** Share with `criticalFailure`; null without evaluations. */
  criticalFailureRate: number | null;
  /** Share with resolution RESOLVED; null without evaluations. */
  resolutionRate: number | null;
  /** Among those with supervisorRequested, the share with supervisorProvided; null when none requested. */
  supervisorAvailability: number | null;
  /** Criterion means over the window, in natural code order. */
  criteria: CriterionStat[];
  /** The weeks that have evaluations, oldest first. */
  weeks: WeekStat[];
}

/** Rule 8's chain over a set of evaluations: how often a superior was asked for and reached. */
export interface SupervisorCounts {
  /** Evaluations with `supervisorRequested`. */
  requested: number;
  /** Of those, the ones with `supervisorProvided`. */
  provided: number;
}

/**
 * The counts behind supervisor availability (docs/rubric.md#supervisor-availability): `requested`
 * counts the evaluations with `supervisorRequested` true; `provided` those of them with
 * `supervisorProvided` true (a "provided" without a request means nothing and is not counted). SQL
 * that pre-aggregates these counts must use the same two conditions.
 */
export function supervisorCounts(
  evaluations: ReadonlyArray<Pick<ScoredEvaluation, 'supervisorRequested' | 'supervisorProvided'>>,
): SupervisorCounts {
  let requested = 0;
  let provided = 0;
  for (const e of evaluations) {
    if (e.supervisorRequested !== true) continue;
    requested += 1;
    if (e.supervisorProvided === true) provided += 1;
  }
  return { requested, provided };
}

/**
 * Supervisor availability (docs/rubric.md#supervisor-availability, rule 8's chain): among the
 * evaluations where the customer asked for a superior, the share where one was provided —
 * `provided / requested`, from 0 to 1; null when nobody asked. The one formula for every place the
 * figure appears:
 *
 * - per agent and per team, over the submitted evaluations of the agent's (or all the team's
 *   agents') calls in the window [from, to) — see {@link computeProgress};
 * - per team's coach, over the submitted evaluations, calls in the same window, of the agents of
 *   every team that coach coaches (not only the team being looked at), so a coach who leads two
 *   teams is judged over both.
 */
export function supervisorAvailability(counts: SupervisorCounts): number | null {
  return rate(counts.provided, counts.requested);
}

const naturalOrder = new Intl.Collator('en', { numeric: true });

/** Orders criterion codes as people read them (R2 before R10), for stable lists and charts. */
export const compareCodes = (a: string, b: string): number => naturalOrder.compare(a, b);

/**
 * The criterion means of docs/rubric.md#criterion-means: per code, the mean answer (0–4) over the
 * evaluations that answered it with a number — N/A and missing answers are left out, not counted as
 * 0 — and the same as a percent (× 25). Codes in natural order; a code never answered with a number
 * is absent. Keyed by code, so criteria that keep their code across rubric versions are pooled.
 */
export function criterionMeans(evaluations: ReadonlyArray<Pick<ScoredEvaluation, 'answers'>>): CriterionStat[] {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const evaluation of evaluations) {
    for (const [code, value] of Object.entries(evaluation.answers)) {
      if (!isValidAnswerValue(value)) continue;
      const entry = sums.get(code) ?? { sum: 0, count: 0 };
      entry.sum += value;
      entry.count += 1;
      sums.set(code, entry);
    }
  }
  return [...sums.entries()]
    .sort(([a], [b]) => compareCodes(a, b))
    .map(([code, { sum, count }]) => ({ code, mean: sum / count, percent: (sum / count) * 25, count }));
}

/**
 * Every figure of an agent's (or a team's) progress, docs/rubric.md#figures-over-a-window, so the
 * API and the screens show the same numbers. The caller passes exactly the evaluations to count —
 * submitted ones whose call time falls in the window [from, to) — and this function does not
 * filter. Weeks are ISO weeks (Monday 00:00) of the call time in `options.timeZone` (the
 * organisation's `ORG_TIME_ZONE`). Nothing is rounded.
 */
export function computeProgress(evaluations: readonly ScoredEvaluation[], options: { timeZone: string }): ProgressFigures {
  const scores = evaluations.map((e) => e.score);
  const byWeek = new Map<string, ScoredEvaluation[]>();
  for (const evaluation of evaluations) {
    const week = isoWeekStart(evaluation.callStartedAt, options.timeZone);
    const list = byWeek.get(week) ?? [];
    list.push(evaluation);
    byWeek.set(week, list);
  }
  return {
    evaluationCount: evaluations.length,
    meanScore: mean(scores),
    trendPerWeek: trendPerWeek(evaluations.map((e) => ({ at: e.callStartedAt, score: e.score }))),
    consistency: sampleStandardDeviation(scores),
    marginOfError: marginOfError95(scores),
    criticalFailureRate: rate(evaluations.filter((e) => e.criticalFailure).length, evaluations.length),
    resolutionRate: rate(evaluations.filter((e) => e.resolution === 'RESOLVED').length, evaluations.length),
    supervisorAvailability: supervisorAvailability(supervisorCounts(evaluations)),
    criteria: criterionMeans(evaluations),
    weeks: [...byWeek.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) // YYYY-MM-DD sorts as text
      .map(([weekStart, list]) => ({
        weekStart,
        count: list.length,
        meanScore: mean(list.map((e) => e.score))!,
        criteria: criterionMeans(list),
      })),
  };
}
