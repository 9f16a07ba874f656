import { mean, marginOfError95, rate, sampleStandardDeviation, trendPerWeek } from './stats.js';
import { isoWeekStart } from './weeks.js';

export type Resolution = 'RESOLVED' | 'PARTIAL' | 'UNRESOLVED';

/** A submitted evaluation as progress figures need it (current answers, after any dispute). */
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

export interface CriterionStat {
  code: string;
  /** Mean answer 0–4 over the evaluations where the criterion was answered with a number. */
  mean: number;
  /** The same mean as a percentage (× 25). */
  percent: number;
  count: number;
}

export interface WeekStat {
  /** The ISO week's Monday, YYYY-MM-DD, in the organisation's time zone. */
  weekStart: string;
  count: number;
  meanScore: number;
  criteria: CriterionStat[];
}

export interface ProgressFigures {
  evaluationCount: number;
  meanScore: number | null;
  trendPerWeek: number | null;
  consistency: number | null;
  marginOfError: number | null;
  criticalFailureRate: number | null;
  resolutionRate: number | null;
  supervisorAvailability: number | null;
  criteria: CriterionStat[];
  weeks: WeekStat[];
}

/** Orders codes as people read them: R2 before R10. */
export const compareCodes = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/** Per-code mean answers (RUBRIC.md §4), N/A excluded, codes in natural order. */
export function criterionMeans(evaluations: ReadonlyArray<Pick<ScoredEvaluation, 'answers'>>): CriterionStat[] {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const evaluation of evaluations) {
    for (const [code, value] of Object.entries(evaluation.answers)) {
      if (typeof value !== 'number') continue;
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
 * Every figure of an agent's (or a team's) progress, RUBRIC.md §4. The caller passes the
 * submitted evaluations whose call time falls in the window.
 */
export function computeProgress(evaluations: readonly ScoredEvaluation[], options: { timeZone: string }): ProgressFigures {
  const scores = evaluations.map((e) => e.score);
  const requested = evaluations.filter((e) => e.supervisorRequested === true);
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
    supervisorAvailability: rate(requested.filter((e) => e.supervisorProvided === true).length, requested.length),
    criteria: criterionMeans(evaluations),
    weeks: [...byWeek.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([weekStart, list]) => ({
        weekStart,
        count: list.length,
        meanScore: mean(list.map((e) => e.score))!,
        criteria: criterionMeans(list),
      })),
  };
}
