import { computeProgress, criterionMeans, supervisorAvailability, supervisorCounts } from './progress.js';
import type { ScoredEvaluation } from './progress.js';

const evaluation = (at: string, score: number, extra: Partial<ScoredEvaluation> = {}): ScoredEvaluation => ({
  callStartedAt: new Date(at),
  score,
  criticalFailure: false,
  resolution: 'RESOLVED',
  supervisorRequested: false,
  supervisorProvided: null,
  answers: {},
  ...extra,
});

describe('agent progress (docs/rubric.md#figures-over-a-window), by hand', () => {
  // Two weeks: Mon 2 Nov and Mon 9 Nov 2026 (UTC).
  const evaluations = [
    evaluation('2026-11-02T09:00:00Z', 60, { answers: { R1: 2, R2: null, R10: 1 }, resolution: 'PARTIAL' }),
    evaluation('2026-11-04T09:00:00Z', 70, {
      answers: { R1: 3, R2: 4, R10: 2 },
      supervisorRequested: true,
      supervisorProvided: false,
    }),
    evaluation('2026-11-09T09:00:00Z', 0, { answers: { R1: 4, R2: 2, R10: 3 }, criticalFailure: true, resolution: 'UNRESOLVED' }),
    evaluation('2026-11-11T09:00:00Z', 80, { answers: { R1: 3, R2: null }, supervisorRequested: true, supervisorProvided: true }),
    evaluation('2026-11-13T09:00:00Z', 90, { answers: { R1: 4, R2: 3, R10: 4 } }),
  ];
  const figures = computeProgress(evaluations, { timeZone: 'UTC' });

  it('counts and means', () => {
    expect(figures.evaluationCount).toBe(5);
    expect(figures.meanScore).toBe(60); // (60+70+0+80+90)/5
  });

  it('consistency is the sample SD: √(5000/4) = 35.3553', () => {
    // deviations 0, 10, −60, 20, 30 → squares 0+100+3600+400+900 = 5000 → √(5000/4)
    expect(figures.consistency).toBeCloseTo(Math.sqrt(5000 / 4), 12);
  });

  it('margin of error is t(0.975, 4) × sd / √5', () => {
    expect(figures.marginOfError).toBeCloseTo((2.7764451051977987 * Math.sqrt(1250)) / Math.sqrt(5), 9);
  });

  it('rates', () => {
    expect(figures.criticalFailureRate).toBe(0.2);
    expect(figures.resolutionRate).toBe(0.6);
    expect(figures.supervisorAvailability).toBe(0.5);
  });

  it('criterion means skip N/A and missing answers, in natural code order', () => {
    expect(figures.criteria).toEqual([
      { code: 'R1', mean: 16 / 5, percent: 80, count: 5 },
      { code: 'R2', mean: 3, percent: 75, count: 3 },
      { code: 'R10', mean: 2.5, percent: 62.5, count: 4 },
    ]);
  });

  it('weekly series by ISO week', () => {
    expect(figures.weeks.map((w) => [w.weekStart, w.count, w.meanScore])).toEqual([
      ['2026-11-02', 2, 65],
      ['2026-11-09', 3, 170 / 3],
    ]);
    expect(figures.weeks[0]!.criteria).toEqual([
      { code: 'R1', mean: 2.5, percent: 62.5, count: 2 },
      { code: 'R2', mean: 4, percent: 100, count: 1 },
      { code: 'R10', mean: 1.5, percent: 37.5, count: 2 },
    ]);
  });

  it('trend is the OLS slope in points per week', () => {
    // x in days from the first call: 0, 2, 7, 9, 11; y: 60, 70, 0, 80, 90.
    const xs = [0, 2, 7, 9, 11].map((d) => d / 7);
    const ys = [60, 70, 0, 80, 90];
    const mx = xs.reduce((a, b) => a + b) / 5;
    const my = 60;
    const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    expect(figures.trendPerWeek).toBeCloseTo(slope, 9);
  });

  it('is null where the spec says null', () => {
    const none = computeProgress([], { timeZone: 'UTC' });
    expect(none).toMatchObject({
      evaluationCount: 0,
      meanScore: null,
      trendPerWeek: null,
      consistency: null,
      marginOfError: null,
      criticalFailureRate: null,
      resolutionRate: null,
      supervisorAvailability: null,
      criteria: [],
      weeks: [],
    });
    const two = computeProgress(evaluations.slice(0, 2), { timeZone: 'UTC' });
    expect(two.trendPerWeek).toBeNull();
    expect(two.consistency).not.toBeNull();
    expect(computeProgress(evaluations.slice(0, 1), { timeZone: 'UTC' }).supervisorAvailability).toBeNull();
  });

  it('groups weeks in the organisation time zone', () => {
    // Sunday 23:30 UTC is Monday 00:30 in Madrid: a new week there, the old one in UTC.
    const late = [evaluation('2026-11-08T23:30:00Z', 50), evaluation('2026-11-04T09:00:00Z', 70)];
    expect(computeProgress(late, { timeZone: 'UTC' }).weeks.map((w) => [w.weekStart, w.count])).toEqual([['2026-11-02', 2]]);
    expect(computeProgress(late, { timeZone: 'Europe/Madrid' }).weeks.map((w) => [w.weekStart, w.meanScore])).toEqual([
      ['2026-11-02', 70],
      ['2026-11-09', 50],
    ]);
  });

  it('criterionMeans on its own', () => {
    expect(criterionMeans([{ answers: { R1: null } }])).toEqual([]);
  });
});

describe('supervisor availability (docs/rubric.md#supervisor-availability, rule 8’s chain)', () => {
  const facts = (supervisorRequested: boolean | null, supervisorProvided: boolean | null) => ({
    supervisorRequested,
    supervisorProvided,
  });

  it('counts the requests and, among them only, the ones a superior answered', () => {
    const counts = supervisorCounts([
      facts(true, true),
      facts(true, false),
      facts(true, null),
      facts(true, true),
      facts(false, true), // provided without a request: not counted
      facts(false, null),
      facts(null, null),
    ]);
    expect(counts).toEqual({ requested: 4, provided: 2 });
    expect(supervisorAvailability(counts)).toBe(0.5);
  });

  it('is provided / requested, and null (unknown, not 0) when nobody asked', () => {
    expect(supervisorAvailability({ requested: 3, provided: 2 })).toBe(2 / 3);
    expect(supervisorAvailability({ requested: 5, provided: 0 })).toBe(0);
    expect(supervisorAvailability({ requested: 0, provided: 0 })).toBeNull();
    expect(supervisorAvailability(supervisorCounts([]))).toBeNull();
  });

  it('is the figure computeProgress reports', () => {
    const evaluations = [
      evaluation('2026-11-02T09:00:00Z', 60, { supervisorRequested: true, supervisorProvided: true }),
      evaluation('2026-11-03T09:00:00Z', 70, { supervisorRequested: true, supervisorProvided: false }),
      evaluation('2026-11-04T09:00:00Z', 80, { supervisorRequested: true, supervisorProvided: true }),
      evaluation('2026-11-05T09:00:00Z', 90),
    ];
    expect(computeProgress(evaluations, { timeZone: 'UTC' }).supervisorAvailability).toBe(
      supervisorAvailability(supervisorCounts(evaluations)),
    );
    expect(supervisorAvailability(supervisorCounts(evaluations))).toBe(2 / 3);
  });
});
