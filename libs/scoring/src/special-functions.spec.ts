import {
  betaPoint,
  incompleteBeta,
  logBeta,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
  regularizedIncompleteBeta,
} from './special-functions.js';

// Reference values from SciPy (scipy.special) or mpmath at 40 digits, to the digits shown.
describe('ln Γ and ln B', () => {
  it('ln Γ matches known values, small and large', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14); // 0.5723649429247
    expect(logGamma(10.5)).toBeCloseTo(13.940625219403763, 12);
    expect(logGamma(1e-3)).toBeCloseTo(6.907178885383853, 12);
    expect(logGamma(1e6) / 12815504.569147611).toBeCloseTo(1, 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12); // 10!
  });

  it('ln B agrees with ln Γ for small arguments and keeps its digits for huge ones', () => {
    expect(logBeta(2.5, 3.5)).toBeCloseTo(-3.3018352699620523, 13);
    expect(logBeta(3.5, 2.5)).toBe(logBeta(2.5, 3.5));
    expect(logBeta(5e5, 0.5)).toBeCloseTo(-5.988816495777464, 13); // mpmath (SciPy's betaln is off by 2e-10 here)
    // B(a, ½) → √(π/a) as a grows; at a = 5e13 the plain ln Γ difference would have no digits left.
    expect(logBeta(5e13, 0.5)).toBeCloseTo(0.5 * Math.log(Math.PI / 5e13), 12);
  });
});

describe('regularized incomplete beta', () => {
  it('matches reference values', () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 3.5)).toBeCloseTo(0.29675298929566646, 14);
    expect(regularizedIncompleteBeta(0.5, 0.5, 0.5)).toBeCloseTo(0.5, 14);
    expect(regularizedIncompleteBeta(0.999, 50, 0.5)).toBeCloseTo(0.7523690199653766, 13);
  });

  it('has the closed form I_x(1, 1) = x and the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    expect(regularizedIncompleteBeta(0.37, 1, 1)).toBeCloseTo(0.37, 14);
    expect(regularizedIncompleteBeta(0.2, 3, 7) + regularizedIncompleteBeta(0.8, 7, 3)).toBeCloseTo(1, 14);
  });

  it('is 0 and 1 at the ends', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(incompleteBeta({ x: 0, y: 1, logX: -2000, logY: 0 }, 0.01, 0.5)).toBeGreaterThan(0); // x underflows, x^a does not
  });

  it('betaPoint carries the complement and both logarithms', () => {
    expect(betaPoint(0.25)).toEqual({ x: 0.25, y: 0.75, logX: Math.log(0.25), logY: Math.log1p(-0.25) });
  });
});

describe('regularized incomplete gamma', () => {
  it('matches reference values, P + Q = 1', () => {
    expect(regularizedGammaP(0.5, 2)).toBeCloseTo(0.9544997361036415, 14);
    expect(regularizedGammaQ(0.5, 2)).toBeCloseTo(0.04550026389635857, 15);
    expect(regularizedGammaQ(3, 10)).toBeCloseTo(0.0027693957155115775, 15);
    expect(regularizedGammaP(3, 10) + regularizedGammaQ(3, 10)).toBeCloseTo(1, 15);
    expect(regularizedGammaP(0.5, 0)).toBe(0);
    expect(regularizedGammaQ(0.5, 0)).toBe(1);
  });
});
