import {
  marginOfError95,
  mean,
  MS_PER_WEEK,
  olsSlope,
  rate,
  sampleStandardDeviation,
  studentTQuantile,
  trendPerWeek,
} from './stats.js';

describe('descriptive statistics', () => {
  it('mean', () => {
    expect(mean([70, 80, 90])).toBe(80);
    expect(mean([])).toBeNull();
  });

  it('sample standard deviation (n − 1), by hand: [2,4,4,4,5,5,7,9] → √(32/7)', () => {
    expect(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935, 9);
    expect(sampleStandardDeviation([50])).toBeNull();
    expect(sampleStandardDeviation([])).toBeNull();
    expect(sampleStandardDeviation([80, 80])).toBe(0);
    expect(marginOfError95([80, 80])).toBe(0);
  });

  it('re-exports the t quantile', () => {
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.303, 3);
  });

  it('margin of error: [70, 80, 90] → t(0.975, 2) × 10 / √3 = 24.841', () => {
    // With 2 degrees of freedom t has a closed form: (2p − 1) / √(2p(1 − p)).
    const t2 = 0.95 / Math.sqrt(2 * 0.975 * 0.025);
    expect(marginOfError95([70, 80, 90])).toBeCloseTo((t2 * 10) / Math.sqrt(3), 10);
    expect(marginOfError95([70, 80, 90])).toBeCloseTo(24.841, 3);
    expect(marginOfError95([70])).toBeNull();
  });

  it('margin of error of eight scores, as the screen shows it', () => {
    const scores = [60, 65, 70, 72, 75, 78, 82, 90];
    // mean 74, squares 634, sd = √(634/7) = 9.51690, t(0.975,7) = 2.364624 → 2.364624 × 9.51690 / √8 = 7.956
    expect(mean(scores)).toBe(74);
    expect(marginOfError95(scores)).toBeCloseTo(7.956, 3);
  });

  it('OLS slope, by hand', () => {
    // x = 1,2,3,4; y = 2,4,5,8 → sxy = 9.5, sxx = 5 → 1.9
    expect(
      olsSlope([
        { x: 1, y: 2 },
        { x: 2, y: 4 },
        { x: 3, y: 5 },
        { x: 4, y: 8 },
      ]),
    ).toBeCloseTo(1.9, 12);
    expect(
      olsSlope([
        { x: 1, y: 2 },
        { x: 2, y: 4 },
      ]),
    ).toBeNull();
    expect(
      olsSlope([
        { x: 1, y: 2 },
        { x: 1, y: 4 },
        { x: 1, y: 5 },
      ]),
    ).toBeNull();
  });

  it('trend per week: 60, 70, 80 a week apart → +10 points per week', () => {
    const t0 = Date.UTC(2026, 0, 5, 10);
    const points = [60, 70, 80].map((score, i) => ({ at: new Date(t0 + i * MS_PER_WEEK), score }));
    expect(trendPerWeek(points)).toBeCloseTo(10, 9);
    // Two calls a day apart with +2 points: 14 points per week.
    const daily = [50, 52, 54].map((score, i) => ({ at: new Date(t0 + i * 86_400_000), score }));
    expect(trendPerWeek(daily)).toBeCloseTo(14, 9);
    expect(trendPerWeek(points.slice(0, 2))).toBeNull();
  });

  it('rate', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 5)).toBe(0);
    expect(rate(0, 0)).toBeNull();
  });
});
