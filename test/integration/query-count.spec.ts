import { allAnswers, createEvaluatedCall } from '../support/factories.js';
import type { EvaluationStatus } from '../support/factories.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createUser } from '../support/workflow.js';
import { countStatements } from '../support/sql-count.js';

const HOUR_MS = 3600_000;
const FIRST_CALL = new Date('2026-03-02T08:00:00Z');
const STATUSES: EvaluationStatus[] = ['SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED'];
const AGENTS = Array.from({ length: 10 }, (_, i) => `agent${i + 1}@demo.test`);

/**
 * One evaluation per slot i, of a call i hours after FIRST_CALL: of the agents in turn (or all of
 * `agent`), by either evaluator, in every submitted status (disputes too), with a transcript and
 * every answer.
 */
async function evaluations(app: TestApp, slots: number[], agent?: string): Promise<void> {
  for (const i of slots) {
    await createEvaluatedCall(
      app,
      {
        agentId: app.cast.id(agent ?? AGENTS[i % AGENTS.length]!),
        startedAt: new Date(FIRST_CALL.getTime() + i * HOUR_MS),
        transcript: `AGENT: [00:01] Buenos días, le atiende la línea ${i}.\nCUSTOMER: [00:06] Llamo por la factura ${i}.`,
      },
      {
        evaluatorId: app.cast.id(i % 3 === 0 ? 'evaluator2@demo.test' : 'evaluator@demo.test'),
        answers: allAnswers(i % 5, { R8: 3, R9: 3, R2: i % 4 === 0 ? null : 2 }),
        status: STATUSES[i % STATUSES.length],
        supervisorRequested: i % 2 === 0,
        supervisorProvided: i % 2 === 0 ? i % 4 === 0 : null,
      },
    );
  }
}

const PAGE = `query($first: Int!) { evaluations(first: $first) { nodes {
  id score status
  call { externalId transcript { text } agent { name team { name } } }
  agent { email } evaluator { email }
  rubricVersion { number criteria { code } }
  answers { value comment criterion { code title } }
  dispute { reason }
} pageInfo { hasNextPage endCursor } } }`;

describe('no query per row', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
    // 60 evaluations of all ten agents by both evaluators, scored with two rubric versions (the
    // second a copy of the first) whose calls alternate, so both the first 5 and the first 50 mix
    // versions, agents, evaluators, statuses and disputes.
    const slots = Array.from({ length: 60 }, (_, i) => i);
    await evaluations(
      app,
      slots.filter((i) => i % 2 === 0),
    );
    const draft = await app.gql<{ createRubricDraft: { id: string } }>('mutation { createRubricDraft { id } }', {}, admin);
    const published = await app.gql(
      'mutation($id: ID!) { publishRubricVersion(id: $id) { number } }',
      { id: draft.data!.createRubricDraft.id },
      admin,
    );
    expect(published.data).toEqual({ publishRubricVersion: { number: 2 } });
    await evaluations(
      app,
      slots.filter((i) => i % 2 === 1),
    );
  });
  afterAll(() => app?.close());

  it('a page of 50 evaluations with every relation costs a constant, small number of statements', async () => {
    type Node = { agent: { email: string }; evaluator: { email: string }; rubricVersion: { number: number }; dispute: unknown };
    const page = async (first: number) => {
      let nodes: Node[] = [];
      const statements = await countStatements(async () => {
        const result = await app.gql<{ evaluations: { nodes: Node[] } }>(PAGE, { first }, admin);
        expect(result.errors).toBeUndefined();
        nodes = result.data!.evaluations.nodes;
      });
      const distinct = (values: unknown[]) => new Set(values).size;
      return {
        statements,
        rows: nodes.length,
        agents: distinct(nodes.map((n) => n.agent.email)),
        evaluators: distinct(nodes.map((n) => n.evaluator.email)),
        versions: distinct(nodes.map((n) => n.rubricVersion.number)),
        disputes: nodes.filter((n) => n.dispute).length,
      };
    };
    const fifty = await page(50);
    const five = await page(5);
    // Calls 59 down to 10, then 59 to 55 (a dispute when i mod 4 is 2 or 3): ten times the rows,
    // twice the agents, many more disputes, and the same statements.
    expect(fifty).toMatchObject({ rows: 50, agents: 10, evaluators: 2, versions: 2, disputes: 26 });
    expect(five).toMatchObject({ rows: 5, agents: 5, evaluators: 2, versions: 2, disputes: 3 });
    expect(fifty.statements).toBe(five.statements);
    expect(fifty.statements).toBeGreaterThanOrEqual(6); // the counter sees the statements: the page, users, calls, answers, …
    expect(fifty.statements).toBeLessThanOrEqual(12);
  });
});

