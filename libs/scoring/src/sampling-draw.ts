import {
  compareDigests,
  compareDrawOrder,
  digestHex,
  drawOrderDigester,
  drawOrderKey,
  validateSamplingRule,
} from './sampling.js';
import type { DrawnCall, DrawOrderDigest, DrawReason, SamplingCandidate, SamplingRule } from './sampling.js';

/**
 * The weekly draw of a sampling plan and the assignment of the drawn calls to evaluators
 * (docs/rubric.md#draw, #stratification, #flagged-share, #assignment).
 */

/**
 * Shares n seats among groups in proportion to their counts by the largest-remainder (Hamilton)
 * method (docs/rubric.md#stratification): quota = n × count / total, each group gets the floor of
 * its quota, and the seats left go one each to the largest remainders; ties go to the larger
 * count, then to the name (ascending, plain string comparison). When n ≥ total every group gets
 * its whole count, so no group ever gets more than its count and the shares add up to
 * min(n, total). Exact: the quotas are compared as integers over the common denominator.
 * @throws RangeError when n or a count is not a non-negative integer.
 */
export function largestRemainderShares(counts: Readonly<Record<string, number>>, n: number): Record<string, number> {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const names = Object.keys(counts);
  let total = 0;
  for (const name of names) {
    const count = counts[name]!;
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`count of ${name} must be a non-negative integer, got ${count}`);
    total += count;
  }
  const shares: Record<string, number> = {};
  if (n >= total) {
    for (const name of names) shares[name] = counts[name]!;
    return shares;
  }
  const remainders: Array<{ name: string; count: number; remainder: number }> = [];
  let seats = n;
  for (const name of names) {
    const count = counts[name]!;
    const numerator = n * count; // n ≤ 50 in a plan; exact for any safe product
    shares[name] = Math.floor(numerator / total);
    seats -= shares[name];
    remainders.push({ name, count, remainder: numerator - shares[name] * total });
  }
  remainders.sort((a, b) => b.remainder - a.remainder || b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // The seats left equal the sum of the fractional parts, so they go to groups with a remainder.
  for (let i = 0; i < seats; i++) shares[remainders[i]!.name]! += 1;
  return shares;
}

interface Keyed {
  call: SamplingCandidate;
  id: string;
  digest: DrawOrderDigest;
  reason?: DrawReason;
}

const byDrawOrder = (a: Keyed, b: Keyed): number => compareDigests(a.digest, a.id, b.digest, b.id);

/**
 * One agent's draw from candidates already in draw order (docs/rubric.md#draw): marks the drawn
 * ones with their reason and returns them, still in draw order.
 */
function drawSorted(sorted: readonly Keyed[], rule: SamplingRule): Keyed[] {
  const n = rule.callsPerAgent;
  let flagged = 0;
  const flaggedQuota = Math.round(n * (rule.flaggedShare ?? 0));
  for (let i = 0; i < sorted.length && flagged < flaggedQuota; i++) {
    if (sorted[i]!.call.flagged === true) {
      sorted[i]!.reason = 'FLAGGED';
      flagged++;
    }
  }
  const seats = n - flagged;
  if (rule.stratifyByPurpose) {
    const counts: Record<string, number> = {};
    for (const { call, reason } of sorted) if (!reason) counts[call.purpose] = (counts[call.purpose] ?? 0) + 1;
    const left = largestRemainderShares(counts, seats);
    for (const candidate of sorted) {
      if (candidate.reason || left[candidate.call.purpose]! === 0) continue;
      left[candidate.call.purpose]! -= 1;
      candidate.reason = 'PLAN';
    }
  } else {
    let left = seats;
    for (let i = 0; i < sorted.length && left > 0; i++) {
      if (sorted[i]!.reason) continue;
      sorted[i]!.reason = 'PLAN';
      left--;
    }
  }
  return sorted.filter((candidate) => candidate.reason !== undefined);
}

function toDrawnCall(keyed: Keyed): DrawnCall {
  return { call: keyed.call, reason: keyed.reason!, key: digestHex(keyed.digest) };
}

/** Digests every candidate once and checks that no call id comes twice. */
function keyAll(candidates: readonly SamplingCandidate[], rule: SamplingRule): Keyed[] {
  const digestOf = drawOrderDigester(rule.seed, rule.weekStart);
  const seen = new Set<string>();
  return candidates.map((call) => {
    if (seen.has(call.id)) throw new RangeError(`candidates must not repeat a call id: ${call.id}`);
    seen.add(call.id);
    return { call, id: call.id, digest: digestOf(call.id) };
  });
}

