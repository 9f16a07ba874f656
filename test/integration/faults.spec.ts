import pg from 'pg';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { answersAll, createCall, FACTS, SAVE, START, SUBMIT } from '../support/workflow.js';

const adminUrl = () => process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';

/** A connection of the test's own to the app's database (not through the app's pool). */
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function until<T>(probe: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const health = async (app: TestApp) => (await fetch(`${app.url}/health`)).status;

describe('database faults: nothing half-written, the process stays up and recovers by itself', () => {
  let app: TestApp;
  let evaluator: string;
  beforeAll(async () => {
    app = await startTestApp();
    evaluator = await app.login('evaluator@demo.test');
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A draft with every answer and fact saved, ready to submit. */
  async function readyDraft(): Promise<{ id: string; version: number }> {
    const callId = await createCall(app, evaluator, 'agent2@demo.test');
    const started = await app.gql<{ startEvaluation: { id: string; version: number } }>(START, { callId }, evaluator);
    const draft = started.data!.startEvaluation;
    const saved = await app.gql<{ saveEvaluation: { version: number } }>(
      SAVE,
      { id: draft.id, version: draft.version, input: { answers: answersAll(3), ...FACTS } },
      evaluator,
    );
    return { id: draft.id, version: saved.data!.saveEvaluation.version };
  }

  it('a connection killed in the middle of submitEvaluation leaves the draft as it was', async () => {
    if (app.db.embedded) return; // the embedded database has no other backends to kill
    const draft = await readyDraft();
    const [blocker, watcher] = await Promise.all([connect(app.db.url), connect(app.db.url)]);
    try {
      // Hold the audit table so the submit stops after updating the evaluation, before its audit row.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE audit_entry IN SHARE MODE');
      const submitting = app.gql(SUBMIT, draft, evaluator);
      const pid = await until(async () => {
        // Not from the blocker: inside its transaction pg_stat_activity would be a frozen snapshot.
        const rows = await watcher.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%INSERT INTO%audit_entry%'`,
        );
        return rows.rows[0]?.pid as number | undefined;
      }, 'the submit to wait on the audit table');
      await blocker.query('SELECT pg_terminate_backend($1)', [pid]);
      await blocker.query('ROLLBACK');
      const result = await submitting;
      expect(errorCode(result)).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await Promise.all([blocker.end(), watcher.end()]);
    }
    const [row] = (await app.server.database.dataSource.query('SELECT status, version, score FROM evaluation WHERE id = $1', [
      draft.id,
    ])) as Array<{ status: string; version: number; score: number | null }>;
    expect(row).toEqual({ status: 'DRAFT', version: draft.version, score: null });
    const audits = (await app.server.database.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'evaluation.submit'`,
      [draft.id],
    )) as Array<{ n: number }>;
    expect(audits[0]!.n).toBe(0);

    // The process is up and the same request now succeeds, without a restart.
    expect(await health(app)).toBe(200);
    const again = await app.gql<{ submitEvaluation: { status: string } }>(SUBMIT, draft, evaluator);
    expect(again.data?.submitEvaluation.status).toBe('SUBMITTED');
  });

  it('/health answers 503 while the database is away and 200 when it is back; requests then succeed again', async () => {
    if (app.db.embedded) return;
    const name = new URL(app.db.url).pathname.slice(1);
    const admin = await connect(adminUrl());
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      expect(await health(app)).toBe(503);
      const during = await app.gql('{ me { id } }', {}, evaluator);
      expect(during.errors).toBeDefined();
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await until(async () => (await health(app)) === 200, '/health to recover');
    const after = await app.gql<{ me: { id: string } }>('{ me { id } }', {}, evaluator);
    expect(after.data?.me.id).toBeDefined();
  });

  it('two concurrent saves of the same draft: one succeeds, the other is a CONFLICT', async () => {
    const draft = await readyDraft();
    const save = (comment: string) =>
      app.gql<{ saveEvaluation: { version: number } }>(
        SAVE,
        { id: draft.id, version: draft.version, input: { comment } },
        evaluator,
      );
    const results = await Promise.all([save('primera pestaña'), save('segunda pestaña')]);
    const codes = results.map((r) => (r.errors ? errorCode(r) : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const [row] = (await app.server.database.dataSource.query('SELECT version, comment FROM evaluation WHERE id = $1', [
      draft.id,
    ])) as Array<{
      version: number;
      comment: string;
    }>;
    expect(row!.version).toBe(draft.version + 1);
    expect(['primera pestaña', 'segunda pestaña']).toContain(row!.comment);
  });

  /** A fresh active plan of agent3's (coached by coach@), at version 1. */
  async function activePlan(coach: string): Promise<string> {
    const [agent] = (await app.server.database.dataSource.query(
      `SELECT id FROM app_user WHERE email = 'agent3@demo.test'`,
    )) as Array<{
      id: string;
    }>;
    const today = new Date().toISOString().slice(0, 10);
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const created = await app.gql<{ createCoachingPlan: { id: string } }>(
      'mutation($input: CreateCoachingPlanInput!) { createCoachingPlan(input: $input) { id } }',
      {
        input: {
          agentId: agent!.id,
          focusCodes: ['R2'],
          methods: ['ROLE_PLAY'],
          targetFocusScore: 75,
          startDate: today,
          dueDate: due,
        },
      },
      coach,
    );
    return created.data!.createCoachingPlan.id;
  }

  const closingAudits = async (id: string) =>
    (
      (await app.server.database.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action IN ('coaching.complete', 'coaching.cancel')`,
        [id],
      )) as Array<{ n: number }>
    )[0]!.n;

  it('completing and cancelling one plan at the same moment: one wins, the other is refused, one audit entry', async () => {
    const coach = await app.login('coach@demo.test');
    const id = await activePlan(coach);
    const results = await Promise.all(
      ['completeCoachingPlan', 'cancelCoachingPlan'].map((mutation) =>
        app.gql(`mutation($id: ID!) { ${mutation}(id: $id) { status } }`, { id }, coach),
      ),
    );
    const outcomes = results.map((r) => (r.errors ? errorCode(r) : 'OK')).sort();
    expect(outcomes).toEqual(['BAD_USER_INPUT', 'OK']);
    const refused = results.find((r) => r.errors)!;
    expect(refused.errors![0]!.message).toMatch(/already (completed|cancelled)/);
    expect(await closingAudits(id)).toBe(1);
  });

  it('completing and cancelling one plan at the same moment, both from the version read: one wins, the other is a CONFLICT', async () => {
    const coach = await app.login('coach@demo.test');
    const id = await activePlan(coach);
    const results = await Promise.all(
      ['completeCoachingPlan', 'cancelCoachingPlan'].map((mutation) =>
        app.gql(`mutation($id: ID!) { ${mutation}(id: $id, version: 1) { status version } }`, { id }, coach),
      ),
    );
    const outcomes = results.map((r) => (r.errors ? errorCode(r) : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const [row] = (await app.server.database.dataSource.query('SELECT status, version FROM coaching_plan WHERE id = $1', [
      id,
    ])) as Array<{ status: string; version: number }>;
    expect(row!.version).toBe(2);
    expect(['COMPLETED', 'CANCELLED']).toContain(row!.status);
    expect(await closingAudits(id)).toBe(1);
  });

  it('an edit overtaken between its read and its write by another writer is a CONFLICT, not an overwrite', async () => {
    if (app.db.embedded) return; // needs a second backend to hold the row
    const coach = await app.login('coach@demo.test');
    const id = await activePlan(coach);
    const [blocker, watcher] = await Promise.all([connect(app.db.url), connect(app.db.url)]);
    try {
      // Another writer has changed the row (version 1 → 2) but not committed yet: the edit still
      // reads version 1, passes every check, and its UPDATE waits for that writer's row lock.
      await blocker.query('BEGIN');
      await blocker.query('UPDATE coaching_plan SET target_focus_score = 50, version = version + 1 WHERE id = $1', [id]);
      const editing = app.gql(
        'mutation($id: ID!, $input: UpdateCoachingPlanInput!) { updateCoachingPlan(id: $id, version: 1, input: $input) { version } }',
        { id, input: { targetFocusScore: 90 } },
        coach,
      );
      await until(async () => {
        const rows = await watcher.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%UPDATE%coaching_plan%'`,
        );
        return rows.rows[0]?.pid as number | undefined;
      }, 'the edit to wait on the row');
      await blocker.query('COMMIT');
      const result = await editing;
      expect(errorCode(result)).toBe('CONFLICT');
    } finally {
      await Promise.all([blocker.end(), watcher.end()]);
    }
    const [row] = (await app.server.database.dataSource.query(
      'SELECT version, target_focus_score FROM coaching_plan WHERE id = $1',
      [id],
    )) as Array<{ version: number; target_focus_score: number }>;
    expect(row).toEqual({ version: 2, target_focus_score: 50 });
    const audits = (await app.server.database.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'coaching.update'`,
      [id],
    )) as Array<{ n: number }>;
    expect(audits[0]!.n).toBe(0);
  });
});

describe('a statement timeout bounds every query', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ STATEMENT_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a statement running past STATEMENT_TIMEOUT_MS is cancelled, and the pool carries on', async () => {
    await expect(app.server.database.dataSource.query('SELECT pg_sleep(3)')).rejects.toThrow(/statement timeout/);
    await expect(app.server.database.dataSource.query('SELECT 1 AS ok')).resolves.toEqual([{ ok: 1 }]);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });
});
