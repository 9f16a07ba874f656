import { roundHalfAwayFromZero } from './rounding.js';

describe('rounding halves away from zero', () => {
  it.each([
    [74.25, 1, 74.3],
    [-2.25, 1, -2.3],
    [0.05, 1, 0.1],
    [-0.05, 1, -0.1],
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [74.24, 1, 74.2],
    [75, 1, 75],
    [-0.04, 1, 0],
    [12.5, 0, 13],
    [-12.5, 0, -13],
  ])('%p to %p decimals is %p', (value, decimals, expected) => {
    expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it('defaults to one decimal', () => {
    expect(roundHalfAwayFromZero(66.66666)).toBe(66.7);
  });
});
