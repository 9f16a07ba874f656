import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../apps/api/src/config/config.js';
import { startServer } from '../../apps/api/src/server.js';

const LOGIN = 'mutation { login(email: "admin@demo.test", password: "decalogo-demo") { accessToken } }';

async function post(url: string, query: string, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

describe('the embedded database (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'decalogo-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = () =>
    loadConfig({
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // The same pool and web build as the other integration tests (see test/support/test-app.ts).
      ...(process.env['TEST_DB_POOL_SIZE'] ? { DATABASE_POOL_SIZE: process.env['TEST_DB_POOL_SIZE'] } : {}),
      WEB_DIR: process.env['TEST_WEB_DIR'] ?? join(process.cwd(), 'dist/web/browser'),
    });

  it('migrates, seeds the demo, serves, and keeps data and sessions across a restart', async () => {
    const first = await startServer(config(), { logger: ['error'] });
    let token: string;
    let teamId: string;
    try {
      expect(first.database.embedded).toBe(true);
      expect(first.seeded).toBe(true);
      expect(await (await fetch(`${first.url}/health`)).json()).toEqual({ status: 'ok' });
      token = (await post(first.url, LOGIN)).data!['login'].accessToken;
      const created = await post(first.url, 'mutation { createTeam(input: { name: "Ventas" }) { id } }', token);
      teamId = created.data!['createTeam'].id;
    } finally {
      await first.close();
    }

    const second = await startServer(config(), { logger: ['error'] });
    try {
      expect(second.seeded).toBe(false);
      // The generated signing secret is kept in DATA_DIR, so the old token still works.
      const teams = await post(second.url, '{ teams { id name } }', token);
      expect(teams.data!['teams']).toEqual(expect.arrayContaining([{ id: teamId, name: 'Ventas' }]));
      const rubric = await post(second.url, '{ activeRubric { number criteria { code } } }', token);
      expect(rubric.data!['activeRubric'].criteria).toHaveLength(10);
    } finally {
      await second.close();
    }
  });
});
