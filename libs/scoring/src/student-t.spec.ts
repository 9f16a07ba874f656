import { normalQuantile, studentTCdf, studentTQuantile } from './student-t.js';

// Reference values: the usual t table (3 decimals), and SciPy / mpmath for more digits.
describe("Student's t quantile (docs/rubric.md#margin-of-error uses t(0.975, n − 1))", () => {
  it.each([
    [1, 12.706],
    [2, 4.303],
    [5, 2.571],
    [30, 2.042],
    [200, 1.972],
  ])('t(0.975, %p) = %p', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 3);
  });

  it('matches the closed forms of df = 1 (Cauchy) and df = 2', () => {
    // df = 1: tan(π(p − ½)); df = 2: (2p − 1)/√(2p(1 − p)).
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 11);
    expect(studentTQuantile(0.9, 1)).toBeCloseTo(Math.tan(Math.PI * 0.4), 12);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(0.95 / Math.sqrt(2 * 0.975 * 0.025), 13);
  });

  it('matches more digits, for whole and fractional df', () => {
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.7764451051977934, 12);
    expect(studentTQuantile(0.975, 7)).toBeCloseTo(2.364624251592784, 12);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281388519862744, 12);
    expect(studentTQuantile(0.995, 3)).toBeCloseTo(5.840909309733355, 12);
    expect(studentTQuantile(0.9, 4.5)).toBeCloseTo(1.5008853175085577, 12);
    expect(studentTQuantile(0.975, 0.5)).toBeCloseTo(164.55767348048823, 9);
  });

  it('keeps its relative precision in the far tails and near the median', () => {
    expect(studentTQuantile(1e-12, 30) / -11.397217523311411).toBeCloseTo(1, 12);
    expect(studentTQuantile(0.999999, 1) / 318309.88617359026).toBeCloseTo(1, 12);
    expect(studentTQuantile(0.5000001, 10) / 2.5699780335778006e-7).toBeCloseTo(1, 12);
  });

  it('is right for very many degrees of freedom, tending to the normal quantile', () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966356814107, 13);
    expect(studentTQuantile(0.975, 1e12)).toBeCloseTo(1.9599639845424262, 13);
    expect(studentTQuantile(0.975, 1e300)).toBeCloseTo(normalQuantile(0.975), 15);
  });

  it('is symmetric and inverts the CDF', () => {
    // 0.975 is not exact in binary, so 1 − 0.975 and 0.025 differ in the last bits: close, not equal.
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 13);
    expect(studentTQuantile(0.025, 30)).toBeCloseTo(-studentTQuantile(0.975, 30), 13);
    expect(studentTQuantile(0.25, 3)).toBe(-studentTQuantile(0.75, 3)); // exact halves: exactly opposite
    expect(studentTCdf(studentTQuantile(0.9, 4.5), 4.5)).toBeCloseTo(0.9, 14);
    expect(studentTCdf(studentTQuantile(0.3, 12), 12)).toBeCloseTo(0.3, 14);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('refuses impossible arguments', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(Number.NaN, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, -1)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("Student's t CDF", () => {
  it('matches reference values', () => {
    expect(studentTCdf(2, 5)).toBeCloseTo(0.9490302605850708, 14);
    expect(studentTCdf(-3, 2.5)).toBeCloseTo(0.036288047774515914, 14);
    expect(studentTCdf(0, 7)).toBe(0.5);
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 14); // Cauchy: ½ + atan(1)/π
  });
});

describe('normal quantile (the df → ∞ limit)', () => {
  it('matches reference values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080409, 14);
    expect(normalQuantile(1e-300) / -37.0470962993612).toBeCloseTo(1, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});
