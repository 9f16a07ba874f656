import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../apps/api/src/config/config.js';
import type { AppConfig } from '../../apps/api/src/config/config.js';
import { Clock } from '../../apps/api/src/common/clock.js';
import { startServer } from '../../apps/api/src/server.js';
import type { RunningServer } from '../../apps/api/src/server.js';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-accounts.js';
import { createCast } from './factories.js';
import type { Cast } from './factories.js';
import { createTestDatabase } from './test-database.js';
import type { TestDatabase, TestDatabaseKind } from './test-database.js';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }>;
}

export interface TestApp {
  server: RunningServer;
  url: string;
  db: TestDatabase;
  config: AppConfig;
  /**
   * The people of the demo organisation (same e-mails, teams and roles) and nothing else, unless the
   * app was started with `world: 'demo'` (the whole seeded demo) or `'empty'` (no one).
   */
  cast: Cast;
  /** The app's clock: `app.clock.travelTo(date)` runs every date rule as of `date`. */
  clock: Clock;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  login(email: string, password?: string): Promise<string>;
  /** Rows in a table, straight from the database (to prove that nothing was written). */
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * What the database holds before the test builds its own data: `cast` (default) the demo's
   * people and teams only; `demo` the whole demo organisation (only for tests of the seed itself:
   * its calls depend on the day it is seeded); `empty` nobody.
   */
  world?: 'cast' | 'demo' | 'empty';
  /** Force a kind of database for this app, whatever TEST_DATABASE says (e.g. 'embedded'). */
  database?: TestDatabaseKind;
}

/**
 * The real app on a fresh database, listening on a free port. `TEST_DB_POOL_SIZE` sets the pool
 * (1 proves that nothing inside a transaction reaches for a second connection).
 */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const world = options.world ?? 'cast';
  const db = await createTestDatabase(options.database);
  const dataDir = mkdtempSync(join(tmpdir(), 'decalogo-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    SEED_DEMO: world === 'demo' ? 'true' : 'false',
    ...(process.env['TEST_DB_POOL_SIZE'] ? { DATABASE_POOL_SIZE: process.env['TEST_DB_POOL_SIZE'] } : {}),
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    // TEST_WEB_DIR: a web build of its own (e.g. `ng build web --output-path /tmp/web`), so
    // parallel work does not test against one another's half-written build.
    WEB_DIR: process.env['TEST_WEB_DIR'] ?? join(process.cwd(), 'dist/web/browser'),
    ...env,
  });
  const server = await startServer(config, { logger: ['error'] });
  const gql: TestApp['gql'] = async (query, variables, token) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  const app: TestApp = {
    server,
    url: server.url,
    db,
    config,
    cast: null as unknown as Cast,
    clock: server.app.get(Clock),
    gql,
    async login(email, password = DEMO_PASSWORD) {
      const result = await gql<{ login: { accessToken: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
        { e: email, p: password },
      );
      if (!result.data?.login) throw new Error(`login ${email} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.accessToken;
    },
    async count(table) {
      const [row] = (await server.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>;
      return row!.n;
    },
    async close() {
      await server.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  app.cast = world === 'cast' ? await createCast(app) : await castFromDatabase(app);
  return app;
}

/** The people already in the database (the seeded demo's), as a Cast. */
export async function castFromDatabase(app: TestApp): Promise<Cast> {
  const dataSource = app.server.database.dataSource;
  const teams = (await dataSource.query(`SELECT id, name FROM team`)) as Array<{ id: string; name: string }>;
  const users = (await dataSource.query(`SELECT id, email, name FROM app_user`)) as Array<{
    id: string;
    email: string;
    name: string;
  }>;
  const people = Object.fromEntries(users.map((u) => [u.email, u]));
  return {
    teams: Object.fromEntries(teams.map((t) => [t.name, t.id])) as Cast['teams'],
    people,
    id(email) {
      const person = people[email];
      if (!person) throw new Error(`no one in the database has the e-mail ${email}`);
      return person.id;
    },
  };
}

export const errorCode = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

const WRITE_TABLES = ['call', 'evaluation', 'evaluation_answer', 'dispute', 'audit_entry', 'app_user', 'team'];

/** Row counts of every table a request could write, to prove a refused request wrote nothing. */
export async function rowCounts(app: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WRITE_TABLES) counts[table] = await app.count(table);
  return counts;
}

/** `startTestApp`, then the administrator signs in: how most specs begin. */
export async function startTestAppAsAdmin(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<{ app: TestApp; admin: string }> {
  const app = await startTestApp(env, options);
  try {
    return { app, admin: await app.login('admin@demo.test') };
  } catch (error) {
    // The caller never gets the app to close: close it here.
    await app.close();
    throw error;
  }
}
