/**
 * The special functions behind Student's t (docs/rubric.md#margin-of-error): ln Γ, ln B, the
 * regularized incomplete beta function (t distribution) and the regularized incomplete gamma
 * function (its normal limit). Written for accuracy, not just plausibility: continued fractions by
 * the modified Lentz method, and no subtraction that throws away digits (see each function).
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** Lentz's guard against a zero denominator. */
const TINY = 1e-300;
const MAX_TERMS = 10_000;
const EPSILON = 1e-16;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
export function logGamma(x: number): number {
  // The reflection formula keeps the approximation where it is accurate.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], from the Stirling series; to 1e-16 for x ≥ 10. */
function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - (r2 * 691) / 360360)))));
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). When the larger argument is big (a t distribution
 * with many degrees of freedom), ln Γ(q) − ln Γ(q + p) comes from the Stirling series in a form
 * without cancellation, instead of subtracting two huge ln Γ values.
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (q < 10) return logGamma(p) + logGamma(q) - logGamma(p + q);
  const logGammaRatio =
    -(q - 0.5) * Math.log1p(p / q) - p * Math.log(q + p) + p + stirlingCorrection(q) - stirlingCorrection(q + p);
  return logGamma(p) + logGammaRatio;
}

/**
 * A point x of [0, 1] given with y = 1 − x and both logarithms, each computed directly: near 0 or
 * 1, one of x and 1 − x cannot be recovered from the other.
 */
export interface BetaPoint {
  x: number;
  y: number;
  logX: number;
  logY: number;
}

/** The point x when x itself is what is known accurately. */
export function betaPoint(x: number): BetaPoint {
  return { x, y: 1 - x, logX: Math.log(x), logY: Math.log1p(-x) };
}

const swap = ({ x, y, logX, logY }: BetaPoint): BetaPoint => ({ x: y, y: x, logX: logY, logY: logX });
const guard = (v: number) => (Math.abs(v) < TINY ? TINY : v);

/** The continued fraction of I_x(a, b) (Numerical Recipes' betacf), ordered so no product overflows. */
function betaContinuedFraction(a: number, b: number, { x, y }: BetaPoint): number {
  // 1 − (a + b)x/(a + 1), taken from y when x is near 1.
  const first = x <= 0.5 ? 1 - ((a + b) / (a + 1)) * x : (1 - b) / (a + 1) + ((a + b) / (a + 1)) * y;
  let c = 1;
  let d = 1 / guard(first);
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    const even = (m / (a + m2 - 1)) * ((b - m) / (a + m2)) * x;
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    h *= d * c;
    const odd = -((a + m) / (a + m2)) * ((a + b + m) / (a + m2 + 1)) * x;
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) at a point given with its complement (a,
 * b > 0). Accurate to about 1e-14 while one of a, b is moderate (≤ 1e5 or so); beyond that the
 * continued fraction itself loses digits, which is why Student's t switches to an expansion there.
 */
export function incompleteBeta(point: BetaPoint, a: number, b: number): number {
  const { x, y } = point;
  // logX, not x, tells whether x is 0: x may underflow where x^a (tiny a) does not.
  if (point.logX === -Infinity) return 0;
  if (point.logY === -Infinity) return 1;
  const front = Math.exp(a * point.logX + b * point.logY - logBeta(a, b));
  // The fraction converges fast below the mean (a + 1)/(a + b + 2); above it, use the symmetry
  // I_x(a, b) = 1 − I_{1−x}(b, a). The test reads whichever of x and y is the accurate one.
  const belowMean = x <= 0.5 ? x < (a + 1) / (a + b + 2) : y > (b + 1) / (a + b + 2);
  if (belowMean) return (front * betaContinuedFraction(a, b, point)) / a;
  return 1 - (front * betaContinuedFraction(b, a, swap(point))) / b;
}

/** I_x(a, b), the regularized incomplete beta function, for 0 ≤ x ≤ 1 and a, b > 0. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return incompleteBeta(betaPoint(x), a, b);
}

/** x^a e^(−x) / Γ(a), the factor in front of both incomplete gamma expansions. */
const gammaFront = (a: number, x: number) => Math.exp(a * Math.log(x) - x - logGamma(a));

/** P(a, x) by its series, which converges fast for x < a + 1. */
function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n <= MAX_TERMS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * gammaFront(a, x);
}

/** Q(a, x) by its continued fraction (modified Lentz), which converges fast for x ≥ a + 1. */
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = 1 / guard(an * d + b);
    c = guard(b + an / c);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h * gammaFront(a, x);
}

/** P(a, x) = γ(a, x)/Γ(a), the regularized lower incomplete gamma function (a > 0, x ≥ 0). */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** Q(a, x) = 1 − P(a, x), computed directly (not by subtraction) where it is small. */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}
