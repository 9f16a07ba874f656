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

describe('calls and evaluations: lists, filters, pagination and input checks', () => {
  let app: TestApp;
  let evaluator: string;
  let agentId: string;
  beforeAll(async () => {
    app = await startTestApp();
    evaluator = await app.login('evaluator@demo.test');
    const agents = await app.gql<{ users: Array<{ id: string; email: string }> }>(
      '{ users(role: AGENT) { id email } }',
      {},
      evaluator,
    );
    agentId = agents.data!.users.find((u) => u.email === 'agent3@demo.test')!.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('pages through every call newest first with cursors, without repeats', async () => {
    const seen: CallNode[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: { data?: { calls: { nodes: CallNode[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } =
        await app.gql(LIST, { first: 100, after }, evaluator);
      seen.push(...result.data!.calls.nodes);
      if (!result.data!.calls.pageInfo.hasNextPage) break;
      after = result.data!.calls.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(300);
    expect(new Set(seen.map((c) => c.id)).size).toBe(300);
    const times = seen.map((c) => Date.parse(c.startedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters by agent, team, purpose and whether the call was evaluated', async () => {
    const byAgent = await app.gql<{ calls: { nodes: CallNode[] } }>(LIST, { filter: { agentId }, first: 100 }, evaluator);
    expect(byAgent.data!.calls.nodes).toHaveLength(30);
    expect(byAgent.data!.calls.nodes.every((c) => c.agent.email === 'agent3@demo.test')).toBe(true);
    const teams = await app.gql<{ teams: Array<{ id: string; name: string }> }>('{ teams { id name } }', {}, evaluator);
    const cobranzas = teams.data!.teams.find((t) => t.name === 'Cobranzas')!.id;
    const byTeam = await app.gql<{ calls: { nodes: CallNode[] } }>(
      LIST,
      { filter: { teamId: cobranzas, purpose: 'COLLECTIONS_LATE' }, first: 100 },
      evaluator,
    );
    expect(byTeam.data!.calls.nodes.length).toBeGreaterThan(0);
    expect(byTeam.data!.calls.nodes.every((c) => c.agent.team.name === 'Cobranzas')).toBe(true);
    const waiting = await app.gql<{ calls: { nodes: CallNode[] } }>(
      LIST,
      { filter: { evaluated: false }, first: 100 },
      evaluator,
    );
    expect(waiting.data!.calls.nodes.every((c) => c.evaluations.every((e) => e.status === 'DRAFT'))).toBe(true);
  });

  it('filters evaluations by status, critical failure and score range', async () => {
    const failures = await app.gql<{ evaluations: { nodes: Array<{ score: number; criticalFailure: boolean }> } }>(
      EVALUATIONS,
      { filter: { criticalFailure: true }, first: 100 },
      evaluator,
    );
    expect(failures.data!.evaluations.nodes.length).toBeGreaterThan(0);
    expect(failures.data!.evaluations.nodes.every((e) => e.criticalFailure && e.score === 0)).toBe(true);
    const band = await app.gql<{ evaluations: { nodes: Array<{ score: number; status: string }> } }>(
      EVALUATIONS,
      { filter: { minScore: 60, maxScore: 80, status: ['ACKNOWLEDGED'] }, first: 100 },
      evaluator,
    );
    expect(band.data!.evaluations.nodes.length).toBeGreaterThan(0);
    expect(band.data!.evaluations.nodes.every((e) => e.score >= 60 && e.score <= 80 && e.status === 'ACKNOWLEDGED')).toBe(true);
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
    ['an external id already used', { externalId: 'DEMO-agent1-001' }, 'input.externalId'],
    ['an agent id that is not an agent', { agentId: 'coach' }, 'input.agentId'],
  ])('createCall refuses %s, naming the field, writing nothing', async (_label, overrides, field) => {
    const coaches = await app.gql<{ users: Array<{ id: string }> }>('{ users(role: COACH) { id } }', {}, evaluator);
    const input = {
      externalId: `NEW-${Math.random()}`,
      agentId,
      startedAt: '2026-11-20T10:00:00+01:00',
      durationSeconds: 60,
      direction: 'INBOUND',
      purpose: 'SUPPORT',
      ...overrides,
    };
    if (input.agentId === 'coach') input.agentId = coaches.data!.users[0]!.id;
    const before = await rowCounts(app);
    const result = await app.gql('mutation($input: CreateCallInput!) { createCall(input: $input) { id } }', { input }, evaluator);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await rowCounts(app)).toEqual(before);
  });
});
