import { computeScore, DEFAULT_RUBRIC, trendPerWeek } from '@decalogo/scoring';
import { WeeklyDrawJob } from '../../apps/api/src/sampling/weekly-draw.job.js';
import { seedDemoData } from '../../apps/api/src/seed/demo-seed.js';
import { castFromDatabase, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

/**
 * The demo organisation `npm start` seeds is a test of its own: at any date it must give every
 * screen data — calls waiting in the queue, evaluations in every status, a dispute each evaluator
 * can resolve, feedback to acknowledge, plans in every status. It is checked at three reference
 * dates: the day summer time begins in Madrid, a year end, and an ordinary midweek day.
 */
const REFERENCE_DATES = ['2026-03-29T10:00:00Z', '2026-12-31T16:00:00Z', '2027-06-16T09:00:00Z'];
const WEEK_MS = 7 * 24 * 3600 * 1000;

describe.each(REFERENCE_DATES)('the demo organisation seeded on %s', (reference) => {
  const now = new Date(reference);
  let app: TestApp;
  const sql = <T>(query: string, params: unknown[] = []) => app.server.database.dataSource.query(query, params) as Promise<T[]>;
  const window = { from: new Date(now.getTime() - 12 * WEEK_MS).toISOString(), to: now.toISOString() };
  beforeAll(async () => {
    app = await startTestApp({ ORG_TIME_ZONE: 'Europe/Madrid' }, { world: 'empty' });
    expect(await seedDemoData(app.server.database.dataSource, now)).toBe(true);
    app.cast = await castFromDatabase(app);
    app.clock.travelTo(now);
  });
  afterAll(() => app?.close());

  it('has 300 calls over the 12 weeks before it for the ten agents, with Spanish transcripts, none in the future', async () => {
    const [row] = await sql<{ calls: number; agents: number; oldest: Date; newest: Date; empty: number }>(
      `SELECT count(*)::int AS calls, count(DISTINCT agent_id)::int AS agents, min(started_at) AS oldest,
              max(started_at) AS newest, count(*) FILTER (WHERE jsonb_array_length(transcript) < 3)::int AS empty FROM call`,
    );
    expect(row).toMatchObject({ calls: 300, agents: 10, empty: 0 });
    expect(now.getTime() - new Date(row!.oldest).getTime()).toBeLessThanOrEqual(12 * WEEK_MS);
    expect(new Date(row!.newest).getTime()).toBeLessThan(now.getTime());
    const purposes = await sql<{ purpose: string }>(`SELECT DISTINCT purpose FROM call`);
    expect(purposes.map((p) => p.purpose)).toEqual(
      expect.arrayContaining(['SUPPORT', 'COMPLAINT', 'SALES', 'COLLECTIONS_EARLY', 'COLLECTIONS_LATE']),
    );
  });

  it('has evaluations by both evaluators in every status, critical failures and both dispute decisions', async () => {
    const rows = await sql<{ email: string; status: string; n: number }>(
      `SELECT u.email, e.status, count(*)::int AS n FROM evaluation e JOIN app_user u ON u.id = e.evaluator_id GROUP BY 1, 2`,
    );
    for (const status of ['DRAFT', 'SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED']) {
      expect(rows.filter((r) => r.status === status).map((r) => r.status)).toContain(status);
    }
    expect(new Set(rows.map((r) => r.email))).toEqual(new Set(['evaluator@demo.test', 'evaluator2@demo.test']));
    const [cf] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation WHERE critical_failure`);
    expect(cf!.n).toBeGreaterThan(0);
    const decisions = await sql<{ decision: string }>(`SELECT decision FROM dispute WHERE decision IS NOT NULL`);
    expect(decisions.map((d) => d.decision).sort()).toEqual(['AMEND', 'UPHOLD']);
  });

  it('has an active weekly sampling plan whose draw of last week fills both evaluators’ queues', async () => {
    // What the server does right after seeding: the Monday job, as of `now`.
    const results = await app.server.app.get(WeeklyDrawJob).run();
    expect(results).toHaveLength(1);
    expect(results[0]!.error).toBeUndefined();
    expect(results[0]!.drawn).toBeGreaterThanOrEqual(5);
    for (const email of ['evaluator@demo.test', 'evaluator2@demo.test']) {
      const result = await app.gql<{ assignments: Array<{ status: string; reason: string }> }>(
        '{ assignments { status reason } }',
        {},
        await app.login(email),
      );
      expect(result.data!.assignments.length).toBeGreaterThan(0);
      expect(result.data!.assignments.every((a) => a.status === 'OPEN' && a.reason === 'Muestreo semanal')).toBe(true);
    }
  });

  it('gives each evaluator an open dispute of the other’s evaluation to resolve', async () => {
    for (const [email, other] of [
      ['evaluator@demo.test', 'evaluator2@demo.test'],
      ['evaluator2@demo.test', 'evaluator@demo.test'],
    ] as const) {
      const result = await app.gql<{ evaluations: { nodes: Array<{ evaluator: { email: string } }> } }>(
        '{ evaluations(filter: { status: [DISPUTED] }, first: 100) { nodes { evaluator { email } } } }',
        {},
        await app.login(email),
      );
      expect(result.data!.evaluations.nodes.map((n) => n.evaluator.email)).toContain(other);
    }
  });

  it('gives the queue calls to evaluate, the agents feedback to acknowledge within the dispute window', async () => {
    const evaluator = await app.login('evaluator@demo.test');
    const queue = await app.gql<{ calls: { nodes: unknown[] } }>(
      '{ calls(filter: { evaluated: false }, first: 20) { nodes { id } } }',
      {},
      evaluator,
    );
    expect(queue.data!.calls.nodes.length).toBeGreaterThan(0);
    const agent = await app.login('agent1@demo.test');
    const feedback = await app.gql<{ evaluations: { nodes: Array<{ disputableUntil: string }> } }>(
      '{ evaluations(filter: { status: [SUBMITTED] }, first: 50) { nodes { disputableUntil } } }',
      {},
      agent,
    );
    const open = feedback.data!.evaluations.nodes.filter((n) => new Date(n.disputableUntil).getTime() > now.getTime());
    expect(open.length).toBeGreaterThan(0);
  });

  it('gives the coach’s screens figures: every agent of the team evaluated in the window, with a weekly series', async () => {
    const coach = await app.login('coach@demo.test');
    const overview = await app.gql<{ teamOverview: { agents: Array<{ agent: { email: string }; evaluationCount: number }> } }>(
      'query($t: ID!, $f: DateTime!, $to: DateTime!) { teamOverview(teamId: $t, from: $f, to: $to) { agents { agent { email } evaluationCount } } }',
      { t: app.cast.teams.Postventa, f: window.from, to: window.to },
      coach,
    );
    expect(overview.errors).toBeUndefined();
    const agents = overview.data!.teamOverview.agents;
    expect(agents).toHaveLength(5);
    expect(agents.every((a) => a.evaluationCount >= 5)).toBe(true);
    const progress = await app.gql<{ agentProgress: { weeks: unknown[] } }>(
      'query($a: ID!, $f: DateTime!, $to: DateTime!) { agentProgress(agentId: $a, from: $f, to: $to) { weeks { weekStart } } }',
      { a: app.cast.id('agent2@demo.test'), f: window.from, to: window.to },
      coach,
    );
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.agentProgress.weeks.length).toBeGreaterThanOrEqual(8);
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

  it('has coaching plans in every status, with one agent who clearly improved and one who did not', async () => {
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

describe('the demo organisation on start', () => {
  it('is seeded into an empty database by the server itself (SEED_DEMO), and never twice', async () => {
    const app = await startTestApp({}, { world: 'demo' });
    try {
      expect(app.server.seeded).toBe(true);
      expect(await app.count('call')).toBe(300);
      expect(await seedDemoData(app.server.database.dataSource)).toBe(false);
      expect(await app.count('call')).toBe(300);
    } finally {
      await app.close();
    }
  });
});
