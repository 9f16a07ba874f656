import { incompleteBeta, regularizedGammaP, regularizedGammaQ } from './special-functions.js';
import type { BetaPoint } from './special-functions.js';

/**
 * Student's t distribution, computed rather than tabulated, so that the margin of error of
 * docs/rubric.md#margin-of-error, `t(0.975, n − 1) × sd / √n`, is right for any number of
 * evaluations (and any real df > 0). The CDF is the regularized incomplete beta function; the
 * quantile inverts it by bisection. For very many degrees of freedom, where the beta continued
 * fraction loses digits, the quantile comes from the normal quantile and the Cornish–Fisher
 * expansion in 1/df instead.
 */

/**
 * For |t| and df: x = df/(df + t²), y = t²/(df + t²) and their logarithms, through r = t²/df (or
 * its logarithm when t²/df over- or underflows, as with a huge t and a tiny df).
 */
function tPoint(t: number, df: number): BetaPoint {
  if (t === 0) return { x: 1, y: 0, logX: 0, logY: -Infinity };
  const ratio = (t * t) / df;
  const logR = Number.isFinite(ratio) && ratio > 1e-300 ? Math.log(ratio) : 2 * Math.log(Math.abs(t)) - Math.log(df);
  if (logR <= 0) {
    const r = Math.exp(logR);
    const log1pR = Math.log1p(r);
    return { x: 1 / (1 + r), y: r / (1 + r), logX: -log1pR, logY: logR - log1pR };
  }
  const s = Math.exp(-logR); // df / t²
  const log1pS = Math.log1p(s);
  return { x: s / (1 + s), y: 1 / (1 + s), logX: -logR - log1pS, logY: -log1pS };
}

/** P(T > |t|) = ½ I_x(df/2, ½), one tail of Student's t. */
function tUpperTail(t: number, df: number): number {
  return 0.5 * incompleteBeta(tPoint(t, df), df / 2, 0.5);
}

/** P(|T| < |t|) = I_y(½, df/2), the central probability of Student's t. */
function tCentral(t: number, df: number): number {
  const { x, y, logX, logY } = tPoint(t, df);
  return incompleteBeta({ x: y, y: x, logX: logY, logY: logX }, 0.5, df / 2);
}

/**
 * The p-quantile of a distribution symmetric about 0, by bisection to the last representable
 * digit. It solves on the upper tail (target 1 − p) when that is under ¼, else on the central
 * probability (target 2p − 1): both targets are exact in floating point, and each keeps the
 * answer's relative precision where the other cannot (far tails, near the median).
 */
function symmetricQuantile(p: number, upperTail: (t: number) => number, central: (t: number) => number): number {
  if (p === 0.5) return 0;
  const sign = p < 0.5 ? -1 : 1;
  const tail = p < 0.5 ? p : 1 - p;
  const tooLow = tail < 0.25 ? (t: number) => upperTail(t) > tail : (t: number) => central(t) < 1 - 2 * tail;
  let lo = 0;
  let hi = 1;
  while (tooLow(hi)) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return sign * Infinity;
  }
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (tooLow(mid)) lo = mid;
    else hi = mid;
  }
  return sign * hi;
}

function assertProbability(p: number): void {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be strictly between 0 and 1');
}

function assertDegreesOfFreedom(df: number): void {
  if (!(df > 0 && Number.isFinite(df))) throw new RangeError('df must be a finite number greater than 0');
}

/**
 * The p-quantile of the standard normal distribution, the df → ∞ limit of Student's t, from
 * P(|Z| < z) = P(½, z²/2) and P(Z > z) = ½ Q(½, z²/2) (regularized incomplete gamma).
 * @throws RangeError when p is not strictly between 0 and 1.
 */
export function normalQuantile(p: number): number {
  assertProbability(p);
  return symmetricQuantile(
    p,
    (z) => 0.5 * regularizedGammaQ(0.5, (z * z) / 2),
    (z) => regularizedGammaP(0.5, (z * z) / 2),
  );
}

/** From this many degrees of freedom the quantile may come from the Cornish–Fisher expansion. */
const EXPANSION_MIN_DF = 1e4;

/**
 * The Cornish–Fisher expansion of the t quantile around the normal one (Abramowitz & Stegun
 * 26.7.5), to the 1/df⁴ term. With df ≥ 10 000 and z² ≤ df/200, the first omitted term is below
 * 3e-16 relative.
 */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/** P(T ≤ t) for Student's t with `df` > 0 degrees of freedom (any real df). */
export function studentTCdf(t: number, df: number): number {
  assertDegreesOfFreedom(df);
  if (Number.isNaN(t)) return Number.NaN;
  const tail = tUpperTail(t, df);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with `df` > 0 degrees of freedom — any real df, not a table —
 * i.e. the t with `studentTCdf(t, df) = p`; the margin of error (docs/rubric.md#margin-of-error)
 * uses t(0.975, n − 1). Bisection on the CDF to full double precision (well past 1e-12); for
 * df ≥ 10 000 and a quantile not too far in the tail, the normal quantile corrected by the
 * Cornish–Fisher expansion, which is exact to double precision there while the beta continued
 * fraction is not.
 *
 * @throws RangeError when p is not strictly between 0 and 1 or df is not a finite number > 0.
 */
export function studentTQuantile(p: number, df: number): number {
  assertProbability(p);
  assertDegreesOfFreedom(df);
  if (df >= EXPANSION_MIN_DF) {
    const z = normalQuantile(p);
    if (z * z <= df / 200) return cornishFisher(z, df);
  }
  return symmetricQuantile(
    p,
    (t) => tUpperTail(t, df),
    (t) => tCentral(t, df),
  );
}
