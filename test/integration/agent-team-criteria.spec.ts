import { criterionMeans } from '../../libs/scoring/src/index.js';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { countStatements } from '../support/sql-count.js';
import { answersAll, createCall, createUser, scoreAndSubmit } from '../support/workflow.js';

const PROGRESS = `query($agentId: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $agentId, from: $from, to: $to) {
  evaluationCount criteria { code mean percent count } teamCriteria { code mean percent count }
} }`;
const OVERVIEW = `query($teamId: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $teamId, from: $from, to: $to) {
  figures { evaluationCount criteria { code mean percent count } }
  agents { agent { email } teamCriteria { code mean percent count } }
} }`;
const RAW = `query($teamId: ID!, $from: DateTime!, $to: DateTime!, $after: String) {
  evaluations(filter: { teamId: $teamId, from: $from, to: $to }, first: 100, after: $after) {
    nodes { status answers { value notApplicable criterion { code } } }
    pageInfo { hasNextPage endCursor } } }`;

type Stat = { code: string; mean: number; percent: number; count: number };
type Raw = { status: string; answers: Array<{ value: number | null; notApplicable: boolean; criterion: { code: string } }> };

describe('agentProgress.teamCriteria: the agent’s team’s criterion means over the same window', () => {
  let app: TestApp;
  let admin: string;
  let ids: Record<string, string>;
  let teams: Record<string, string>;
  const from = new Date(Date.now() - 84 * 86400000).toISOString();
  const to = new Date(Date.now() + 86400000).toISOString();

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
    const users = await app.gql<{ users: Array<{ id: string; email: string }> }>('{ users { id email } }', {}, admin);
    ids = Object.fromEntries(users.data!.users.map((u) => [u.email, u.id]));
    const list = await app.gql<{ teams: Array<{ id: string; name: string }> }>('{ teams { id name } }', {}, admin);
    teams = Object.fromEntries(list.data!.teams.map((t) => [t.name, t.id]));
  });
  afterAll(async () => {
    await app?.close();
  });

  const progress = async (email: string, token: string, window = { from, to }) => {
    const result = await app.gql<{ agentProgress: { evaluationCount: number; criteria: Stat[]; teamCriteria: Stat[] } }>(
      PROGRESS,
      { agentId: ids[email], ...window },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.agentProgress;
  };

  const overview = async (team: string, window = { from, to }) => {
    const result = await app.gql<{
      teamOverview: {
        figures: { evaluationCount: number; criteria: Stat[] };
        agents: Array<{ agent: { email: string }; teamCriteria: Stat[] }>;
      };
    }>(OVERVIEW, { teamId: teams[team], ...window }, admin);
    expect(result.errors).toBeUndefined();
    return result.data!.teamOverview;
  };

  it('equals the team overview’s criterion means for the same window, for every agent of both teams', async () => {
    const coach = await app.login('coach@demo.test');
    const postventa = await overview('Postventa');
    expect(postventa.figures.evaluationCount).toBeGreaterThan(10);
    expect(postventa.figures.criteria).toHaveLength(10);
    for (const n of [1, 2, 3, 4, 5]) {
      const p = await progress(`agent${n}@demo.test`, coach);
      expect(p.teamCriteria).toEqual(postventa.figures.criteria);
      expect(p.evaluationCount).toBeLessThan(postventa.figures.evaluationCount);
    }
    const cobranzas = await overview('Cobranzas');
    const p6 = await progress('agent6@demo.test', admin);
    expect(p6.teamCriteria).toEqual(cobranzas.figures.criteria);
    expect(p6.teamCriteria).not.toEqual(postventa.figures.criteria);
    // Each agent row of the overview carries the same comparison.
    expect(postventa.agents.every((a) => JSON.stringify(a.teamCriteria) === JSON.stringify(postventa.figures.criteria))).toBe(
      true,
    );
  });

  it('equals libs/scoring’s criterionMeans over the team’s evaluations listed by the API', async () => {
    const raw: Raw[] = [];
    let after: string | null = null;
    do {
      const page: { data?: { evaluations: { nodes: Raw[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } =
        await app.gql(RAW, { teamId: teams['Postventa'], from, to, after }, admin);
      raw.push(...page.data!.evaluations.nodes);
      after = page.data!.evaluations.pageInfo.hasNextPage ? page.data!.evaluations.pageInfo.endCursor : null;
    } while (after);
    const expected = criterionMeans(
      raw
        .filter((e) => e.status !== 'DRAFT')
        .map((e) => ({
          answers: Object.fromEntries(
            e.answers.filter((a) => a.value !== null || a.notApplicable).map((a) => [a.criterion.code, a.value]),
          ),
        })),
    );
    const p = await progress('agent3@demo.test', admin);
    expect(p.teamCriteria.map((c) => c.code)).toEqual(expected.map((c) => c.code));
    p.teamCriteria.forEach((c, i) => {
      expect(c.count).toBe(expected[i]!.count);
      expect(c.mean).toBeCloseTo(expected[i]!.mean, 12);
      expect(c.percent).toBeCloseTo(expected[i]!.percent, 12);
    });
  });

  it('an agent reads their team’s means through their own progress, while teamOverview stays FORBIDDEN', async () => {
    const agent = await app.login('agent2@demo.test');
    const own = await progress('agent2@demo.test', agent);
    expect(own.teamCriteria).toEqual((await overview('Postventa')).figures.criteria);
    const refused = await app.gql(OVERVIEW, { teamId: teams['Postventa'], from, to }, agent);
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });

  it('follows the window: empty for a window with no evaluations', async () => {
    const p = await progress('agent1@demo.test', admin, { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' });
    expect(p).toEqual({ evaluationCount: 0, criteria: [], teamCriteria: [] });
  });

  it('counts a new evaluation of a teammate, and costs the same statements however many agents the team has', async () => {
    const before = await progress('agent1@demo.test', admin);
    const statementsBefore = await countStatements(() => progress('agent1@demo.test', admin));
    for (const n of [1, 2, 3]) {
      await createUser(app, admin, {
        email: `extra${n}@demo.test`,
        name: `Extra ${n}`,
        roles: ['AGENT'],
        teamId: teams['Postventa'],
      });
    }
    const evaluator = await app.login('evaluator@demo.test');
    await scoreAndSubmit(app, evaluator, await createCall(app, evaluator, 'extra1@demo.test'), answersAll(4));

    const after = await progress('agent1@demo.test', admin);
    expect(after.criteria).toEqual(before.criteria);
    const r1Before = before.teamCriteria.find((c) => c.code === 'R1')!;
    const r1After = after.teamCriteria.find((c) => c.code === 'R1')!;
    expect(r1After.count).toBe(r1Before.count + 1);
    expect(r1After.mean).toBeCloseTo((r1Before.mean * r1Before.count + 4) / (r1Before.count + 1), 12);
    expect(after.teamCriteria).toEqual((await overview('Postventa')).figures.criteria);

    const statementsAfter = await countStatements(() => progress('agent1@demo.test', admin));
    expect(statementsAfter).toBe(statementsBefore);
  });
});
