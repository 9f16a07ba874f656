import { studentTQuantile } from '../../libs/scoring/src/index.js';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const PROGRESS = `query($agentId: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $agentId, from: $from, to: $to) {
  agent { email } evaluationCount meanScore trendPerWeek consistency marginOfError criticalFailureRate resolutionRate supervisorAvailability
  criteria { code mean percent count } weeks { weekStart count meanScore }
} }`;
const OVERVIEW = `query($teamId: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $teamId, from: $from, to: $to) {
  team { name } figures { evaluationCount meanScore supervisorAvailability } agents { agent { email } evaluationCount meanScore } matrix { code agentId mean count }
} }`;
const RAW = `query($agentId: ID!, $after: String) { evaluations(filter: { agentId: $agentId }, first: 100, after: $after) {
  nodes { status score criticalFailure resolution supervisorRequested supervisorProvided callStartedAt answers { value notApplicable criterion { code } } }
  pageInfo { hasNextPage endCursor } } }`;

type Raw = {
  status: string;
  score: number;
  criticalFailure: boolean;
  resolution: string;
  supervisorRequested: boolean;
  supervisorProvided: boolean | null;
  callStartedAt: string;
  answers: Array<{ value: number | null; notApplicable: boolean; criterion: { code: string } }>;
};

describe('agent progress and team overview (RUBRIC.md §4)', () => {
  let app: TestApp;
  let admin: string;
  let ids: Record<string, string>;
  const to = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
  const from = new Date(Date.now() - 200 * 24 * 3600 * 1000).toISOString();
  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
    const users = await app.gql<{ users: Array<{ id: string; email: string }> }>('{ users { id email } }', {}, admin);
    ids = Object.fromEntries(users.data!.users.map((u) => [u.email, u.id]));
  });
  afterAll(async () => {
    await app?.close();
  });

  async function rawEvaluations(agentId: string): Promise<Raw[]> {
    const all: Raw[] = [];
    let after: string | null = null;
    do {
      const page: { data?: { evaluations: { nodes: Raw[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } =
        await app.gql(RAW, { agentId, after }, admin);
      all.push(...page.data!.evaluations.nodes);
      after = page.data!.evaluations.pageInfo.hasNextPage ? page.data!.evaluations.pageInfo.endCursor : null;
    } while (after);
    return all.filter((e) => e.status !== 'DRAFT');
  }

  it('matches a hand computation from the agent’s evaluations', async () => {
    const agentId = ids['agent5@demo.test']!;
    const result = await app.gql(PROGRESS, { agentId, from, to }, admin);
    expect(result.errors).toBeUndefined();
    const p = result.data!.agentProgress;
    const evals = await rawEvaluations(agentId);
    // The API rounds scores to one decimal when shown; the figures use the stored values, so
    // compare to the rounding precision.
    const n = evals.length;
    const scores = evals.map((e) => e.score);
    const mean = scores.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    expect(p.evaluationCount).toBe(n);
    expect(p.meanScore).toBeCloseTo(mean, 1);
    expect(p.consistency).toBeCloseTo(sd, 1);
    expect(p.marginOfError).toBeCloseTo((studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n), 1);
    expect(p.criticalFailureRate).toBeCloseTo(evals.filter((e) => e.criticalFailure).length / n, 12);
    expect(p.resolutionRate).toBeCloseTo(evals.filter((e) => e.resolution === 'RESOLVED').length / n, 12);
    const requested = evals.filter((e) => e.supervisorRequested);
    expect(p.supervisorAvailability).toEqual(
      requested.length ? requested.filter((e) => e.supervisorProvided).length / requested.length : null,
    );
    const r1 = evals.flatMap((e) => e.answers.filter((a) => a.criterion.code === 'R1' && a.value !== null).map((a) => a.value!));
    expect(p.criteria.find((c: { code: string }) => c.code === 'R1')).toEqual({
      code: 'R1',
      mean: r1.reduce((a, b) => a + b, 0) / r1.length,
      percent: (r1.reduce((a, b) => a + b, 0) / r1.length) * 25,
      count: r1.length,
    });
    expect(p.weeks.reduce((s: number, w: { count: number }) => s + w.count, 0)).toBe(n);
    expect(p.weeks.every((w: { weekStart: string }) => new Date(`${w.weekStart}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(typeof p.trendPerWeek).toBe('number');
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

  it.each([
    ['admin@demo.test', 'agent1@demo.test', true],
    ['agent1@demo.test', 'agent1@demo.test', true],
    ['agent1@demo.test', 'agent2@demo.test', false],
    ['coach@demo.test', 'agent1@demo.test', true],
    ['coach2@demo.test', 'agent1@demo.test', false],
    ['evaluator@demo.test', 'agent1@demo.test', false],
  ])('%s reading the progress of %s: allowed %p', async (reader, agent, allowed) => {
    const result = await app.gql(PROGRESS, { agentId: ids[agent], from, to }, await app.login(reader));
    if (allowed) expect(result.data!.agentProgress.agent.email).toBe(agent);
    else expect(errorCode(result)).toBe('FORBIDDEN');
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
    const total = overview.agents.reduce((s: number, a: { evaluationCount: number }) => s + a.evaluationCount, 0);
    expect(overview.figures.evaluationCount).toBe(total);
    expect(overview.matrix.filter((m: { agentId: string }) => m.agentId === ids['agent3@demo.test']).length).toBe(10);
    expect(errorCode(await app.gql(OVERVIEW, { teamId: cobranzas, from, to }, coach))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(OVERVIEW, { teamId: postventa, from, to }, await app.login('agent1@demo.test')))).toBe(
      'FORBIDDEN',
    );
  });

  it('suggests the weakest rules of an agent, ties to the heavier rule', async () => {
    const result = await app.gql<{ suggestedFocus: Array<{ code: string }> }>(
      'query($id: ID!) { suggestedFocus(agentId: $id) { code } }',
      { id: ids['agent3@demo.test'] },
      await app.login('coach@demo.test'),
    );
    const codes = result.data!.suggestedFocus.map((c) => c.code);
    expect(codes).toHaveLength(3);
    expect(codes).toEqual(expect.arrayContaining(['R3', 'R5']));
  });
});
