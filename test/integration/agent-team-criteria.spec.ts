import { criterionMeans } from '@decalogo/scoring';
import type { AnswerValue } from '@decalogo/scoring';
import {
  allAnswers,
  createEvaluatedCall,
  createEvaluation,
  createCall as createCallRow,
  createPerson,
  createTeam,
} from '../support/factories.js';
import type { EvaluationStatus } from '../support/factories.js';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { countStatements } from '../support/sql-count.js';
import { answersAll, CODES, createCall, createUser, scoreAndSubmit } from '../support/workflow.js';

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

/** The window every figure here is read over: March 2026. */
const FROM = '2026-03-01T00:00:00.000Z';
const TO = '2026-04-01T00:00:00.000Z';
const march = (day: number) => new Date(Date.UTC(2026, 2, day, 10));

/** The expected criterion means, from the sum and count of the numeric answers per code. */
const stats = (sums: Record<string, [number, number]>): Stat[] =>
  CODES.filter((code) => code in sums).map((code) => {
    const [sum, count] = sums[code]!;
    return { code, mean: sum / count, percent: (sum / count) * 25, count };
  });
const every = (sum: number, count: number, overrides: Record<string, [number, number]> = {}) =>
  stats(Object.fromEntries(CODES.map((code) => [code, overrides[code] ?? [sum, count]])));

/** Same codes and counts, means and percents equal to 12 decimals. */
const expectStats = (actual: Stat[], expected: Stat[]) => {
  expect(actual.map((c) => [c.code, c.count])).toEqual(expected.map((c) => [c.code, c.count]));
  actual.forEach((c, i) => {
    expect(c.mean).toBeCloseTo(expected[i]!.mean, 12);
    expect(c.percent).toBeCloseTo(expected[i]!.percent, 12);
  });
};

/**
 * Postventa's submitted evaluations in March 2026 (agent, answers, status). Per code, the sum and
 * count of the numeric answers: R1 3+4+1+3+1+4 = 16 of 6; R2 (N/A once) 3+2+3+1+4 = 13 of 5;
 * R5 3+4+2+4+1+4 = 18 of 6; R8 3+4+2+3+0+4 = 16 of 6; every other code 3+4+2+3+1+4 = 17 of 6.
 */
const POSTVENTA: Array<[string, Record<string, AnswerValue>, EvaluationStatus]> = [
  ['agent1@demo.test', allAnswers(3), 'SUBMITTED'],
  ['agent1@demo.test', allAnswers(4, { R2: null }), 'ACKNOWLEDGED'],
  ['agent2@demo.test', allAnswers(2, { R1: 1 }), 'SUBMITTED'],
  ['agent3@demo.test', allAnswers(3, { R5: 4 }), 'ACKNOWLEDGED'],
  ['agent4@demo.test', allAnswers(1, { R8: 0 }), 'DISPUTED'],
  ['agent5@demo.test', allAnswers(4), 'RESOLVED'],
];
const POSTVENTA_MEANS = every(17, 6, { R1: [16, 6], R2: [13, 5], R5: [18, 6], R8: [16, 6] });
/** Cobranzas: agent6 all 1, agent7 all 2 with R3 N/A. */
const COBRANZAS_MEANS = every(3, 2, { R3: [1, 1] });

