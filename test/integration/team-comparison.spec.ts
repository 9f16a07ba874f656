import { TEAM_COMPARISON_MIN_EVALUATIONS, TEAM_COMPARISON_MIN_OTHER_AGENTS } from '@decalogo/scoring';
import { allAnswers, createEvaluatedCall, createPerson, createTeam, TEST_PASSWORD } from '../support/factories.js';
import type { Person } from '../support/factories.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const PROGRESS = `query($agentId: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $agentId, from: $from, to: $to) {
  evaluationCount teamComparisonSuppressed teamCriteria { code mean count }
} }`;
const OVERVIEW = `query($teamId: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $teamId, from: $from, to: $to) {
  figures { criteria { code mean count } } agents { agent { id } teamComparisonSuppressed }
} }`;

type Progress = {
  evaluationCount: number;
  teamComparisonSuppressed: boolean;
  teamCriteria: Array<{ code: string; mean: number; count: number }>;
};

const day = (n: number) => new Date(Date.UTC(2026, 6, n, 10));
const range = (from: Date, to: Date) => ({ from: from.toISOString(), to: to.toISOString() });

/**
 * docs/rubric.md § "Team comparison": the team's means shown to an agent need at least 5
 * evaluations of at least 3 colleagues in the window, or nobody's answers could be told apart.
 */
describe('agentProgress: the team comparison shown to an agent is withheld below the minimum group', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app?.close());

  /** A team of its own: the agent, `colleagues` more agents, and a coach of the team. */
  async function team(colleagues: number) {
    const { id } = await createTeam(app);
    const agent = await createPerson(app, { roles: ['AGENT'], teamId: id });
    const others: Person[] = [];
    for (let i = 0; i < colleagues; i++) others.push(await createPerson(app, { roles: ['AGENT'], teamId: id }));
    const coach = await createPerson(app, { roles: ['COACH'], coaches: [id] });
    return { id, agent, others, coach };
  }
  const evaluate = (agent: Person, at: Date, value: number) =>
    createEvaluatedCall(
      app,
      { agentId: agent.id, startedAt: at },
      { evaluatorId: app.cast.id('evaluator@demo.test'), answers: allAnswers(value as 0 | 1 | 2 | 3 | 4) },
    );
  const progress = async (who: Person, agent: Person, window: { from: string; to: string }) => {
    const token = await app.login(who.email, TEST_PASSWORD);
    const result = await app.gql<{ agentProgress: Progress }>(PROGRESS, { agentId: agent.id, ...window }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.agentProgress;
  };

  it('the rule’s minimum is 5 evaluations of 3 colleagues', () => {
    expect([TEAM_COMPARISON_MIN_EVALUATIONS, TEAM_COMPARISON_MIN_OTHER_AGENTS]).toEqual([5, 3]);
  });

  it('a window around one colleague’s evaluation shows the agent no team figures, only that they are withheld', async () => {
    const { agent, others } = await team(3);
    const t = day(2);
    await evaluate(others[0]!, t, 1);
    await evaluate(agent, day(3), 4);
    const narrow = await progress(agent, agent, range(t, new Date(t.getTime() + 1)));
    expect(narrow).toEqual({ evaluationCount: 0, teamComparisonSuppressed: true, teamCriteria: [] });
    // The whole month: still one colleague's evaluation only.
    const month = await progress(agent, agent, range(day(1), day(31)));
    expect(month).toMatchObject({ evaluationCount: 1, teamComparisonSuppressed: true, teamCriteria: [] });
  });

  it('is withheld with 4 colleagues’ evaluations, or 5 of only 2 colleagues, however many of the agent’s own', async () => {
    const four = await team(4);
    for (const [i, other] of four.others.entries()) await evaluate(other, day(2 + i), 2);
    for (let i = 0; i < 6; i++) await evaluate(four.agent, day(10 + i), 3);
    expect(await progress(four.agent, four.agent, range(day(1), day(31)))).toMatchObject({
      evaluationCount: 6,
      teamComparisonSuppressed: true,
      teamCriteria: [],
    });

    const two = await team(2);
    for (let i = 0; i < 5; i++) await evaluate(two.others[i % 2]!, day(2 + i), 2);
    expect(await progress(two.agent, two.agent, range(day(1), day(31)))).toMatchObject({
      teamComparisonSuppressed: true,
      teamCriteria: [],
    });
  });

  it('is shown with 5 evaluations of 3 colleagues: the team’s means over everybody, as the overview has them', async () => {
    const { id, agent, others } = await team(3);
    const values = [1, 2, 3, 4, 2];
    for (const [i, value] of values.entries()) await evaluate(others[i % 3]!, day(2 + i), value);
    await evaluate(agent, day(9), 4);
    const window = range(day(1), day(31));
    const shown = await progress(agent, agent, window);
    expect(shown.teamComparisonSuppressed).toBe(false);
    // (1 + 2 + 3 + 4 + 2 + 4) / 6 on every rule, over 6 evaluations.
    expect(shown.teamCriteria).toHaveLength(10);
    for (const c of shown.teamCriteria) {
      expect(c.count).toBe(6);
      expect(c.mean).toBeCloseTo(16 / 6, 12);
    }
    const admin = await app.login('admin@demo.test');
    const overview = await app.gql<{ teamOverview: { figures: { criteria: Progress['teamCriteria'] } } }>(
      OVERVIEW,
      { teamId: id, ...window },
      admin,
    );
    expect(shown.teamCriteria).toEqual(overview.data!.teamOverview.figures.criteria);
  });

  it('coaches and administrators keep seeing the team’s figures for any window', async () => {
    const { id, agent, others, coach } = await team(3);
    const t = day(2);
    await evaluate(others[0]!, t, 1);
    const narrow = range(t, new Date(t.getTime() + 1));
    const admin = await createPerson(app, { roles: ['ADMIN'] });
    for (const reader of [coach, admin]) {
      const seen = await progress(reader, agent, narrow);
      expect(seen.teamComparisonSuppressed).toBe(false);
      expect(seen.teamCriteria.map((c) => [c.code, c.mean, c.count])).toEqual(
        ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'].map((code) => [code, 1, 1]),
      );
    }
    const token = await app.login(coach.email, TEST_PASSWORD);
    const overview = await app.gql<{ teamOverview: { agents: Array<{ teamComparisonSuppressed: boolean }> } }>(
      OVERVIEW,
      { teamId: id, ...narrow },
      token,
    );
    expect(overview.data!.teamOverview.agents.map((a) => a.teamComparisonSuppressed)).toEqual([false, false, false, false]);
  });
});
