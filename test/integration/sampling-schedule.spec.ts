import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { isoWeekStart } from '@decalogo/scoring';
import { WEEKLY_DRAW_QUEUE } from '../../apps/api/src/sampling/weekly-draw.job.js';
import { createTestDatabase, onPostgresServer } from '../support/test-database.js';
import type { TestDatabase } from '../support/test-database.js';

// Two API processes on one database, each with the weekly draw scheduled every minute: pg-boss
// creates each minute's run once across both, and the draw of a plan's week is written once.
// Needs the built API (`npm run build:api`, done by `npm test` before the suites), and a
// PostgreSQL server: an embedded database can be opened by one process only.
const MAIN = resolve('dist/api/apps/api/src/main.js');
const serverOnly = (await onPostgresServer()) ? it : it.skip;

/** Starts `node dist/…/main.js` on the database; resolves when it says it is running. */
function startApiProcess(databaseUrl: string, dataDir: string, output: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      JWT_SECRET: 'schedule-test-secret-that-is-long-enough-0123456789',
      ORG_TIME_ZONE: 'UTC',
      SAMPLING_DRAW_CRON: '* * * * *',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API process did not start:\n${output.join('')}`)), 60_000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('Decálogo is running')) {
        clearTimeout(timer);
        resolvePromise(child);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API process ended (${code}):\n${output.join('')}`));
    });
  });
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const ended = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([ended, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
  clearTimeout(timer);
  if (child.exitCode === null) child.kill('SIGKILL');
}

describe('the weekly draw across API processes', () => {
  let db: TestDatabase | undefined;
  let client: pg.Client | undefined;
  const processes: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'decalogo-schedule-'));
  const output: string[][] = [[], []];

  afterAll(async () => {
    await Promise.all(processes.map(stop));
    await client?.end();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  serverOnly(
    'two processes scheduling the same draw every minute draw the plan’s week once',
    async () => {
      if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (npm run build:api).`);
      db = await createTestDatabase('server');
      processes.push(await startApiProcess(db.url, join(dataDir, 'a'), output[0]!));
      client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const one = async <T>(sql: string, params: unknown[] = []) => ((await client!.query(sql, params)).rows as T[])[0]!;

      // A team with two agents and an evaluator; calls this week and last week, so whichever week
      // is "the week that has just ended" when the job runs, it has calls to draw.
      const { id: teamId } = await one<{ id: string }>(`INSERT INTO team (name) VALUES ('Dos procesos') RETURNING id`);
      const person = (email: string, roles: string[], team: string | null) =>
        one<{ id: string }>(
          `INSERT INTO app_user (email, name, roles, password_hash, locale, team_id) VALUES ($1, $1, $2, '$argon2id$unusable', 'es', $3) RETURNING id`,
          [email, roles, team],
        );
      const admin = await person('admin@two.test', ['ADMIN'], null);
      await person('evaluator@two.test', ['EVALUATOR'], null);
      const agents = [await person('a1@two.test', ['AGENT'], teamId), await person('a2@two.test', ['AGENT'], teamId)];
      const now = Date.now();
      for (const agent of agents)
        for (const daysAgo of [1, 2, 8, 9, 10])
          await client.query(
            `INSERT INTO call (external_id, agent_id, started_at, duration_seconds, direction, purpose) VALUES ($1, $2, $3, 300, 'INBOUND', 'SUPPORT')`,
            [`T-${agent.id.slice(0, 8)}-${daysAgo}`, agent.id, new Date(now - daysAgo * 86_400_000)],
          );
      const { id: planId } = await one<{ id: string }>(
        `INSERT INTO sampling_plan (name, team_ids, calls_per_agent_per_week, seed, created_by) VALUES ('Cada minuto', $1, 1, 's', $2) RETURNING id`,
        [[teamId], admin.id],
      );

      processes.push(await startApiProcess(db.url, join(dataDir, 'b'), output[1]!));

      // The first scheduled run comes at the next minute (and pg-boss checks its schedule every 30 s).
      const deadline = Date.now() + 150_000;
      let drawn: { n: number } = { n: 0 };
      while (Date.now() < deadline) {
        drawn = await one<{ n: number }>(`SELECT count(*)::int AS n FROM sampling_draw WHERE plan_id = $1`, [planId]);
        if (drawn.n > 0) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(drawn.n).toBe(1);
      // Let both workers finish whatever they picked up.
      await new Promise((r) => setTimeout(r, 3_000));

      const draws = (
        await client.query(`SELECT to_char(week_start, 'YYYY-MM-DD') AS week FROM sampling_draw WHERE plan_id = $1`, [planId])
      ).rows;
      expect(draws).toHaveLength(1);
      const week = draws[0].week as string;
      expect([isoWeekStart(new Date(now - 7 * 86_400_000), 'UTC'), isoWeekStart(new Date(now), 'UTC')]).toContain(week);
      // One call per agent, written once, by one run.
      expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM assignment WHERE plan_id = $1`, [planId])).n).toBe(
        agents.length,
      );
      expect(
        (
          await one<{ n: number }>(
            `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'sampling.draw' AND entity_id = $1`,
            [planId],
          )
        ).n,
      ).toBe(1);
      // Both processes scheduled the job; pg-boss keeps one schedule and created one run for the minute.
      expect((await client.query(`SELECT name FROM pgboss.schedule WHERE name = $1`, [WEEKLY_DRAW_QUEUE])).rows).toHaveLength(1);
      const runs = (await client.query(`SELECT state FROM pgboss.job WHERE name = $1`, [WEEKLY_DRAW_QUEUE])).rows as Array<{
        state: string;
      }>;
      expect(runs.filter((r) => r.state === 'completed')).toHaveLength(1);
      expect(runs.filter((r) => r.state === 'failed')).toEqual([]);
      // Both processes are still running.
      expect(processes.every((child) => child.exitCode === null)).toBe(true);
    },
    240_000,
  );
});
