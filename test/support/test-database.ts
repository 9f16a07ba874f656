import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres.js';

export interface TestDatabase {
  url: string;
  /** true when no PostgreSQL server answered and the embedded one stands in. */
  embedded: boolean;
  drop(): Promise<void>;
}

/** The PostgreSQL server's administrative connection: DATABASE_URL, else postgres@127.0.0.1:5432. */
export const serverUrl = () => process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Said once per test run (jest reloads modules per file, so the mark is a file, not a variable). */
function announceFallbackOnce(host: string): void {
  const mark = join(tmpdir(), `decalogo-embedded-fallback-${process.pid}`);
  if (existsSync(mark)) return;
  writeFileSync(mark, '');
  process.stdout.write(`No PostgreSQL answered at ${host}: integration tests run on the embedded database.\n`);
}

async function serverAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Which database the suite runs on: `TEST_DATABASE=embedded` runs every file on the embedded
 * database (what `npm start` gives a new user), `server` on the PostgreSQL server and fails when
 * none answers (CI: a run must never silently fall back), unset tries the server and falls back
 * to the embedded database with one line saying so.
 */
export type TestDatabaseKind = 'embedded' | 'server' | 'auto';

export function testDatabaseKind(env: NodeJS.ProcessEnv = process.env): TestDatabaseKind {
  const kind = env['TEST_DATABASE']?.trim() || 'auto';
  if (kind !== 'embedded' && kind !== 'server' && kind !== 'auto')
    throw new Error(`TEST_DATABASE must be embedded, server or auto, got "${kind}"`);
  return kind;
}

/**
 * Whether a file's apps run on a PostgreSQL server, decided the way createTestDatabase decides
 * it. The embedded database is one process with a single backend and no server administration,
 * so tests that need either are declared with `serverOnly` and reported as skipped there.
 */
export async function onPostgresServer(): Promise<boolean> {
  return testDatabaseKind() !== 'embedded' && (await serverAnswers(serverUrl()));
}

async function embeddedTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'decalogo-test-'));
  const embedded = await startEmbeddedPostgres(dir);
  return {
    url: embedded.url,
    embedded: true,
    async drop() {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A database of its own for one test file: created on the PostgreSQL server (DATABASE_URL, else
 * postgres@127.0.0.1:5432) and dropped afterwards, or an embedded one (see `testDatabaseKind`).
 */
export async function createTestDatabase(kind: TestDatabaseKind = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === 'embedded') return embeddedTestDatabase();
  const admin = serverUrl();
  if (!(await serverAnswers(admin))) {
    if (kind === 'server') throw new Error(`TEST_DATABASE=server but no PostgreSQL answered at ${new URL(admin).host}.`);
    announceFallbackOnce(new URL(admin).host);
    return embeddedTestDatabase();
  }
  const name = `decalogo_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    async drop() {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
