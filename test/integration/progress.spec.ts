import { studentTQuantile } from '@decalogo/scoring';
import { allAnswers, createEvaluatedCall } from '../support/factories.js';
import type { EvaluationInput } from '../support/factories.js';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const PROGRESS = `query($agentId: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $agentId, from: $from, to: $to) {
  agent { email } evaluationCount meanScore trendPerWeek consistency marginOfError criticalFailureRate resolutionRate supervisorAvailability
  criteria { code mean percent count } weeks { weekStart count meanScore }
} }`;
const OVERVIEW = `query($teamId: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $teamId, from: $from, to: $to) {
  team { name } figures { evaluationCount meanScore supervisorAvailability } agents { agent { email } evaluationCount meanScore } matrix { code agentId mean count }
} }`;
const CODES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'];

const at = (iso: string) => new Date(iso);
const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Camila López's (agent5) evaluations in the window, as built below: their status, the score each
 * one gets (docs/rubric.md#score) and its call facts.
 */
const AGENT5 = [
  {
    at: '2026-02-02T10:00:00Z',
    answers: allAnswers(4),
    status: 'SUBMITTED',
    score: 100,
    resolution: 'RESOLVED',
    requested: false,
    provided: null,
  },
  {
    at: '2026-02-10T10:00:00Z',
    answers: allAnswers(3),
    status: 'ACKNOWLEDGED',
    score: 75,
    resolution: 'PARTIAL',
    requested: true,
    provided: true,
  },
  {
    at: '2026-02-17T10:00:00Z',
    answers: allAnswers(2, { R2: null }),
    status: 'DISPUTED',
    score: 50,
    resolution: 'UNRESOLVED',
    requested: true,
    provided: false,
  },
  // R8 (critical) answered 0: raw score 85, score 0.
  {
    at: '2026-02-24T10:00:00Z',
    answers: allAnswers(4, { R8: 0 }),
    status: 'RESOLVED',
    score: 0,
    resolution: 'RESOLVED',
    requested: false,
    provided: null,
  },
] as const;

describe('agent progress and team overview (docs/rubric.md#figures-over-a-window)', () => {
  let app: TestApp;
  let admin: string;
  let ids: Record<string, string>;
  const from = '2026-01-05T00:00:00.000Z';
  const to = '2026-03-09T00:00:00.000Z';
  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
    ids = Object.fromEntries(Object.values(app.cast.people).map((p) => [p.email, p.id]));
    const evaluate = (agent: string, startedAt: string, evaluation: Omit<EvaluationInput, 'callId' | 'evaluatorId'>) =>
      createEvaluatedCall(
        app,
        { agentId: ids[agent]!, startedAt: at(startedAt) },
        { evaluatorId: ids['evaluator@demo.test']!, ...evaluation },
      );
    for (const e of AGENT5) {
      await evaluate('agent5@demo.test', e.at, {
        answers: e.answers,
        status: e.status,
        resolution: e.resolution,
        supervisorRequested: e.requested,
        supervisorProvided: e.provided,
      });
    }
    // Not in agent5's figures: a draft, and calls before and after the window.
    await evaluate('agent5@demo.test', '2026-02-25T10:00:00Z', { answers: { R1: 0 }, status: 'DRAFT' });
    await evaluate('agent5@demo.test', '2026-01-04T23:59:59Z', { answers: allAnswers(1) });
    await evaluate('agent5@demo.test', '2026-03-09T00:00:00Z', { answers: allAnswers(1) });
    // Valentina Rodríguez (agent3): R3 is her weakest rule (1.0); R5, R2 and R7 tie at 1.5.
    await evaluate('agent3@demo.test', '2026-02-09T10:00:00Z', { answers: allAnswers(3, { R3: 1, R5: 1, R2: 2, R7: 1 }) });
    await evaluate('agent3@demo.test', '2026-02-16T10:00:00Z', { answers: allAnswers(4, { R3: 1, R5: 2, R2: 1, R7: 2 }) });
    // Another team's agent: never in Postventa's figures.
    await evaluate('agent6@demo.test', '2026-02-11T10:00:00Z', { answers: allAnswers(1) });
  });
  afterAll(() => app?.close());

  it('matches a hand computation from the agent’s evaluations', async () => {
    const result = await app.gql(PROGRESS, { agentId: ids['agent5@demo.test'], from, to }, admin);
    expect(result.errors).toBeUndefined();
    const p = result.data!.agentProgress;
    const n = AGENT5.length;
    const scores: number[] = AGENT5.map((e) => e.score);
    const mean = scores.reduce((a, b) => a + b, 0) / n; // 56.25
    const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    // Least-squares slope of score against call time, in weeks.
    const weeks = AGENT5.map((e) => at(e.at).getTime() / WEEK_MS);
    const meanWeek = weeks.reduce((a, b) => a + b, 0) / n;
    const slope =
      weeks.reduce((s, x, i) => s + (x - meanWeek) * (scores[i]! - mean), 0) / weeks.reduce((s, x) => s + (x - meanWeek) ** 2, 0);
    expect(p.agent.email).toBe('agent5@demo.test');
    expect(p.evaluationCount).toBe(4);
    expect(p.meanScore).toBeCloseTo(56.25, 9);
    expect(p.consistency).toBeCloseTo(sd, 9);
    expect(p.marginOfError).toBeCloseTo((studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n), 9);
    expect(p.trendPerWeek).toBeCloseTo(slope, 9);
    expect(p.trendPerWeek).toBeLessThan(0);
    expect(p.criticalFailureRate).toBe(1 / 4);
    expect(p.resolutionRate).toBe(2 / 4);
    expect(p.supervisorAvailability).toBe(1 / 2); // requested twice, provided once
    // Each rule's mean over the evaluations that answered it with a number (N/A left out).
    const criteria = CODES.map((code) => {
      const values = AGENT5.map((e) => (e.answers as Record<string, number | null>)[code]).filter((v): v is number => v !== null);
      const m = values.reduce((a, b) => a + b, 0) / values.length;
      return { code, mean: m, percent: m * 25, count: values.length };
    });
    expect(p.criteria).toEqual(criteria);
    expect(p.criteria.find((c: { code: string }) => c.code === 'R1')).toEqual({
      code: 'R1',
      mean: 3.25,
      percent: 81.25,
      count: 4,
    });
    expect(p.criteria.find((c: { code: string }) => c.code === 'R2')).toMatchObject({ count: 3 });
    expect(p.weeks).toEqual([
      { weekStart: '2026-02-02', count: 1, meanScore: 100 },
      { weekStart: '2026-02-09', count: 1, meanScore: 75 },
      { weekStart: '2026-02-16', count: 1, meanScore: 50 },
      { weekStart: '2026-02-23', count: 1, meanScore: 0 },
    ]);
  });

  it('is null where the spec says null, for a window with no evaluations', async () => {
    const result = await app.gql(
      PROGRESS,
      { agentId: ids['agent1@demo.test'], from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' },
      admin,
    );
    expect(result.data!.agentProgress).toMatchObject({
      evaluationCount: 0,
      meanScore: null,
      trendPerWeek: null,
      consistency: null,
      marginOfError: null,
      supervisorAvailability: null,
      criteria: [],
      weeks: [],
    });
  });

  // Someone whose progress the reader may not see is NOT_FOUND, as a missing id; a role that
  // reads no progress at all is FORBIDDEN.
  it.each([
    ['admin@demo.test', 'agent1@demo.test', 'allowed'],
    ['agent1@demo.test', 'agent1@demo.test', 'allowed'],
    ['agent1@demo.test', 'agent2@demo.test', 'NOT_FOUND'],
    ['coach@demo.test', 'agent1@demo.test', 'allowed'],
    ['coach2@demo.test', 'agent1@demo.test', 'NOT_FOUND'],
    ['evaluator@demo.test', 'agent1@demo.test', 'FORBIDDEN'],
  ])('%s reading the progress of %s: %s', async (reader, agent, outcome) => {
    const result = await app.gql(PROGRESS, { agentId: ids[agent], from, to }, await app.login(reader));
    if (outcome === 'allowed') expect(result.data!.agentProgress.agent.email).toBe(agent);
    else expect(errorCode(result)).toBe(outcome);
  });

  it('refuses a window that ends before it starts', async () => {
    const result = await app.gql(PROGRESS, { agentId: ids['agent1@demo.test'], from: to, to: from }, admin);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe('to');
  });

  it('gives the team overview to its coach, with every agent, the team figures and the matrix', async () => {
    const coach = await app.login('coach@demo.test');
    const teams = await app.gql<{ teams: Array<{ id: string; name: string }> }>('{ teams { id name } }', {}, admin);
    const postventa = teams.data!.teams.find((t) => t.name === 'Postventa')!.id;
    const cobranzas = teams.data!.teams.find((t) => t.name === 'Cobranzas')!.id;
    const result = await app.gql(OVERVIEW, { teamId: postventa, from, to }, coach);
    expect(result.errors).toBeUndefined();
    const overview = result.data!.teamOverview;
    expect(overview.agents.map((a: { agent: { email: string } }) => a.agent.email).sort()).toEqual([
      'agent1@demo.test',
      'agent2@demo.test',
      'agent3@demo.test',
      'agent4@demo.test',
      'agent5@demo.test',
    ]);
    const counts = Object.fromEntries(
      overview.agents.map((a: { agent: { email: string }; evaluationCount: number }) => [a.agent.email, a.evaluationCount]),
    );
    expect(counts).toEqual({
      'agent1@demo.test': 0,
      'agent2@demo.test': 0,
      'agent3@demo.test': 2,
      'agent4@demo.test': 0,
      'agent5@demo.test': 4,
    });
    // agent5's four and agent3's two (56.25 and 75.0).
    expect(overview.figures.evaluationCount).toBe(6);
    expect(overview.figures.meanScore).toBeCloseTo((100 + 75 + 50 + 0 + 56.25 + 75) / 6, 9);
    expect(overview.figures.supervisorAvailability).toBe(1 / 2);
    // agent3 answered every rule with a number: a row per rule; agents without evaluations have none.
    const agent3Row = overview.matrix.filter((m: { agentId: string }) => m.agentId === ids['agent3@demo.test']);
    expect(agent3Row.map((m: { code: string }) => m.code)).toEqual(CODES);
    expect(agent3Row.find((m: { code: string }) => m.code === 'R5')).toEqual({
      code: 'R5',
      agentId: ids['agent3@demo.test'],
      mean: 1.5,
      count: 2,
    });
    expect(overview.matrix.filter((m: { agentId: string }) => m.agentId === ids['agent1@demo.test'])).toEqual([]);
    expect(errorCode(await app.gql(OVERVIEW, { teamId: cobranzas, from, to }, coach))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(OVERVIEW, { teamId: postventa, from, to }, await app.login('agent1@demo.test')))).toBe(
      'FORBIDDEN',
    );
  });

  it('suggests the weakest rules of an agent over the 90 days before now, ties to the heavier rule', async () => {
    const coach = await app.login('coach@demo.test');
    const suggest = async (now: string) => {
      // The 90 days end at the app's clock: run it at fixed instants.
      app.clock.travelTo(at(now));
      try {
        const result = await app.gql<{ suggestedFocus: Array<{ code: string }> }>(
          'query($id: ID!) { suggestedFocus(agentId: $id) { code } }',
          { id: ids['agent3@demo.test'] },
          coach,
        );
        expect(result.errors).toBeUndefined();
        return result.data!.suggestedFocus.map((c) => c.code);
      } finally {
        app.clock.reset();
      }
    };
    // R3 (1.0) first; of R5, R2 and R7 (1.5 each) the heavier R5 (15), then R2 before R7 (both 5, R2 comes first).
    expect(await suggest('2026-03-02T12:00:00Z')).toEqual(['R3', 'R5', 'R2']);
    // Before the second call, only the first evaluation counts: R3, R5 and R7 all 1.0, and R3 and R5 (15) outweigh R7 (5).
    expect(await suggest('2026-02-13T00:00:00Z')).toEqual(['R3', 'R5', 'R7']);
    // Both evaluations more than 90 days ago: nothing to suggest.
    expect(await suggest('2026-05-20T00:00:00Z')).toEqual([]);
  });
});
