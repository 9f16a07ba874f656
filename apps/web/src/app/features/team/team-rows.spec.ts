import { heatColor } from './heat-scale';
import { buildAgentRows, heatmapRules, nextSort, sortRows, trendDirection } from './team-rows';
import type { AgentRow } from './team-rows';
import type { TeamOverviewData } from './team.data';

const row = (name: string, mean: number | null, extra: Partial<AgentRow> = {}): AgentRow => ({
  id: name,
  name,
  count: mean === null ? 0 : 5,
  mean,
  margin: null,
  trend: null,
  consistency: null,
  criticalRate: null,
  resolutionRate: null,
  weakest: null,
  plans: [],
  ...extra,
});

/** WCAG relative luminance and contrast ratio. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+/g)!.map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('team overview rows', () => {
  const rows = [row('Hugo', 67.6), row('Ana', null), row('Lucía', 87.3), row('Bea', 67.6)];

  it('sorts by score either way with agents without evaluations always last, ties by name', () => {
    expect(sortRows(rows, { key: 'score', dir: 'asc' }, 'es-ES').map((r) => r.name)).toEqual(['Bea', 'Hugo', 'Lucía', 'Ana']);
    expect(sortRows(rows, { key: 'score', dir: 'desc' }, 'es-ES').map((r) => r.name)).toEqual(['Lucía', 'Bea', 'Hugo', 'Ana']);
  });

  it('sorts by name in the locale’s order', () => {
    expect(sortRows(rows, { key: 'name', dir: 'asc' }, 'es-ES').map((r) => r.name)).toEqual(['Ana', 'Bea', 'Hugo', 'Lucía']);
  });

  it('flips the same column and starts a new one ascending', () => {
    expect(nextSort({ key: 'score', dir: 'asc' }, 'score')).toEqual({ key: 'score', dir: 'desc' });
    expect(nextSort({ key: 'score', dir: 'desc' }, 'trend')).toEqual({ key: 'trend', dir: 'asc' });
  });

  it('calls a trend within ±0.5 points a week steady', () => {
    expect([trendDirection(0.5), trendDirection(-0.5), trendDirection(0.51), trendDirection(-2)]).toEqual([
      'flat',
      'flat',
      'up',
      'down',
    ]);
  });

  it('picks the weakest rule (ties to the heavier) and the agent’s open plans, overdue first', () => {
    const plan = (id: string, status: 'ACTIVE' | 'OVERDUE', agentId: string) => ({
      id,
      status,
      dueDate: '2026-01-01',
      focusCodes: ['R1'],
      agent: { id: agentId },
    });
    const criterion = (code: string, weight: number, position: number) => ({
      code,
      weight,
      position,
      critical: false,
      naAllowed: false,
      title: `title ${code}`,
    });
    const figures = {
      evaluationCount: 3,
      meanScore: 70,
      marginOfError: 4,
      trendPerWeek: 1,
      consistency: 3,
      criticalFailureRate: 0,
      resolutionRate: 1,
      supervisorAvailability: null,
    };
    const data: TeamOverviewData = {
      teamOverview: {
        team: { id: 't', name: 'Postventa' },
        figures,
        agents: [
          {
            ...figures,
            agent: { id: 'a', name: 'Ana' },
            criteria: [
              { code: 'R1', mean: 2, count: 3 },
              { code: 'R3', mean: 2, count: 3 },
              { code: 'R2', mean: 3, count: 3 },
            ],
          },
        ],
        matrix: [{ agentId: 'a', code: 'OLD', mean: 1, count: 1 }],
      },
      activePlans: [plan('p1', 'ACTIVE', 'a'), plan('p2', 'ACTIVE', 'other')],
      overduePlans: [plan('p3', 'OVERDUE', 'a')],
      activeRubric: { criteria: [criterion('R2', 5, 2), criterion('R1', 10, 1), criterion('R3', 15, 3)] },
    };
    const [ana] = buildAgentRows(data);
    expect(ana!.weakest).toEqual({ code: 'R3', title: 'title R3', mean: 2 });
    expect(ana!.plans.map((p) => p.id)).toEqual(['p3', 'p1']);
    expect(heatmapRules(data.activeRubric.criteria, data.teamOverview.matrix).map((r) => r.code)).toEqual([
      'R1',
      'R2',
      'R3',
      'OLD',
    ]);
  });
});

describe('heatmap colour scale', () => {
  it('keeps the dark text readable (WCAG AA, 4.5:1) on every value from 0 to 4', () => {
    for (let v = 0; v <= 40; v += 1) expect(contrast(heatColor(v / 10), 'rgb(15, 23, 42)')).toBeGreaterThanOrEqual(4.5);
  });

  it('runs from red at 0 through amber at 2 to green at 4', () => {
    expect(heatColor(0)).toBe('rgb(248, 113, 113)');
    expect(heatColor(2)).toBe('rgb(252, 211, 77)');
    expect(heatColor(4)).toBe('rgb(74, 222, 128)');
    expect(heatColor(9)).toBe(heatColor(4));
  });
});
