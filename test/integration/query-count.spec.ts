import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createUser } from '../support/workflow.js';
import { countStatements } from '../support/sql-count.js';

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
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a page of 50 evaluations with every relation costs a constant, small number of statements', async () => {
    let nodes = 0;
    const fifty = await countStatements(async () => {
      const result = await app.gql<{ evaluations: { nodes: unknown[] } }>(PAGE, { first: 50 }, admin);
      expect(result.errors).toBeUndefined();
      nodes = result.data!.evaluations.nodes.length;
    });
    expect(nodes).toBe(50);
    const five = await countStatements(() => app.gql(PAGE, { first: 5 }, admin));
    expect(fifty).toBe(five);
    expect(fifty).toBeGreaterThanOrEqual(6); // the counter sees the statements: the page, users, calls, answers, …
    expect(fifty).toBeLessThanOrEqual(12);
  });
});

describe('the feedback list', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('an agent’s 50 latest evaluations with their answers cost at most 4 SQL statements', async () => {
    const agent = await app.login('agent1@demo.test');
    const FEEDBACK = `{ evaluations(first: 50) { nodes { id score status callStartedAt answers { value comment criterion { code } } } } }`;
    let nodes = 0;
    const statements = await countStatements(async () => {
      const result = await app.gql<{ evaluations: { nodes: unknown[] } }>(FEEDBACK, {}, agent);
      nodes = result.data!.evaluations.nodes.length;
    });
    expect(nodes).toBeGreaterThan(5);
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(4);
  });
});

describe('the coaches’ supervisor availability on the team overview', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
  });
  afterAll(async () => {
    await app?.close();
  });

  const overview = (coaches: string) => `query($teamId: ID!, $from: DateTime!, $to: DateTime!) {
    teamOverview(teamId: $teamId, from: $from, to: $to) { figures { evaluationCount } ${coaches} }
  }`;
  const OVERVIEW = overview('coaches { coach { name email } requested provided supervisorAvailability teamCount }');

  it('costs the same number of statements for one coach as for six, however many teams they coach', async () => {
    const teams = (await app.gql<{ teams: Array<{ id: string; name: string }> }>('{ teams { id name } }', {}, admin)).data!.teams;
    const postventa = teams.find((t) => t.name === 'Postventa')!.id;
    const cobranzas = teams.find((t) => t.name === 'Cobranzas')!.id;
    const variables = {
      teamId: postventa,
      from: new Date(Date.now() - 90 * 86400000).toISOString(),
      to: new Date().toISOString(),
    };
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
