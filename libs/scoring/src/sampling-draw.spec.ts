import { drawOrderKey } from './sampling.js';
import type { DrawnCall, SamplingCandidate, SamplingRule } from './sampling.js';
import { assignEvaluators, drawForAgent, drawWeek, largestRemainderShares } from './sampling-draw.js';
import { regularizedGammaP } from './special-functions.js';

const WEEK = '2026-11-30';
const rule = (over: Partial<SamplingRule> = {}): SamplingRule => ({
  seed: 'plan-seed',
  weekStart: WEEK,
  callsPerAgent: 5,
  stratifyByPurpose: false,
  ...over,
});
const calls = (count: number, agentId = 'agent-a', purpose = 'sales', prefix = `${agentId}-c`): SamplingCandidate[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, agentId, purpose }));
const ids = (drawn: readonly DrawnCall[]) => drawn.map((d) => d.call.id);

/** A deterministic permutation (mulberry32), so shuffled-input tests never vary. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('largest-remainder shares (docs/rubric.md#stratification)', () => {
  it('worked example: n = 10 over 6, 3, 1 → quotas 6, 3, 1 exactly', () => {
    expect(largestRemainderShares({ a: 6, b: 3, c: 1 }, 10)).toEqual({ a: 6, b: 3, c: 1 });
  });

  it('worked example: n = 5 over sales 7, support 2, billing 1 → 3.5, 1, 0.5 → 4, 1, 0 (tie on remainder .5 goes to the larger count)', () => {
    expect(largestRemainderShares({ billing: 1, sales: 7, support: 2 }, 5)).toEqual({ sales: 4, support: 1, billing: 0 });
  });

  it('worked example: n = 4 over 5, 5, 2 → quotas 1.67, 1.67, 0.67: floors 1, 1, 0 and three equal remainders; the 2 seats go to the larger counts', () => {
    expect(largestRemainderShares({ c: 2, b: 5, a: 5 }, 4)).toEqual({ a: 2, b: 2, c: 0 });
  });

  it('ties on remainder and count go by name, plain string comparison (uppercase before lowercase)', () => {
    expect(largestRemainderShares({ beta: 1, alpha: 1, gamma: 1 }, 1)).toEqual({ alpha: 1, beta: 0, gamma: 0 });
    expect(largestRemainderShares({ beta: 1, alpha: 1, gamma: 1 }, 2)).toEqual({ alpha: 1, beta: 1, gamma: 0 });
    expect(largestRemainderShares({ billing: 3, Sales: 3 }, 1)).toEqual({ Sales: 1, billing: 0 });
  });

  it('n ≥ total takes every call; a purpose with 0 eligible gets 0', () => {
    expect(largestRemainderShares({ a: 2, b: 1, empty: 0 }, 3)).toEqual({ a: 2, b: 1, empty: 0 });
    expect(largestRemainderShares({ a: 2, b: 1, empty: 0 }, 50)).toEqual({ a: 2, b: 1, empty: 0 });
    expect(largestRemainderShares({ a: 9, empty: 0 }, 4)).toEqual({ a: 4, empty: 0 });
    expect(largestRemainderShares({}, 5)).toEqual({});
    expect(largestRemainderShares({ a: 3 }, 0)).toEqual({ a: 0 });
  });

  it('always sums to min(n, total) and never exceeds a count, over many combinations', () => {
    for (let a = 0; a <= 7; a++) {
      for (let b = 0; b <= 7; b++) {
        for (let c = 0; c <= 4; c++) {
          for (let n = 0; n <= 20; n++) {
            const counts = { a, b, c };
            const shares = largestRemainderShares(counts, n);
            const total = a + b + c;
            expect(shares.a! + shares.b! + shares.c!).toBe(Math.min(n, total));
            for (const k of ['a', 'b', 'c'] as const) {
              expect(shares[k]).toBeLessThanOrEqual(counts[k]);
              // Hamilton: each share is the floor or the ceiling of its quota.
              if (total > 0) {
                const quota = (Math.min(n, total) * counts[k]) / total;
                expect(shares[k]! >= Math.floor(quota) && shares[k]! <= Math.ceil(quota)).toBe(true);
              }
            }
          }
        }
      }
    }
  });

  it('refuses counts or n that are not non-negative integers', () => {
    expect(() => largestRemainderShares({ a: 1 }, -1)).toThrow(RangeError);
    expect(() => largestRemainderShares({ a: 1.5 }, 1)).toThrow(/count of a/);
  });
});

describe('the draw (docs/rubric.md#draw)', () => {
  it('takes the first n calls in draw order, each with its key', () => {
    const candidates = calls(12);
    const expected = candidates
      .map((c) => ({ id: c.id, key: drawOrderKey('plan-seed', WEEK, c.id) }))
      .sort((x, y) => (x.key < y.key ? -1 : 1))
      .slice(0, 5);
    const drawn = drawForAgent(candidates, rule());
    expect(ids(drawn)).toEqual(expected.map((e) => e.id));
    expect(drawn.map((d) => d.key)).toEqual(expected.map((e) => e.key));
    expect(drawn.every((d) => d.reason === 'PLAN')).toBe(true);
  });

  it('fewer eligible calls than n ⇒ all of them; none ⇒ none', () => {
    expect(ids(drawForAgent(calls(3), rule())).sort()).toEqual(['agent-a-c0', 'agent-a-c1', 'agent-a-c2']);
    expect(drawForAgent([], rule())).toEqual([]);
  });

  it('is the same draw for shuffled input, and differs by seed and by week', () => {
    const candidates = calls(40);
    const reference = ids(drawForAgent(candidates, rule({ callsPerAgent: 8 })));
    for (let s = 1; s <= 6; s++) {
      expect(ids(drawForAgent(shuffled(candidates, s), rule({ callsPerAgent: 8 })))).toEqual(reference);
    }
    expect(ids(drawForAgent(candidates, rule({ callsPerAgent: 8, seed: 'other-seed' })))).not.toEqual(reference);
    expect(ids(drawForAgent(candidates, rule({ callsPerAgent: 8, weekStart: '2026-12-07' })))).not.toEqual(reference);
  });

  it('is uniform: chi-square over 4,000 seeds, 20 calls, n = 5, below the 0.999 quantile of χ²(19)', () => {
    const candidates = calls(20);
    const inclusions = new Map(candidates.map((c) => [c.id, 0]));
    const seeds = 4000;
    for (let s = 0; s < seeds; s++) {
      for (const d of drawForAgent(candidates, rule({ seed: `seed-${s}` })))
        inclusions.set(d.call.id, inclusions.get(d.call.id)! + 1);
    }
    const expected = (seeds * 5) / 20; // 1,000 per call
    let pearson = 0;
    for (const observed of inclusions.values()) pearson += (observed - expected) ** 2 / expected;
    // χ²(19) CDF = P(19/2, x/2) (regularized lower incomplete gamma); its 0.999 and 0.001
    // quantiles are 43.82 and 5.41 (standard chi-square tables), checked here.
    expect(regularizedGammaP(19 / 2, 43.82 / 2)).toBeCloseTo(0.999, 4);
    expect(regularizedGammaP(19 / 2, 5.41 / 2)).toBeCloseTo(0.001, 4);
    expect(pearson).toBeLessThan(43.82);
    // Drawing 5 of 20 without replacement makes each count Binomial(4000, ¼) (variance 750, not
    // 1,000) and the counts add up to 20,000, so the statistic that is (asymptotically) χ²(19)-distributed is
    // Σ (O − E)² / 750 × 19/20: held to both tails, too uneven and too even are both failures.
    const scaled = ((pearson * expected) / 750) * (19 / 20);
    expect(scaled).toBeLessThan(43.82);
    expect(scaled).toBeGreaterThan(5.41);
    expect([...inclusions.values()].reduce((a, b) => a + b, 0)).toBe(seeds * 5);
  });

  it('drawWeek groups by agent and returns every agent’s draw in draw order', () => {
    const candidates = [...calls(10, 'ana'), ...calls(2, 'ben'), ...calls(7, 'cy')];
    const week = drawWeek(shuffled(candidates, 9), rule({ callsPerAgent: 3 }));
    expect(week).toHaveLength(3 + 2 + 3);
    for (const agent of ['ana', 'ben', 'cy']) {
      const own = candidates.filter((c) => c.agentId === agent);
      expect(ids(week.filter((d) => d.call.agentId === agent))).toEqual(ids(drawForAgent(own, rule({ callsPerAgent: 3 }))));
    }
    const keys = week.map((d) => d.key);
    expect(keys).toEqual([...keys].sort());
  });

  it('refuses candidates of several agents in drawForAgent, and a repeated call id', () => {
    expect(() => drawForAgent([...calls(2, 'ana'), ...calls(2, 'ben')], rule())).toThrow(/agentId/);
    expect(() => drawWeek([...calls(2), ...calls(1)], rule())).toThrow(/call id/);
    expect(() => drawWeek(calls(2), rule({ callsPerAgent: 51 }))).toThrow(/callsPerAgent/);
  });
});

describe('stratified draw (docs/rubric.md#stratification)', () => {
  it('shares n by purpose and takes the first calls of each purpose in draw order', () => {
    const candidates = [...calls(7, 'ana', 'sales', 's'), ...calls(2, 'ana', 'support', 'p'), ...calls(1, 'ana', 'billing', 'b')];
    const drawn = drawForAgent(shuffled(candidates, 3), rule({ stratifyByPurpose: true }));
    const perPurpose = (purpose: string) => drawn.filter((d) => d.call.purpose === purpose);
    expect(perPurpose('sales')).toHaveLength(4);
    expect(perPurpose('support')).toHaveLength(1);
    expect(perPurpose('billing')).toHaveLength(0);
    const firstSales = candidates
      .filter((c) => c.purpose === 'sales')
      .map((c) => ({ id: c.id, key: drawOrderKey('plan-seed', WEEK, c.id) }))
      .sort((x, y) => (x.key < y.key ? -1 : 1))
      .slice(0, 4)
      .map((c) => c.id);
    expect(ids(perPurpose('sales'))).toEqual(firstSales);
  });

  it('n ≥ eligible takes everything', () => {
    const candidates = [...calls(2, 'ana', 'sales', 's'), ...calls(1, 'ana', 'support', 'p')];
    expect(drawForAgent(candidates, rule({ stratifyByPurpose: true }))).toHaveLength(3);
  });
});

describe('flagged share (docs/rubric.md#flagged-share)', () => {
  const withFlags = (count: number, flaggedEvery: number) =>
    calls(count).map((c, i) => ({ ...c, flagged: i % flaggedEvery === 0 }));

  it('takes round(n × share) flagged calls first, in draw order, then the rest by plan', () => {
    const candidates = withFlags(30, 3); // 10 flagged
    const drawn = drawForAgent(candidates, rule({ callsPerAgent: 5, flaggedShare: 0.5 })); // round(2.5) = 3
    const flagged = drawn.filter((d) => d.reason === 'FLAGGED');
    expect(flagged).toHaveLength(3);
    expect(flagged.every((d) => d.call.flagged)).toBe(true);
    const firstFlagged = candidates
      .filter((c) => c.flagged)
      .map((c) => ({ id: c.id, key: drawOrderKey('plan-seed', WEEK, c.id) }))
      .sort((x, y) => (x.key < y.key ? -1 : 1))
      .slice(0, 3)
      .map((c) => c.id);
    expect(ids(flagged).sort()).toEqual(firstFlagged.sort());
    expect(drawn).toHaveLength(5);
    // The 2 PLAN calls are the first 2 of the remaining 27 (flagged or not) in draw order.
    const rest = candidates
      .filter((c) => !firstFlagged.includes(c.id))
      .map((c) => ({ id: c.id, key: drawOrderKey('plan-seed', WEEK, c.id) }))
      .sort((x, y) => (x.key < y.key ? -1 : 1))
      .slice(0, 2)
      .map((c) => c.id);
    expect(ids(drawn.filter((d) => d.reason === 'PLAN')).sort()).toEqual(rest.sort());
  });

  it('rounds half up (Math.round): n = 5 × 0.3 = 1.5 → 2; n = 7 × 0.2 = 1.4 → 1', () => {
    const candidates = withFlags(30, 2);
    expect(
      drawForAgent(candidates, rule({ callsPerAgent: 5, flaggedShare: 0.3 })).filter((d) => d.reason === 'FLAGGED'),
    ).toHaveLength(2);
    expect(
      drawForAgent(candidates, rule({ callsPerAgent: 7, flaggedShare: 0.2 })).filter((d) => d.reason === 'FLAGGED'),
    ).toHaveLength(1);
  });

  it('fewer flagged calls than the share: all flagged, the rest by plan, still n in all', () => {
    const candidates = withFlags(30, 15); // 2 flagged
    const drawn = drawForAgent(candidates, rule({ callsPerAgent: 6, flaggedShare: 1 }));
    expect(drawn.filter((d) => d.reason === 'FLAGGED')).toHaveLength(2);
    expect(drawn).toHaveLength(6);
  });

  it('share 0 draws flagged calls only by chance, as PLAN; share 1 with enough flagged draws only flagged', () => {
    const candidates = withFlags(30, 2); // 15 flagged
    const none = drawForAgent(candidates, rule({ callsPerAgent: 10, flaggedShare: 0 }));
    expect(none.every((d) => d.reason === 'PLAN')).toBe(true);
    expect(ids(none)).toEqual(
      ids(
        drawForAgent(
          candidates.map(({ flagged: _, ...c }) => c),
          rule({ callsPerAgent: 10 }),
        ),
      ),
    );
    const all = drawForAgent(candidates, rule({ callsPerAgent: 10, flaggedShare: 1 }));
    expect(all).toHaveLength(10);
    expect(all.every((d) => d.reason === 'FLAGGED' && d.call.flagged)).toBe(true);
  });

  it('with stratification the remaining seats are shared over the remaining calls', () => {
    const candidates = [
      ...calls(6, 'ana', 'sales', 's').map((c) => ({ ...c, flagged: true })),
      ...calls(6, 'ana', 'support', 'p'),
    ];
    const drawn = drawForAgent(candidates, rule({ callsPerAgent: 6, flaggedShare: 0.5, stratifyByPurpose: true }));
    // 3 flagged sales first; 3 seats over sales 3, support 6 → 1, 2.
    expect(drawn.filter((d) => d.reason === 'FLAGGED')).toHaveLength(3);
    expect(drawn.filter((d) => d.reason === 'PLAN' && d.call.purpose === 'sales')).toHaveLength(1);
    expect(drawn.filter((d) => d.reason === 'PLAN' && d.call.purpose === 'support')).toHaveLength(2);
  });
});

describe('assignment to evaluators (docs/rubric.md#assignment)', () => {
  const seedWeek = { seed: 'plan-seed', weekStart: WEEK };

  it('balances open assignments to within one, from unequal starting counts, never to the own agent', () => {
    const evaluators = ['eva', 'eli', 'emo', 'ana'];
    const candidates = [...calls(30, 'ana'), ...calls(30, 'ben'), ...calls(30, 'cy')];
    const drawn = drawWeek(candidates, rule({ callsPerAgent: 7 })); // 21 calls
    const start = new Map([
      ['eva', 4],
      ['eli', 1],
    ]);
    const { assigned, unassigned } = assignEvaluators(drawn, () => evaluators, start, seedWeek);
    expect(unassigned).toEqual([]);
    expect(assigned).toHaveLength(21);
    expect(assigned.some((a) => a.evaluatorId === a.drawn.call.agentId)).toBe(false);
    const final = new Map(start);
    for (const a of assigned) final.set(a.evaluatorId, (final.get(a.evaluatorId) ?? 0) + 1);
    // 5 + 21 = 26 open over 4 evaluators: 7, 7, 6, 6 — eva's 4 did not stop her getting more.
    const totals = evaluators.map((e) => final.get(e) ?? 0);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(26);
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
  });

  it('gives an evaluator who is also an agent their share, whatever the draw order puts last', () => {
    // 4 agents × 3 calls over 3 evaluators, one of whom ("eva") is an agent: whichever seed orders
    // the calls, her own 3 go to the others first, and the counts end 4, 4, 4.
    const pool = ['eva', 'eli', 'emo'];
    const candidates = ['ana', 'ben', 'cy', 'eva'].flatMap((agent) => calls(5, agent));
    for (let s = 0; s < 200; s += 1) {
      const seeded = { seed: `seed-${s}`, weekStart: WEEK };
      const drawn = drawWeek(candidates, rule({ ...seeded, callsPerAgent: 3 }));
      const { assigned, unassigned } = assignEvaluators(drawn, () => pool, new Map(), seeded);
      expect(unassigned).toEqual([]);
      expect(assigned.some((a) => a.evaluatorId === a.drawn.call.agentId)).toBe(false);
      const totals = pool.map((e) => assigned.filter((a) => a.evaluatorId === e).length);
      expect(totals).toEqual([4, 4, 4]);
    }
  });

  it('when the starting counts are too far apart, the lagging evaluators get everything', () => {
    const drawn = drawForAgent(calls(10, 'ana'), rule({ callsPerAgent: 4 }));
    const { assigned } = assignEvaluators(drawn, () => ['eva', 'eli', 'emo'], new Map([['eva', 10]]), seedWeek);
    expect(assigned.filter((a) => a.evaluatorId === 'eva')).toHaveLength(0);
    expect(assigned.filter((a) => a.evaluatorId === 'eli')).toHaveLength(2);
    expect(assigned.filter((a) => a.evaluatorId === 'emo')).toHaveLength(2);
  });

  it('goes in draw order, ties to the lower evaluator key, and is deterministic', () => {
    const drawn = drawForAgent(calls(10, 'ana'), rule({ callsPerAgent: 3 }));
    const pool = ['eva', 'eli', 'emo'];
    const byKey = [...pool].sort((x, y) => (drawOrderKey('plan-seed', WEEK, x) < drawOrderKey('plan-seed', WEEK, y) ? -1 : 1));
    const { assigned } = assignEvaluators(shuffled(drawn, 4), () => pool, new Map(), seedWeek);
    expect(assigned.map((a) => a.drawn.call.id)).toEqual(ids(drawn));
    expect(assigned.map((a) => a.evaluatorId)).toEqual(byKey);
    expect(assignEvaluators(drawn, () => [...pool].reverse(), new Map(), seedWeek).assigned).toEqual(assigned);
  });

  it('reports calls whose pool has nobody but their own agent, or nobody', () => {
    const drawn = drawWeek([...calls(3, 'ana'), ...calls(3, 'ben'), ...calls(3, 'cy')], rule({ callsPerAgent: 2 }));
    const pools: Record<string, string[]> = { ana: ['ana'], ben: [], cy: ['ana', 'cy'] };
    const { assigned, unassigned } = assignEvaluators(drawn, (call) => pools[call.agentId]!, new Map(), seedWeek);
    expect(unassigned.map((d) => d.call.agentId).sort()).toEqual(['ana', 'ana', 'ben', 'ben']);
    expect(unassigned.every((d) => typeof d.call.id === 'string')).toBe(true);
    expect(assigned).toHaveLength(2);
    expect(assigned.every((a) => a.evaluatorId === 'ana' && a.drawn.call.agentId === 'cy')).toBe(true);
  });
});