/**
 * Draws one agent's calls for a plan's week (docs/rubric.md#draw): first the flagged share from
 * the flagged calls, then the rest of n from all remaining calls, by purpose when the plan is
 * stratified; in each case the first calls in draw order. Fewer eligible calls than n ⇒ all.
 * The same seed, week and candidates give the same draw in whatever order they come.
 * Returns the drawn calls in draw order.
 * @throws RangeError for an invalid rule, candidates of several agents or a repeated call id.
 */
export function drawForAgent(candidates: readonly SamplingCandidate[], rule: SamplingRule): DrawnCall[] {
  validateSamplingRule(rule);
  const agentId = candidates[0]?.agentId;
  if (candidates.some((call) => call.agentId !== agentId)) throw new RangeError('candidates must all belong to one agentId');
  return drawSorted(keyAll(candidates, rule).sort(byDrawOrder), rule).map(toDrawnCall);
}

/**
 * Draws a plan's week (docs/rubric.md#draw): the candidates grouped by agentId and each agent
 * drawn as `drawForAgent` does; every drawn call of every agent, in draw order.
 * @throws RangeError for an invalid rule or a repeated call id.
 */
export function drawWeek(candidates: readonly SamplingCandidate[], rule: SamplingRule): DrawnCall[] {
  validateSamplingRule(rule);
  const byAgent = new Map<string, Keyed[]>();
  for (const keyed of keyAll(candidates, rule)) {
    const group = byAgent.get(keyed.call.agentId);
    if (group) group.push(keyed);
    else byAgent.set(keyed.call.agentId, [keyed]);
  }
  const drawn: Keyed[] = [];
  for (const group of byAgent.values()) for (const keyed of drawSorted(group.sort(byDrawOrder), rule)) drawn.push(keyed);
  return drawn.sort(byDrawOrder).map(toDrawnCall);
}

export interface PlannedAssignment {
  drawn: DrawnCall;
  evaluatorId: string;
}

/**
 * Gives each drawn call to one evaluator of its pool (docs/rubric.md#assignment), never to the
 * call's own agent: the most constrained calls first (fewest pool members allowed to take them, so an
 * evaluator-agent's own calls do not arrive last, when only the others could take them and the
 * counts could no longer even out), otherwise in draw order; each to the pool member with the fewest open
 * assignments so far (starting from `openCounts`, the open assignments each evaluator already
 * holds; absent means 0), ties to the lower `drawOrderKey(seed, weekStart, evaluatorId)`. Within
 * one pool the counts thus end at most one apart whenever the starting counts allow it. A call
 * whose pool has nobody but its own agent is returned in `unassigned`, not dropped.
 */
export function assignEvaluators(
  drawn: readonly DrawnCall[],
  poolOf: (call: SamplingCandidate) => readonly string[],
  openCounts: ReadonlyMap<string, number>,
  rule: Pick<SamplingRule, 'seed' | 'weekStart'>,
): { assigned: PlannedAssignment[]; unassigned: DrawnCall[] } {
  const counts = new Map(openCounts);
  const evaluatorKeys = new Map<string, string>();
  const evaluatorKey = (id: string): string => {
    let key = evaluatorKeys.get(id);
    if (key === undefined) {
      key = drawOrderKey(rule.seed, rule.weekStart, id);
      evaluatorKeys.set(id, key);
    }
    return key;
  };
  const inDrawOrder = (a: DrawnCall, b: DrawnCall) =>
    compareDrawOrder({ key: a.key, id: a.call.id }, { key: b.key, id: b.call.id });
  const ordered = drawn
    .map((item) => ({ item, allowed: poolOf(item.call).filter((evaluatorId) => evaluatorId !== item.call.agentId) }))
    .sort((a, b) => a.allowed.length - b.allowed.length || inDrawOrder(a.item, b.item));
  const assigned: PlannedAssignment[] = [];
  const unassigned: DrawnCall[] = [];
  for (const { item, allowed } of ordered) {
    let best: { id: string; open: number; key: string } | null = null;
    for (const evaluatorId of allowed) {
      const candidate = { id: evaluatorId, open: counts.get(evaluatorId) ?? 0, key: evaluatorKey(evaluatorId) };
      if (
        best === null ||
        candidate.open < best.open ||
        (candidate.open === best.open && compareDrawOrder(candidate, best) < 0)
      ) {
        best = candidate;
      }
    }
    if (best === null) {
      unassigned.push(item);
      continue;
    }
    counts.set(best.id, best.open + 1);
    assigned.push({ drawn: item, evaluatorId: best.id });
  }
  assigned.sort((a, b) => inDrawOrder(a.drawn, b.drawn));
  unassigned.sort(inDrawOrder);
  return { assigned, unassigned };
}
