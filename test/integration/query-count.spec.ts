import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
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
