import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { backupDatabase, restoreDatabase } from '../../apps/api/src/database/backup.js';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres.js';
import { startServer } from '../../apps/api/src/server.js';
import { startTestApp } from '../support/test-app.js';
import { onPostgresServer } from '../support/test-database.js';

const TEAMS = '{ teams { name } }';

// pg_dump and pg_restore need a PostgreSQL server; the embedded database's own drill (a copy of
// its data folder) runs everywhere below.
const serverOnly = (await onPostgresServer()) ? it : it.skip;

async function triggers(server: { database: { dataSource: { query(sql: string): Promise<unknown> } } }): Promise<string[]> {
  const rows = (await server.database.dataSource.query(
    `SELECT tgrelid::regclass || '.' || tgname AS name FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`,
  )) as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

describe('restore drill on a PostgreSQL server (pg_dump / pg_restore)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decalogo-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  serverOnly(
    'brings the database back to the backup: later writes are gone, the app starts and signs in (PostgreSQL server only)',
    async () => {
      const app = await startTestApp();
      let server = app.server;
      try {
        expect(app.db.embedded).toBe(false);
        const admin = await app.login('admin@demo.test');
        const triggersBefore = await triggers(server);
        expect(triggersBefore.length).toBeGreaterThan(0);
        // Backups of a server are taken while the API runs.
        const archive = await backupDatabase({ databaseUrl: app.db.url, dataDir: dir }, join(dir, 'drill.dump'));
        await expect(backupDatabase({ databaseUrl: app.db.url, dataDir: dir }, archive)).rejects.toThrow(/already exists/);
        const created = await app.gql('mutation { createTeam(input: { name: "Después de la copia" }) { id } }', {}, admin);
        expect(created.errors).toBeUndefined();
        const teamsBefore = (await app.gql<{ teams: Array<{ name: string }> }>(TEAMS, {}, admin)).data!.teams.map((t) => t.name);
        expect(teamsBefore.sort()).toEqual(['Cobranzas', 'Después de la copia', 'Postventa']);

        await server.close();
        await restoreDatabase({ databaseUrl: app.db.url, dataDir: dir }, archive);
        server = await startServer(app.config, { logger: ['error'] });

        const login = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation { login(email: "admin@demo.test", password: "decalogo-demo") { accessToken } }',
          }),
        });
        const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
        const teams = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: TEAMS }),
        });
        const names = ((await teams.json()) as { data: { teams: Array<{ name: string }> } }).data.teams.map((t) => t.name);
        // The teams of the backup, and not the one created after it.
        expect(names.sort()).toEqual(['Cobranzas', 'Postventa']);
        // The schema's own guards (triggers) came back with it.
        expect(await triggers(server)).toEqual(triggersBefore);
      } finally {
        await server.close().catch(() => undefined);
        await app.db.drop();
      }
    },
  );
});

describe('restore drill on the embedded database (a copy of its data folder)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decalogo-embedded-backup-'));
  const dataDir = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const embedded = await startEmbeddedPostgres(dataDir);
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
      await embedded.stop();
    }
  }

  it('refuses while the database is open, and brings back exactly what was backed up', async () => {
    const config = { databaseUrl: null, dataDir };
    const backup = join(dir, 'backup');
    await withDatabase(async (client) => {
      await client.query('CREATE TABLE drill (n int)');
      await client.query('INSERT INTO drill VALUES (1)');
      await expect(backupDatabase(config, backup)).rejects.toThrow(/in use by process \d+: stop the server first/);
    });
    await backupDatabase(config, backup);

    await withDatabase(async (client) => {
      await client.query('INSERT INTO drill VALUES (2)');
      await expect(restoreDatabase(config, backup)).rejects.toThrow(/in use by process/);
    });
    await restoreDatabase(config, backup);
    await expect(restoreDatabase(config, join(dir, 'nowhere'))).rejects.toThrow(/There is no backup/);

    const rows = await withDatabase(async (client) => (await client.query('SELECT n FROM drill ORDER BY n')).rows);
    expect(rows).toEqual([{ n: 1 }]);
    // Three starts of the embedded database and two copies of its folder: a generous bound, so a
    // busy machine does not fail a drill that only asserts what was restored.
  }, 240_000);
});