describe('the feedback list', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    // 60 evaluations of agent1's calls, more than a page of 50.
    await evaluations(
      app,
      Array.from({ length: 60 }, (_, i) => i),
      'agent1@demo.test',
    );
  });
  afterAll(() => app?.close());

  it('an agent’s 50 latest evaluations with their answers cost at most 4 SQL statements', async () => {
    const agent = await app.login('agent1@demo.test');
    const feedback = (first: number) =>
      `{ evaluations(first: ${first}) { nodes { id score status callStartedAt answers { value comment criterion { code } } } } }`;
    const read = async (first: number) => {
      let nodes = 0;
      const statements = await countStatements(async () => {
        const result = await app.gql<{ evaluations: { nodes: unknown[] } }>(feedback(first), {}, agent);
        expect(result.errors).toBeUndefined();
        nodes = result.data!.evaluations.nodes.length;
      });
      return { nodes, statements };
    };
    const fifty = await read(50);
    expect(fifty.nodes).toBe(50);
    expect(fifty.statements).toBeGreaterThan(0);
    expect(fifty.statements).toBeLessThanOrEqual(4);
    expect(await read(5)).toEqual({ nodes: 5, statements: fifty.statements });
  });
});

describe('the coaches’ supervisor availability on the team overview', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
    // Evaluations of both teams' agents in the window, half of them with a supervisor requested.
    await evaluations(
      app,
      Array.from({ length: 20 }, (_, i) => i),
    );
  });
  afterAll(() => app?.close());

  const overview = (coaches: string) => `query($teamId: ID!, $from: DateTime!, $to: DateTime!) {
    teamOverview(teamId: $teamId, from: $from, to: $to) { figures { evaluationCount } ${coaches} }
  }`;
  const OVERVIEW = overview('coaches { coach { name email } requested provided supervisorAvailability teamCount }');

  it('costs the same number of statements for one coach as for six, however many teams they coach', async () => {
    const teams = (await app.gql<{ teams: Array<{ id: string; name: string }> }>('{ teams { id name } }', {}, admin)).data!.teams;
    const postventa = teams.find((t) => t.name === 'Postventa')!.id;
    const cobranzas = teams.find((t) => t.name === 'Cobranzas')!.id;
    const variables = { teamId: postventa, from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
    const read = async () => {
      let coaches = 0;
      const statements = await countStatements(async () => {
        const result = await app.gql<{ teamOverview: { coaches: unknown[] } }>(OVERVIEW, variables, admin);
        expect(result.errors).toBeUndefined();
        coaches = result.data!.teamOverview.coaches.length;
      });
      return { coaches, statements };
    };
    await read(); // warm: the first request of a process prepares what later ones reuse
    const one = await read();
    expect(one.coaches).toBe(1);
    // The counter sees the coaches' two statements, which are skipped when nobody asks for them.
    const without = await countStatements(async () => {
      expect((await app.gql(overview(''), variables, admin)).errors).toBeUndefined();
    });
    expect(one.statements - without).toBe(2);

    const coachIds: string[] = [];
    for (let i = 1; i <= 5; i++) {
      coachIds.push(
        await createUser(app, admin, { email: `extra.coach${i}@demo.test`, name: `Coach Extra ${i}`, roles: ['COACH'] }),
      );
    }
    const current = (
      await app.gql<{ teams: Array<{ id: string; coaches: Array<{ id: string }> }> }>(
        '{ teams { id coaches { id } } }',
        {},
        admin,
      )
    ).data!.teams;
    const coachesOf = (id: string) => current.find((t) => t.id === id)!.coaches.map((c) => c.id);
    const assign = async (teamId: string, ids: string[]) => {
      const result = await app.gql(
        'mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id } }',
        { id: teamId, input: { coachIds: ids } },
        admin,
      );
      expect(result.errors).toBeUndefined();
    };
    await assign(postventa, [...coachesOf(postventa), ...coachIds]);
    await assign(cobranzas, [...coachesOf(cobranzas), ...coachIds.slice(0, 3)]);

    const six = await read();
    expect(six.coaches).toBe(6);
    expect(six.statements).toBe(one.statements);
    expect(six.statements).toBeLessThanOrEqual(8);
  });
});
