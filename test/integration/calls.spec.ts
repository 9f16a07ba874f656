import { allAnswers, createCall, createEvaluation } from '../support/factories.js';
import type { EvaluationStatus } from '../support/factories.js';
import type { AnswerValue } from '@decalogo/scoring';
import { errorCode, rowCounts, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const LIST = `query($filter: CallFilter, $first: Int, $after: String) {
  calls(filter: $filter, first: $first, after: $after) { nodes { id startedAt agent { email team { name } } evaluations { status } } pageInfo { hasNextPage endCursor } }
}`;
const EVALUATIONS = `query($filter: EvaluationFilter, $first: Int, $after: String) {
  evaluations(filter: $filter, first: $first, after: $after) { nodes { id score status criticalFailure agent { email } evaluator { email } } pageInfo { hasNextPage endCursor } }
}`;

type CallNode = {
  id: string;
  startedAt: string;
  agent: { email: string; team: { name: string } };
  evaluations: Array<{ status: string }>;
};
type EvaluationNode = { id: string; score: number; status: string; criticalFailure: boolean };

const march = (day: number, hour = 10) => new Date(Date.UTC(2026, 2, day, hour));

interface Built {
  key: string;
  agent: string;
  startedAt: Date;
  purpose: string;
  externalId?: string;
  evaluation?: { answers: Record<string, AnswerValue>; status: EvaluationStatus };
}

/**
 * The calls (and their one evaluation, if any) the tests read. Scores: all 3 with R1 at 1 = 70;
 * all 2 with R1, R4 at 4 = 60; all 3 with R1, R4 at 4 = 80; with R6 at 4 too = 85; all 2 with R1 at
 * 4 = 55; R8 or R9 (critical) at 0 = 0.
 */
const CALLS: Built[] = [
  {
    key: 'a3-band70',
    agent: 'agent3',
    startedAt: march(2),
    purpose: 'SUPPORT',
    evaluation: { answers: allAnswers(3, { R1: 1 }), status: 'ACKNOWLEDGED' },
  },
  {
    key: 'a3-band60',
    agent: 'agent3',
    startedAt: march(3),
    purpose: 'SUPPORT',
    evaluation: { answers: allAnswers(2, { R1: 4, R4: 4 }), status: 'ACKNOWLEDGED' },
  },
  {
    key: 'a3-band80',
    agent: 'agent3',
    startedAt: march(4),
    purpose: 'SALES',
    evaluation: { answers: allAnswers(3, { R1: 4, R4: 4 }), status: 'ACKNOWLEDGED' },
  },
  {
    key: 'a3-above',
    agent: 'agent3',
    startedAt: march(5),
    purpose: 'SUPPORT',
    evaluation: { answers: allAnswers(3, { R1: 4, R4: 4, R6: 4 }), status: 'ACKNOWLEDGED' },
  },
  {
    key: 'a3-draft',
    agent: 'agent3',
    startedAt: march(6),
    purpose: 'SUPPORT',
    evaluation: { answers: allAnswers(3), status: 'DRAFT' },
  },
  // The same instant as the call before: the id decides the order.
  { key: 'a3-tie', agent: 'agent3', startedAt: march(6), purpose: 'SUPPORT' },
  {
    key: 'a1-below',
    agent: 'agent1',
    startedAt: march(2, 9),
    purpose: 'SUPPORT',
    externalId: 'F-agent1-001',
    evaluation: { answers: allAnswers(2, { R1: 4 }), status: 'ACKNOWLEDGED' },
  },
  {
    key: 'a1-submitted',
    agent: 'agent1',
    startedAt: march(7),
    purpose: 'SUPPORT',
    evaluation: { answers: allAnswers(3, { R1: 1 }), status: 'SUBMITTED' },
  },
  {
    key: 'a2-critical',
    agent: 'agent2',
    startedAt: march(8),
    purpose: 'COLLECTIONS_LATE',
    evaluation: { answers: allAnswers(3, { R8: 0 }), status: 'ACKNOWLEDGED' },
  },
  {
    key: 'a6-critical',
    agent: 'agent6',
    startedAt: march(9),
    purpose: 'COLLECTIONS_LATE',
    evaluation: { answers: allAnswers(3, { R9: 0 }), status: 'DISPUTED' },
  },
  { key: 'a6-early', agent: 'agent6', startedAt: march(10), purpose: 'COLLECTIONS_EARLY' },
  { key: 'a7-late', agent: 'agent7', startedAt: march(11), purpose: 'COLLECTIONS_LATE' },
  {
    key: 'a7-resolved',
    agent: 'agent7',
    startedAt: march(12),
    purpose: 'COLLECTIONS_LATE',
    evaluation: { answers: allAnswers(4), status: 'RESOLVED' },
  },
];

describe('calls and evaluations: lists, filters, pagination and input checks', () => {
  let app: TestApp;
  let evaluator: string;
  let agentId: string;
  /** Call and evaluation ids by key. */
  const call: Record<string, string> = {};
  const evaluation: Record<string, string> = {};

  /** Ids of the calls with these keys, newest first (ties: the greater id first, as the API orders). */
  const newestFirst = (keys: string[]) =>
    CALLS.filter((c) => keys.includes(c.key))
      .map((c) => ({ id: call[c.key]!, at: c.startedAt.getTime() }))
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
      .map((c) => c.id);

  beforeAll(async () => {
    app = await startTestApp();
    evaluator = await app.login('evaluator@demo.test');
    agentId = app.cast.id('agent3@demo.test');
    const evaluatorId = app.cast.id('evaluator@demo.test');
    for (const built of CALLS) {
      call[built.key] = await createCall(app, {
        agentId: app.cast.id(`${built.agent}@demo.test`),
        startedAt: built.startedAt,
        purpose: built.purpose,
        ...(built.externalId ? { externalId: built.externalId } : {}),
      });
      if (built.evaluation)
        evaluation[built.key] = await createEvaluation(app, { callId: call[built.key]!, evaluatorId, ...built.evaluation });
    }
  });
  afterAll(() => app?.close());

  it('pages through every call newest first with cursors, without repeats', async () => {
    const pages: CallNode[][] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: { data?: { calls: { nodes: CallNode[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } =
        await app.gql(LIST, { first: 7, after }, evaluator);
      pages.push(result.data!.calls.nodes);
      if (!result.data!.calls.pageInfo.hasNextPage) break;
      after = result.data!.calls.pageInfo.endCursor;
    }
    // The two calls at the same instant are the last of page one and the first of page two.
    expect(pages.map((p) => p.length)).toEqual([7, 6]);
    expect([pages[0]!.at(-1)!.id, pages[1]![0]!.id].sort()).toEqual([call['a3-draft'], call['a3-tie']].sort());
    const seen = pages.flat();
    expect(seen.map((c) => c.id)).toEqual(newestFirst(CALLS.map((c) => c.key)));
    const times = seen.map((c) => Date.parse(c.startedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters by agent, team, purpose and whether the call was evaluated', async () => {
    const byAgent = await app.gql<{ calls: { nodes: CallNode[] } }>(LIST, { filter: { agentId }, first: 100 }, evaluator);
    expect(byAgent.data!.calls.nodes.map((c) => c.id)).toEqual(
      newestFirst(['a3-band70', 'a3-band60', 'a3-band80', 'a3-above', 'a3-draft', 'a3-tie']),
    );
    expect(byAgent.data!.calls.nodes.every((c) => c.agent.email === 'agent3@demo.test')).toBe(true);
    const byTeam = await app.gql<{ calls: { nodes: CallNode[] } }>(
      LIST,
      { filter: { teamId: app.cast.teams.Cobranzas, purpose: 'COLLECTIONS_LATE' }, first: 100 },
      evaluator,
    );
    // agent2's COLLECTIONS_LATE call is Postventa's, agent6's COLLECTIONS_EARLY another purpose.
    expect(byTeam.data!.calls.nodes.map((c) => c.id)).toEqual(newestFirst(['a6-critical', 'a7-late', 'a7-resolved']));
    expect(byTeam.data!.calls.nodes.every((c) => c.agent.team.name === 'Cobranzas')).toBe(true);
    const waiting = await app.gql<{ calls: { nodes: CallNode[] } }>(
      LIST,
      { filter: { evaluated: false }, first: 100 },
      evaluator,
    );
    expect(waiting.data!.calls.nodes.map((c) => c.id)).toEqual(newestFirst(['a3-draft', 'a3-tie', 'a6-early', 'a7-late']));
    expect(Object.fromEntries(waiting.data!.calls.nodes.map((c) => [c.id, c.evaluations.map((e) => e.status)]))).toEqual({
      [call['a3-draft']!]: ['DRAFT'],
      [call['a3-tie']!]: [],
      [call['a6-early']!]: [],
      [call['a7-late']!]: [],
    });
    const evaluated = await app.gql<{ calls: { nodes: CallNode[] } }>(
      LIST,
      { filter: { evaluated: true }, first: 100 },
      evaluator,
    );
    expect(evaluated.data!.calls.nodes.map((c) => c.id)).toEqual(
      newestFirst(CALLS.filter((c) => c.evaluation && c.evaluation.status !== 'DRAFT').map((c) => c.key)),
    );
  });

  it('filters evaluations by status, critical failure and score range', async () => {
    const failures = await app.gql<{ evaluations: { nodes: EvaluationNode[] } }>(
      EVALUATIONS,
      { filter: { criticalFailure: true }, first: 100 },
      evaluator,
    );
    expect(failures.data!.evaluations.nodes.map((e) => [e.id, e.status, e.score, e.criticalFailure])).toEqual([
      [evaluation['a6-critical'], 'DISPUTED', 0, true],
      [evaluation['a2-critical'], 'ACKNOWLEDGED', 0, true],
    ]);
    // 60 and 80 are in the band; 85, 55 and the critical failure's 0 are not, nor the SUBMITTED 70.
    const band = await app.gql<{ evaluations: { nodes: EvaluationNode[] } }>(
      EVALUATIONS,
      { filter: { minScore: 60, maxScore: 80, status: ['ACKNOWLEDGED'] }, first: 100 },
      evaluator,
    );
    expect(band.data!.evaluations.nodes.map((e) => [e.id, e.status, e.score])).toEqual([
      [evaluation['a3-band80'], 'ACKNOWLEDGED', 80],
      [evaluation['a3-band60'], 'ACKNOWLEDGED', 60],
      [evaluation['a3-band70'], 'ACKNOWLEDGED', 70],
    ]);
  });

  it.each([
    ['first over 100', { first: 101 }, 'first'],
    ['first of 0', { first: 0 }, 'first'],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'after'],
  ])('refuses %s', async (_label, variables, field) => {
    const result = await app.gql(LIST, variables, evaluator);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
  });

  it.each([
    ['a negative duration', { durationSeconds: -5 }, 'input.durationSeconds'],
    ['a javascript: recording URL', { recordingUrl: 'javascript:alert(1)' }, 'input.recordingUrl'],
    ['a transcript line without a speaker', { transcript: 'Hola, buenos días' }, 'input.transcript'],
    ['an external id already used', { externalId: 'F-agent1-001' }, 'input.externalId'],
    ['an agent id that is not an agent', { agentId: 'coach' }, 'input.agentId'],
  ])('createCall refuses %s, naming the field, writing nothing', async (_label, overrides, field) => {
    const input = {
      externalId: `NEW-${Math.random()}`,
      agentId,
      startedAt: '2026-11-20T10:00:00+01:00',
      durationSeconds: 60,
      direction: 'INBOUND',
      purpose: 'SUPPORT',
      ...overrides,
    };
    if (input.agentId === 'coach') input.agentId = app.cast.id('coach@demo.test');
    const before = await rowCounts(app);
    const result = await app.gql('mutation($input: CreateCallInput!) { createCall(input: $input) { id } }', { input }, evaluator);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await rowCounts(app)).toEqual(before);
  });
});
