import pg from 'pg';
import { createCall as insertCall, createPlan } from '../support/factories.js';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { onPostgresServer, serverUrl } from '../support/test-database.js';
import { answersAll, FACTS, SAVE, START, SUBMIT } from '../support/workflow.js';

// Some faults need a second backend (to hold a lock, or to kill the app's connection) or the
// server's own database administration, which the embedded database does not have.
const serverOnly = (await onPostgresServer()) ? it : it.skip;

/** A connection of the test's own to the app's database (not through the app's pool). */
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Polls `probe` every 50 ms until `done` holds for what it returns, and returns that; gives up
 * after 10 s with an error naming the condition and the last value seen.
 */
async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 200; i++) {
    last = await probe();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up after 10 s waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

type Backend = { pid: number; state: string | null; wait_event_type: string | null; query: string };

/**
 * Waits until a backend of the app's database waits on a lock while running a statement that
 * matches `statement` (an ILIKE pattern); returns its pid. Asked on `watcher`, not on a connection
 * inside a transaction: there pg_stat_activity would be a frozen snapshot.
 */
async function lockWaiter(watcher: pg.Client, statement: string, what: string): Promise<number> {
  const backends = await until(
    what,
    async () =>
      (
        await watcher.query<Backend>(
          `SELECT pid, state, wait_event_type, left(query, 120) AS query FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )
      ).rows,
    (rows) => rows.some((b) => b.wait_event_type === 'Lock' && new RegExp(statement, 'is').test(b.query)),
  );
  return backends.find((b) => b.wait_event_type === 'Lock' && new RegExp(statement, 'is').test(b.query))!.pid;
}

const health = async (app: TestApp) => (await fetch(`${app.url}/health`)).status;

describe('database faults: nothing half-written, the process stays up and recovers by itself', () => {
  let app: TestApp;
  let evaluator: string;
  beforeAll(async () => {
    app = await startTestApp();
    evaluator = await app.login('evaluator@demo.test');
  });
  afterAll(() => app?.close());

  /** A draft of a new call of agent2's with every answer and fact saved, ready to submit. */
  async function readyDraft(): Promise<{ id: string; version: number }> {
    const callId = await insertCall(app, {
      agentId: app.cast.id('agent2@demo.test'),
      startedAt: new Date('2026-03-02T10:00:00Z'),
    });
    const started = await app.gql<{ startEvaluation: { id: string; version: number } }>(START, { callId }, evaluator);
    if (!started.data?.startEvaluation) throw new Error(`start failed: ${JSON.stringify(started.errors)}`);
    const draft = started.data.startEvaluation;
    const saved = await app.gql<{ saveEvaluation: { version: number } }>(
      SAVE,
      { id: draft.id, version: draft.version, input: { answers: answersAll(3), ...FACTS } },
      evaluator,
    );
    if (!saved.data?.saveEvaluation) throw new Error(`save failed: ${JSON.stringify(saved.errors)}`);
    return { id: draft.id, version: saved.data.saveEvaluation.version };
  }

  /** The draft is as it was before the failed submit, with no audit entry of it; then the submit succeeds. */
  async function expectUntouchedThenSubmits(draft: { id: string; version: number }): Promise<void> {
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
    expect(again.errors).toBeUndefined();
    expect(again.data?.submitEvaluation.status).toBe('SUBMITTED');
  }

  it('a statement failing in the middle of submitEvaluation leaves the draft as it was', async () => {
    // Runs on either database: the audit row of a submit is refused by a trigger, after the
    // evaluation's UPDATE in the same transaction.
    const draft = await readyDraft();
    const db = app.server.database.dataSource;
    await db.query(`CREATE FUNCTION refuse_submit_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'evaluation.submit' THEN RAISE EXCEPTION 'the audit is away'; END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER refuse_submit_audit BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION refuse_submit_audit()`,
    );
    try {
      const result = await app.gql(SUBMIT, draft, evaluator);
      expect(errorCode(result)).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await db.query('DROP TRIGGER refuse_submit_audit ON audit_entry');
      await db.query('DROP FUNCTION refuse_submit_audit()');
    }
    await expectUntouchedThenSubmits(draft);
  });

  // PostgreSQL server only: it kills the app's own backend, and the embedded database has just one
  // (the test above covers a failure in the middle of a submit there).
  serverOnly(
    'a connection killed in the middle of submitEvaluation leaves the draft as it was (PostgreSQL server only)',
    async () => {
      expect(app.db.embedded).toBe(false);
      const draft = await readyDraft();
      const [blocker, watcher] = await Promise.all([connect(app.db.url), connect(app.db.url)]);
      try {
        // Hold the audit table so the submit stops after updating the evaluation, before its audit row.
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE audit_entry IN SHARE MODE');
        const submitting = app.gql(SUBMIT, draft, evaluator);
        const pid = await lockWaiter(watcher, 'INSERT INTO.*audit_entry', 'the submit’s audit INSERT to wait on the audit table');
        await blocker.query('SELECT pg_terminate_backend($1)', [pid]);
        await blocker.query('ROLLBACK');
        const result = await submitting;
        expect(errorCode(result)).toBe('INTERNAL_SERVER_ERROR');
      } finally {
        await Promise.all([blocker.end(), watcher.end()]);
      }
      await expectUntouchedThenSubmits(draft);
    },
  );

  // PostgreSQL server only: it closes the database to connections, which is the server's administration.
  serverOnly(
    '/health answers 503 while the database is away and 200 when it is back; requests then succeed again (PostgreSQL server only)',
    async () => {
      expect(app.db.embedded).toBe(false);
      const name = new URL(app.db.url).pathname.slice(1);
      const admin = await connect(serverUrl());
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
      await until(
        '/health to answer 200',
        () => health(app),
        (status) => status === 200,
      );
      const after = await app.gql<{ me: { id: string } }>('{ me { id } }', {}, evaluator);
      expect(after.data?.me.id).toBe(app.cast.id('evaluator@demo.test'));
    },
  );

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
  const activePlan = () =>
    createPlan(app, {
      agentId: app.cast.id('agent3@demo.test'),
      coachId: app.cast.id('coach@demo.test'),
      focusCodes: ['R2'],
      startDate: '2026-03-02',
      dueDate: '2026-04-01',
    });

  const closingAudits = async (id: string) =>
    (
      (await app.server.database.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action IN ('coaching.complete', 'coaching.cancel')`,
        [id],
      )) as Array<{ n: number }>
    )[0]!.n;

  it('completing and cancelling one plan at the same moment: one wins, the other is refused, one audit entry', async () => {
    const coach = await app.login('coach@demo.test');
    const id = await activePlan();
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
    const id = await activePlan();
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

  // PostgreSQL server only: another backend must hold the row while the edit waits for it, and the
  // embedded database has just one (the concurrent closes above cover the version check there).
  serverOnly(
    'an edit overtaken between its read and its write by another writer is a CONFLICT, not an overwrite (PostgreSQL server only)',
    async () => {
      expect(app.db.embedded).toBe(false);
      const coach = await app.login('coach@demo.test');
      const id = await activePlan();
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
        await lockWaiter(watcher, 'UPDATE.*coaching_plan', 'the edit’s UPDATE to wait on the row');
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
    },
  );
});

describe('a statement timeout bounds every query', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({ STATEMENT_TIMEOUT_MS: '500' })));
  afterAll(() => app?.close());

  // PostgreSQL server only, like the test below: the embedded database's socket server does not
  // apply the connection's startup settings (both read 0 there) and PGlite does not enforce
  // statement_timeout in any case.
  serverOnly(
    'every connection of the pool carries the statement and idle-transaction timeouts (PostgreSQL server only)',
    async () => {
      expect(app.db.embedded).toBe(false);
      const settings = await app.server.database.dataSource.query(
        `SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`,
      );
      expect(settings).toEqual([{ statement: '500ms', idle: '1min' }]);
    },
  );

  // PostgreSQL server only: the embedded database accepts statement_timeout but never enforces it,
  // and a statement it runs holds the whole process (it runs in it), so no timer, not even the
  // client-side query timeout, can cancel it there.
  serverOnly(
    'a statement running past STATEMENT_TIMEOUT_MS is cancelled, and the pool carries on (PostgreSQL server only)',
    async () => {
      expect(app.db.embedded).toBe(false);
      await expect(app.server.database.dataSource.query('SELECT pg_sleep(3)')).rejects.toThrow(/statement timeout/);
      await expect(app.server.database.dataSource.query('SELECT 1 AS ok')).resolves.toEqual([{ ok: 1 }]);
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
    },
  );
});
