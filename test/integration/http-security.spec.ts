import pg from 'pg';
import { startTestApp, startTestAppAsAdmin } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { onPostgresServer, serverUrl } from '../support/test-database.js';
import { countStatements } from '../support/sql-count.js';

// Taking the database away from a running app is the server's administration, which the
// embedded database does not have.
const serverOnly = (await onPostgresServer()) ? it : it.skip;

const ALLOWED_ORIGIN = 'https://qa.example.com';

describe('HTTP: headers, CORS, CSRF, batching, body size, abuse limits', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => ({ app, admin } = await startTestAppAsAdmin({ CORS_ORIGINS: ALLOWED_ORIGIN })));
  afterAll(() => app?.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers },
      body,
    });

  it('sends security headers with a Content-Security-Policy that allows no inline script', async () => {
    for (const path of ['/', '/graphql', '/health']) {
      const response = await fetch(`${app.url}${path}`, { method: path === '/graphql' ? 'POST' : 'GET' });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("script-src-attr 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('answers CORS only for the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    expect((await preflight(ALLOWED_ORIGIN)).headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a text/plain POST and a GET that would run a mutation, and writes nothing', async () => {
    const before = await app.count('team');
    const mutation = 'mutation { createTeam(input: { name: "CSRF" }) { id } }';
    const plain = await post(JSON.stringify({ query: mutation }), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(400);
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { authorization: `Bearer ${admin}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBeGreaterThanOrEqual(400);
    expect(await app.count('team')).toBe(before);
  });

  it('refuses batched requests', async () => {
    const response = await post(JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]));
    expect(response.status).toBe(400);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const response = await post(JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(response.status).toBe(413);
  });

  it('refuses a nested query bomb before any SQL runs', async () => {
    const bomb = `{ evaluations { nodes { call { evaluations { call { evaluations { call { evaluations { call { id } } } } } } } } } }`;
    let body: { errors?: Array<{ extensions?: { code?: string } }> } = {};
    const statements = await countStatements(async () => {
      body = (await (await post(JSON.stringify({ query: bomb }))).json()) as typeof body;
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(statements).toBe(0);
  });

  it('answers a syntax error and an over-long document with 400 GRAPHQL_PARSE_FAILED, never a 5xx', async () => {
    for (const query of ['{', `{ me { ${'id '.repeat(3000)} } }`]) {
      const response = await post(JSON.stringify({ query }));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    }
  });

  it('caps list sizes at 100', async () => {
    const result = await app.gql('{ evaluations(first: 101) { nodes { id } } }', {}, admin);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('suggests field names outside production (introspection is on there too)', async () => {
    const typo = await app.gql('{ me { emial } }', {}, admin);
    expect(typo.errors?.[0]?.message).toMatch(/Did you mean "email"/);
    const schema = await app.gql('{ __schema { queryType { name } } }', {}, admin);
    expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('HTTP in production: no introspection, no field suggestions', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({ NODE_ENV: 'production' })));
  afterAll(() => app?.close());

  it('refuses introspection and hides suggestions', async () => {
    const admin = await app.login('admin@demo.test');
    const schema = await app.gql('{ __schema { queryType { name } } }', {}, admin);
    expect(schema.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await app.gql('{ me { emial } }', {}, admin);
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  const PLAIN_FAILURE = [
    {
      message: 'Something went wrong on the server. Try again later.',
      path: ['evaluations'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    },
  ];

  it('never shows SQL, paths or driver messages: a failing statement is a plain message', async () => {
    // Runs on either database: the table the query reads is briefly renamed away.
    const admin = await app.login('admin@demo.test');
    const db = app.server.database.dataSource;
    await db.query('ALTER TABLE evaluation RENAME TO evaluation_away');
    try {
      const result = await app.gql('{ evaluations(first: 5) { nodes { id } } }', {}, admin);
      expect(result.errors).toEqual(PLAIN_FAILURE);
    } finally {
      await db.query('ALTER TABLE evaluation_away RENAME TO evaluation');
    }
    const after = await app.gql('{ evaluations(first: 5) { nodes { id } } }', {}, admin);
    expect(after).toEqual({ status: 200, data: { evaluations: { nodes: [] } } });
  });

  serverOnly(
    'never shows SQL, paths or driver messages: a database that went away is a plain message (PostgreSQL server only)',
    async () => {
      expect(app.db.embedded).toBe(false);
      const admin = await app.login('admin@demo.test');
      const name = new URL(app.db.url).pathname.slice(1);
      const server = new pg.Client({ connectionString: serverUrl() });
      await server.connect();
      try {
        await server.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await server.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
        const result = await app.gql('{ evaluations(first: 5) { nodes { id } } }', {}, admin);
        expect(result.errors).toEqual(PLAIN_FAILURE);
      } finally {
        await server.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        await server.end();
      }
    },
  );
});

describe('HTTP: per-client request rate limit', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '20' })));
  afterAll(() => app?.close());

  it('answers 429 TOO_MANY_REQUESTS past the limit, per user, with Retry-After', async () => {
    const agent = await app.login('agent1@demo.test');
    const other = await app.login('agent2@demo.test');
    const me = (token: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await me(agent)).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    const refused = await me(agent);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe(
      'TOO_MANY_REQUESTS',
    );
    // Another user is not affected.
    expect((await me(other)).status).toBe(200);
  });
});
