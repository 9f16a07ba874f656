import { compareCodes, suggestedFocus } from '@decalogo/scoring';
import type { AgentFigures, MatrixCell, OpenPlan, RubricCriterion, TeamOverviewData } from './team.data';

/** One agent's line of the table, with what the coach reads first already picked out. */
export interface AgentRow {
  id: string;
  name: string;
  count: number;
  mean: number | null;
  margin: number | null;
  trend: number | null;
  consistency: number | null;
  criticalRate: number | null;
  resolutionRate: number | null;
  weakest: { code: string; title: string; mean: number } | null;
  /** Open plans (ACTIVE or OVERDUE), overdue first. */
  plans: OpenPlan[];
}

export const SORT_KEYS = ['name', 'count', 'score', 'trend', 'consistency', 'weakest', 'critical', 'resolution'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/**
 * Lowest score first: a coach opens this screen to decide whom to help next, so the agents who
 * need it most are at the top (agents without evaluations go last whatever the order).
 */
export const DEFAULT_SORT: Sort = { key: 'score', dir: 'asc' };

/** Within ±0.5 points a week the trend is shown as steady: less than the noise of a few calls. */
export const FLAT_TREND = 0.5;
export type TrendDirection = 'up' | 'down' | 'flat';

export function trendDirection(trend: number): TrendDirection {
  if (trend > FLAT_TREND) return 'up';
  if (trend < -FLAT_TREND) return 'down';
  return 'flat';
}

/** The rubric's criteria in position order: the heatmap's rows and the weakest-rule candidates. */
export function orderedCriteria(criteria: readonly RubricCriterion[]): RubricCriterion[] {
  return [...criteria].sort((a, b) => a.position - b.position);
}

export function buildAgentRows(data: TeamOverviewData): AgentRow[] {
  const criteria = orderedCriteria(data.activeRubric.criteria);
  const titles = new Map(criteria.map((c) => [c.code, c.title]));
  // Overdue plans first: they are the ones a coach must act on.
  const plans = [...data.overduePlans, ...data.activePlans];
  return data.teamOverview.agents.map((a: AgentFigures) => {
    // The weakest rule is the suggested-focus rule of the window (lowest mean, ties to the heavier).
    const weakestCode = suggestedFocus(criteria, a.criteria, 1)[0];
    const weakestMean = a.criteria.find((c) => c.code === weakestCode)?.mean;
    return {
      id: a.agent.id,
      name: a.agent.name,
      count: a.evaluationCount,
      mean: a.meanScore,
      margin: a.marginOfError,
      trend: a.trendPerWeek,
      consistency: a.consistency,
      criticalRate: a.criticalFailureRate,
      resolutionRate: a.resolutionRate,
      weakest:
        weakestCode !== undefined && weakestMean !== undefined
          ? { code: weakestCode, title: titles.get(weakestCode) ?? '', mean: weakestMean }
          : null,
      plans: plans.filter((p) => p.agent.id === a.agent.id),
    };
  });
}

const SORT_VALUE: Record<Exclude<SortKey, 'name'>, (row: AgentRow) => number | null> = {
  count: (r) => (r.count > 0 ? r.count : null),
  score: (r) => r.mean,
  trend: (r) => r.trend,
  consistency: (r) => r.consistency,
  weakest: (r) => r.weakest?.mean ?? null,
  critical: (r) => r.criticalRate,
  resolution: (r) => r.resolutionRate,
};

/** Sorted copy; missing values always last, ties by name so the order never jumps. */
export function sortRows(rows: readonly AgentRow[], sort: Sort, locale: string): AgentRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const byName = (a: AgentRow, b: AgentRow) => collator.compare(a.name, b.name);
  const sign = sort.dir === 'asc' ? 1 : -1;
  if (sort.key === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  const value = SORT_VALUE[sort.key];
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * (va - vb) || byName(a, b);
  });
}

/** The next sort when a header is pressed: the same column flips, a new one starts ascending. */
export function nextSort(current: Sort, key: SortKey): Sort {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** A heatmap row: a rule of the active rubric, or a code only older versions had. */
export interface HeatmapRule {
  code: string;
  title: string;
}

export function heatmapRules(criteria: readonly RubricCriterion[], matrix: readonly MatrixCell[]): HeatmapRule[] {
  const rules = orderedCriteria(criteria).map((c) => ({ code: c.code, title: c.title }));
  const known = new Set(rules.map((r) => r.code));
  const older = [...new Set(matrix.map((m) => m.code).filter((code) => !known.has(code)))].sort(compareCodes);
  return [...rules, ...older.map((code) => ({ code, title: '' }))];
}
