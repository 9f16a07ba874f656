import { computeScore, DEFAULT_RUBRIC, trendPerWeek } from '../../libs/scoring/src/index.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

describe('the demo organisation', () => {
  let app: TestApp;
  const sql = <T>(query: string, params: unknown[] = []) => app.server.database.dataSource.query(query, params) as Promise<T[]>;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has ~300 calls over the last 12 weeks for the ten agents, with Spanish transcripts', async () => {
    const [row] = await sql<{ calls: number; agents: number; oldest: Date; empty: number }>(
      `SELECT count(*)::int AS calls, count(DISTINCT agent_id)::int AS agents, min(started_at) AS oldest,
              count(*) FILTER (WHERE jsonb_array_length(transcript) < 3)::int AS empty FROM call`,
    );
    expect(row).toMatchObject({ calls: 300, agents: 10, empty: 0 });
    expect(Date.now() - new Date(row!.oldest).getTime()).toBeLessThanOrEqual(12 * 7 * 24 * 3600 * 1000);
    const purposes = await sql<{ purpose: string }>(`SELECT DISTINCT purpose FROM call`);
    expect(purposes.map((p) => p.purpose)).toEqual(
      expect.arrayContaining(['SUPPORT', 'COMPLAINT', 'SALES', 'COLLECTIONS_EARLY', 'COLLECTIONS_LATE']),
    );
  });

  it('has evaluations by both evaluators in every status, critical failures, disputes and an amended one', async () => {
    const rows = await sql<{ email: string; status: string; n: number }>(
      `SELECT u.email, e.status, count(*)::int AS n FROM evaluation e JOIN app_user u ON u.id = e.evaluator_id GROUP BY 1, 2`,
    );
    for (const status of ['DRAFT', 'SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED']) {
      expect(rows.some((r) => r.status === status)).toBe(true);
    }
    expect(new Set(rows.map((r) => r.email))).toEqual(new Set(['evaluator@demo.test', 'evaluator2@demo.test']));
    const [cf] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation WHERE critical_failure`);
    expect(cf!.n).toBeGreaterThan(0);
    const decisions = await sql<{ decision: string }>(`SELECT decision FROM dispute WHERE decision IS NOT NULL`);
    expect(decisions.map((d) => d.decision).sort()).toEqual(['AMEND', 'UPHOLD']);
  });

  it('stores the score libs/scoring computes from the stored answers, with evidence on every 0 or 1', async () => {
    const evaluations = await sql<{ id: string; score: number; raw_score: number; critical_failure: boolean }>(
      `SELECT id, score, raw_score, critical_failure FROM evaluation WHERE status <> 'DRAFT'`,
    );
    const answers = await sql<{
      evaluation_id: string;
      criterion_code: string;
      value: number | null;
      not_applicable: boolean;
      comment: string | null;
    }>(`SELECT * FROM evaluation_answer`);
    for (const evaluation of evaluations) {
      const own = answers.filter((a) => a.evaluation_id === evaluation.id);
      expect(own).toHaveLength(10);
      const result = computeScore(
        DEFAULT_RUBRIC,
        Object.fromEntries(own.map((a) => [a.criterion_code, a.not_applicable ? null : a.value])),
      );
      expect(evaluation.score).toBeCloseTo(result.score, 9);
      expect(evaluation.raw_score).toBeCloseTo(result.rawScore, 9);
      expect(evaluation.critical_failure).toBe(result.criticalFailure);
    }
    expect(answers.filter((a) => a.value !== null && a.value <= 1).every((a) => (a.comment ?? '').length > 10)).toBe(true);
  });

  it('shows per-agent differences and trends a coach would notice', async () => {
    const rows = await sql<{ email: string; score: number; at: Date }>(
      `SELECT u.email, e.score, e.call_started_at AS at FROM evaluation e JOIN app_user u ON u.id = e.agent_id WHERE e.status <> 'DRAFT'`,
    );
    const of = (email: string) => rows.filter((r) => r.email === email);
    const mean = (email: string) => of(email).reduce((s, r) => s + r.score, 0) / of(email).length;
    const trend = (email: string) => trendPerWeek(of(email).map((r) => ({ at: new Date(r.at), score: r.score })))!;
    expect(mean('agent7@demo.test') - mean('agent10@demo.test')).toBeGreaterThan(15);
    expect(trend('agent2@demo.test')).toBeGreaterThan(0.5);
    expect(trend('agent4@demo.test')).toBeLessThan(0);
  });
});

describe('the demo coaching plans', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('come in every status, with one agent who clearly improved and one who did not', async () => {
    const result = await app.gql<{
      coachingPlans: Array<{ status: string; delta: number | null; agent: { email: string }; sessions: unknown[] }>;
    }>(
      '{ coachingPlans { status delta baseline current agent { email } sessions { id } } }',
      {},
      await app.login('admin@demo.test'),
    );
    const plans = result.data!.coachingPlans;
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['ACTIVE', 'OVERDUE', 'COMPLETED', 'CANCELLED']));
    const improved = plans.find((p) => p.agent.email === 'agent2@demo.test')!;
    const flat = plans.find((p) => p.agent.email === 'agent4@demo.test')!;
    expect(improved.delta).toBeGreaterThan(8);
    expect(flat.delta!).toBeLessThan(4);
    expect(plans.every((p) => p.sessions.length > 0)).toBe(true);
  });
});
