import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Sampling plans (docs/rubric.md#sampling): the shared vocabulary, the keyed draw order and the
 * calendar of a plan's week. The draw itself is in `sampling-draw.ts`, the sample-size advice in
 * `sample-advice.ts`. Pure: the keyed hash is a JavaScript HMAC-SHA-256, so the web app can
 * bundle it too.
 */

/** A call that may be drawn: eligible for the plan's week (docs/rubric.md#eligible-calls). */
export interface SamplingCandidate {
  id: string;
  agentId: string;
  purpose: string;
  /** A risk flag from automatic pre-scoring (docs/rubric.md#flagged-share). */
  flagged?: boolean;
}

/** What a draw needs from a sampling plan (docs/rubric.md#sampling). */
export interface SamplingRule {
  /** The plan's secret seed: the key of the draw order. */
  seed: string;
  /** The Monday of the ISO week drawn, YYYY-MM-DD. */
  weekStart: string;
  /** n, the calls drawn per agent: an integer from 1 to 50. */
  callsPerAgent: number;
  stratifyByPurpose: boolean;
  /** The share of n drawn from flagged calls first, 0 to 1; 0 when absent. */
  flaggedShare?: number;
}

/** Why a call was drawn: a flagged call of the flagged share, or the plan's ordinary draw. */
export type DrawReason = 'PLAN' | 'FLAGGED';

export interface DrawnCall {
  call: SamplingCandidate;
  reason: DrawReason;
  /** The call's draw order key, `drawOrderKey(seed, weekStart, call.id)`. */
  key: string;
}

export const MIN_CALLS_PER_AGENT = 1;
export const MAX_CALLS_PER_AGENT = 50;

/** A draw order key as bytes (the HMAC digest), with its first 8 bytes as two numbers to sort fast. */
export interface DrawOrderDigest {
  bytes: Uint8Array;
  high: number;
  low: number;
}

/**
 * A keyed draw order for one seed and week: id → HMAC-SHA-256 with key = the UTF-8 of the seed and
 * message = the UTF-8 of `${weekStart}:${id}` (docs/rubric.md#draw-order), as raw digest bytes;
 * `drawOrderKey` is their lowercase hex. The HMAC state after the key is computed once and copied
 * for each id, which halves the hashing; sorting by the bytes is sorting by the hex.
 */
export function drawOrderDigester(seed: string, weekStart: string): (id: string) => DrawOrderDigest {
  const keyed = hmac.create(sha256, utf8ToBytes(seed));
  const work = keyed.clone();
  const prefix = `${weekStart}:`;
  return (id) => {
    const bytes = new Uint8Array(32);
    keyed
      ._cloneInto(work)
      .update(utf8ToBytes(prefix + id))
      .digestInto(bytes);
    const high = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    const low = ((bytes[4]! << 24) | (bytes[5]! << 16) | (bytes[6]! << 8) | bytes[7]!) >>> 0;
    return { bytes, high, low };
  };
}

/** Ascending draw order of two digests, then of the ids (docs/rubric.md#draw-order). */
export function compareDigests(a: DrawOrderDigest, aId: string, b: DrawOrderDigest, bId: string): number {
  if (a.high !== b.high) return a.high - b.high;
  if (a.low !== b.low) return a.low - b.low;
  for (let i = 8; i < 32; i++) if (a.bytes[i] !== b.bytes[i]) return a.bytes[i]! - b.bytes[i]!;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

/** The lowercase hex of a digest: the draw order key. */
export function digestHex(digest: DrawOrderDigest): string {
  return bytesToHex(digest.bytes);
}

/**
 * The draw order key of a call (or, for the assignment's ties, of an evaluator) in a plan's week:
 * lowercase hex of HMAC-SHA-256(key = seed, message = `${weekStart}:${id}`)
 * (docs/rubric.md#draw-order). Without the seed nobody can predict which calls will be drawn.
 */
export function drawOrderKey(seed: string, weekStart: string, id: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(seed), utf8ToBytes(`${weekStart}:${id}`)));
}

/** Ascending draw order: by key, then by id (a tie of two SHA-256 values practically never happens). */
export function compareDrawOrder(a: { key: string; id: string }, b: { key: string; id: string }): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const WEEK_START = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Milliseconds since the epoch of a valid YYYY-MM-DD (UTC midnight), else `null`. */
function parseDate(value: string): number | null {
  const match = WEEK_START.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as they are
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.getTime();
}

function formatDate(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Whether `value` is a real calendar date written YYYY-MM-DD that falls on a Monday. */
export function isWeekStart(value: string): boolean {
  if (typeof value !== 'string') return false;
  const ms = parseDate(value);
  return ms !== null && new Date(ms).getUTCDay() === 1;
}

export function assertWeekStart(weekStart: string): void {
  if (!isWeekStart(weekStart)) throw new RangeError(`weekStart must be a Monday written YYYY-MM-DD, got ${String(weekStart)}`);
}

/**
 * When the assignments of a week's draw are due (docs/rubric.md#due-date): the end of the
 * following week, weekStart + 13 days (its Sunday), by plain calendar arithmetic.
 * @throws RangeError when weekStart is not a Monday written YYYY-MM-DD.
 */
export function assignmentDueDate(weekStart: string): string {
  assertWeekStart(weekStart);
  return formatDate(parseDate(weekStart)! + 13 * MS_PER_DAY);
}

/**
 * Checks a rule (docs/rubric.md#sampling): a non-empty seed, a Monday, callsPerAgent an integer
 * from 1 to 50, flaggedShare from 0 to 1.
 * @throws RangeError naming the field that is wrong.
 */
export function validateSamplingRule(rule: SamplingRule): void {
  if (typeof rule.seed !== 'string' || rule.seed.length === 0) throw new RangeError('seed must be a non-empty string');
  assertWeekStart(rule.weekStart);
  const n = rule.callsPerAgent;
  if (!Number.isInteger(n) || n < MIN_CALLS_PER_AGENT || n > MAX_CALLS_PER_AGENT) {
    throw new RangeError(`callsPerAgent must be an integer from ${MIN_CALLS_PER_AGENT} to ${MAX_CALLS_PER_AGENT}, got ${n}`);
  }
  const share = rule.flaggedShare ?? 0;
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
    throw new RangeError(`flaggedShare must be a number from 0 to 1, got ${share}`);
  }
}
