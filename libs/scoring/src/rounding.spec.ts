import { roundHalfAwayFromZero } from './rounding.js';

describe('rounding halves away from zero (docs/rubric.md#rounding-for-display)', () => {
  it.each([
    [74.25, 1, 74.3],
    [-2.25, 1, -2.3],
    [0.05, 1, 0.1],
    [-0.05, 1, -0.1],
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [2.675, 2, 2.68],
    [0.155, 2, 0.16],
    [74.24, 1, 74.2],
    [74.35, 1, 74.4],
    [99.95, 1, 100],
    [75, 1, 75],
    [12.5, 0, 13],
    [-12.5, 0, -13],
    [0.5, 0, 1],
    [1e20, 1, 1e20],
  ])('%p to %p decimals is %p', (value, decimals, expected) => {
    expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it('defaults to one decimal', () => {
    expect(roundHalfAwayFromZero(66.66666)).toBe(66.7);
    expect(roundHalfAwayFromZero(74.25)).toBe(74.3);
  });

  it('rounds the decimal a mean stands for, not its float noise', () => {
    // Fifty scores of 0.45 sum and divide to 0.44999999999999957 in binary floats.
    const values = Array.from({ length: 50 }, () => 0.45);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeLessThan(0.45);
    expect(roundHalfAwayFromZero(mean)).toBe(0.5);
  });

  it('does not round what is really below the half', () => {
    expect(roundHalfAwayFromZero(0.0499, 1)).toBe(0);
    expect(roundHalfAwayFromZero(1.00499, 2)).toBe(1);
  });

  it('never returns −0 and passes non-finite values through', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.04), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0), 0)).toBe(true);
    expect(roundHalfAwayFromZero(Number.NaN)).toBeNaN();
    expect(roundHalfAwayFromZero(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses a negative or fractional number of decimals', () => {
    expect(() => roundHalfAwayFromZero(1.5, -1)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1.5, 0.5)).toThrow(RangeError);
  });
});