describe('agentProgress.teamCriteria: the agent’s team’s criterion means over the same window', () => {
  let app: TestApp;
  let admin: string;
  const window = { from: FROM, to: TO };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
    const evaluatorId = app.cast.id('evaluator@demo.test');
    let day = 2;
    for (const [email, answers, status] of POSTVENTA) {
      await createEvaluatedCall(app, { agentId: app.cast.id(email), startedAt: march(day++) }, { evaluatorId, answers, status });
    }
    await createEvaluatedCall(
      app,
      { agentId: app.cast.id('agent6@demo.test'), startedAt: march(20) },
      { evaluatorId, answers: allAnswers(1) },
    );
    await createEvaluatedCall(
      app,
      { agentId: app.cast.id('agent7@demo.test'), startedAt: march(21) },
      { evaluatorId, answers: allAnswers(2, { R3: null }) },
    );
    // Neither counts: a draft in the window, and a submitted evaluation of a call the day before it.
    await createEvaluatedCall(
      app,
      { agentId: app.cast.id('agent2@demo.test'), startedAt: march(25) },
      { evaluatorId, answers: allAnswers(0), status: 'DRAFT' },
    );
    await createEvaluatedCall(
      app,
      { agentId: app.cast.id('agent1@demo.test'), startedAt: new Date('2026-02-28T23:59:59Z') },
      { evaluatorId, answers: allAnswers(0) },
    );
  });
  afterAll(() => app?.close());

  const progress = async (agentId: string, token: string, range = window) => {
    const result = await app.gql<{ agentProgress: { evaluationCount: number; criteria: Stat[]; teamCriteria: Stat[] } }>(
      PROGRESS,
      { agentId, ...range },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.agentProgress;
  };

  const overview = async (teamId: string, range = window) => {
    const result = await app.gql<{
      teamOverview: {
        figures: { evaluationCount: number; criteria: Stat[] };
        agents: Array<{ agent: { email: string }; teamCriteria: Stat[] }>;
      };
    }>(OVERVIEW, { teamId, ...range }, admin);
    expect(result.errors).toBeUndefined();
    return result.data!.teamOverview;
  };

  it('equals the team overview’s criterion means for the same window, for every agent of both teams', async () => {
    const coach = await app.login('coach@demo.test');
    const postventa = await overview(app.cast.teams.Postventa);
    expect(postventa.figures.evaluationCount).toBe(6);
    expectStats(postventa.figures.criteria, POSTVENTA_MEANS);
    const own: Record<string, number> = { 1: 2, 2: 1, 3: 1, 4: 1, 5: 1 };
    for (const n of [1, 2, 3, 4, 5]) {
      const p = await progress(app.cast.id(`agent${n}@demo.test`), coach);
      expect(p.teamCriteria).toEqual(postventa.figures.criteria);
      expect(p.evaluationCount).toBe(own[n]);
    }
    const cobranzas = await overview(app.cast.teams.Cobranzas);
    expectStats(cobranzas.figures.criteria, COBRANZAS_MEANS);
    const p6 = await progress(app.cast.id('agent6@demo.test'), admin);
    expect(p6.teamCriteria).toEqual(cobranzas.figures.criteria);
    expect(p6.teamCriteria).not.toEqual(postventa.figures.criteria);
    // Each agent row of the overview carries the same comparison.
    expect(postventa.agents.map((a) => a.agent.email).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `agent${n}@demo.test`));
    expect(postventa.agents.every((a) => JSON.stringify(a.teamCriteria) === JSON.stringify(postventa.figures.criteria))).toBe(
      true,
    );
  });

  it('equals libs/scoring’s criterionMeans over the team’s evaluations listed by the API', async () => {
    const raw: Raw[] = [];
    let after: string | null = null;
    do {
      const page: { data?: { evaluations: { nodes: Raw[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } =
        await app.gql(RAW, { teamId: app.cast.teams.Postventa, ...window, after }, admin);
      raw.push(...page.data!.evaluations.nodes);
      after = page.data!.evaluations.pageInfo.hasNextPage ? page.data!.evaluations.pageInfo.endCursor : null;
    } while (after);
    const submitted = raw.filter((e) => e.status !== 'DRAFT');
    expect(submitted).toHaveLength(POSTVENTA.length);
    const expected = criterionMeans(
      submitted.map((e) => ({
        answers: Object.fromEntries(
          e.answers.filter((a) => a.value !== null || a.notApplicable).map((a) => [a.criterion.code, a.value]),
        ),
      })),
    );
    expectStats(expected, POSTVENTA_MEANS);
    const p = await progress(app.cast.id('agent3@demo.test'), admin);
    expect(p.teamCriteria.map((c) => c.code)).toEqual(expected.map((c) => c.code));
    p.teamCriteria.forEach((c, i) => {
      expect(c.count).toBe(expected[i]!.count);
      expect(c.mean).toBeCloseTo(expected[i]!.mean, 12);
      expect(c.percent).toBeCloseTo(expected[i]!.percent, 12);
    });
  });

  it('an agent reads their team’s means through their own progress, while teamOverview stays FORBIDDEN', async () => {
    const agent = await app.login('agent2@demo.test');
    const own = await progress(app.cast.id('agent2@demo.test'), agent);
    expect(own.evaluationCount).toBe(1);
    expectStats(own.criteria, every(2, 1, { R1: [1, 1] }));
    expect(own.teamCriteria).toEqual((await overview(app.cast.teams.Postventa)).figures.criteria);
    expectStats(own.teamCriteria, POSTVENTA_MEANS);
    const refused = await app.gql(OVERVIEW, { teamId: app.cast.teams.Postventa, ...window }, agent);
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });

  it('follows the window: empty for a window with no evaluations', async () => {
    const p = await progress(app.cast.id('agent1@demo.test'), admin, {
      from: '2020-01-01T00:00:00Z',
      to: '2020-02-01T00:00:00Z',
    });
    expect(p).toEqual({ evaluationCount: 0, criteria: [], teamCriteria: [] });
  });

  it('counts a new evaluation of a teammate, and costs the same statements however many agents the team has', async () => {
    // A team of its own, so what the other tests read stays as it is.
    const team = await createTeam(app, 'Retención');
    const agent = await createPerson(app, { roles: ['AGENT'], teamId: team.id });
    const mate = await createPerson(app, { roles: ['AGENT'], teamId: team.id });
    const evaluatorId = app.cast.id('evaluator@demo.test');
    await createEvaluation(app, {
      callId: await createCallRow(app, { agentId: agent.id, startedAt: march(3) }),
      evaluatorId,
      answers: allAnswers(2),
    });
    await createEvaluation(app, {
      callId: await createCallRow(app, { agentId: mate.id, startedAt: march(4) }),
      evaluatorId,
      answers: allAnswers(3),
    });

    const before = await progress(agent.id, admin);
    expectStats(before.criteria, every(2, 1));
    expectStats(before.teamCriteria, every(5, 2));
    const statementsBefore = await countStatements(() => progress(agent.id, admin));
    for (const n of [1, 2, 3]) {
      await createUser(app, admin, { email: `extra${n}@demo.test`, name: `Extra ${n}`, roles: ['AGENT'], teamId: team.id });
    }
    const evaluator = await app.login('evaluator@demo.test');
    await scoreAndSubmit(
      app,
      evaluator,
      await createCall(app, evaluator, 'extra1@demo.test', { startedAt: march(5).toISOString() }),
      answersAll(4),
    );

    const after = await progress(agent.id, admin);
    expect(after.criteria).toEqual(before.criteria);
    // (2 + 3 + 4) / 3 on every rule.
    expectStats(after.teamCriteria, every(9, 3));
    expect(after.teamCriteria).toEqual((await overview(team.id)).figures.criteria);

    const statementsAfter = await countStatements(() => progress(agent.id, admin));
    expect(statementsAfter).toBe(statementsBefore);
  });
});
