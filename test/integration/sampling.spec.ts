import { studentTQuantile } from '@decalogo/scoring';
import { WeeklyDrawJob } from '../../apps/api/src/sampling/weekly-draw.job.js';
import { allAnswers, createCall, createEvaluation, createPerson, createTeam } from '../support/factories.js';
import type { Person } from '../support/factories.js';
import { countStatements } from '../support/sql-count.js';
import { errorCode, startTestAppAsAdmin } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { answersAll, scoreAndSubmit } from '../support/workflow.js';

const PLAN_FIELDS =
  'id name callsPerAgentPerWeek stratifyByPurpose purposes seed targetMargin includeCoaches flaggedShare active missingTeamIds teams { id }';
const CREATE = `mutation($input: SamplingPlanInput!) { createSamplingPlan(input: $input) { ${PLAN_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: SamplingPlanInput!) { updateSamplingPlan(id: $id, input: $input) { ${PLAN_FIELDS} } }`;
const ASSIGNMENT_FIELDS =
  'id weekStart dueDate status reason reasonKind call { id purpose agent { id } } evaluator { id } plan { id } evaluation { id status }';
const DRAW = `mutation($planId: ID!, $weekStart: Date!, $dryRun: Boolean) {
  drawSample(planId: $planId, weekStart: $weekStart, dryRun: $dryRun) { ${ASSIGNMENT_FIELDS} } }`;
const ASSIGNMENTS = `query($evaluatorId: ID, $status: AssignmentStatus, $weekStart: Date, $planId: ID) {
  assignments(evaluatorId: $evaluatorId, status: $status, weekStart: $weekStart, planId: $planId) { ${ASSIGNMENT_FIELDS} } }`;
const COVERAGE = `query($planId: ID!) { samplingCoverage(planId: $planId) { weekStart drawn started done overdue unassigned } }`;
const ADVICE = `query($agentId: ID!, $from: DateTime!, $to: DateTime!, $targetMargin: Float) {
  sampleAdvice(agentId: $agentId, from: $from, to: $to, targetMargin: $targetMargin) {
    agent { id } evaluationCount meanScore marginOfError targetMargin additionalNeeded } }`;

interface Assignment {
  id: string;
  weekStart: string;
  dueDate: string;
  status: string;
  reason: string;
  reasonKind: string;
  call: { id: string; purpose: string; agent: { id: string } };
  evaluator: { id: string };
  plan: { id: string } | null;
  evaluation: { id: string; status: string } | null;
}

/** The drawn week: Monday 2 March 2026 (organisation time zone UTC), due Sunday 15 March. */
const WEEK = '2026-03-02';
const NEXT_WEEK = '2026-03-09';
/** `hours` after the start of WEEK. */
const inWeek = (hours: number, week = WEEK) => new Date(Date.parse(`${week}T00:00:00Z`) + hours * 3600_000);

describe('sampling plans: the weekly draw, the queue and sample advice', () => {
  let app: TestApp;
  let admin: string;
  let evaluator: string;
  let agentToken: string;
  let team: { id: string; name: string };
  let agents: Person[];
  /** An agent of the team who also evaluates: never given their own calls. */
  let evaluatorAgent: Person;
  let evaluatorIds: string[];

  const plan = async (overrides: Record<string, unknown> = {}) => {
    const result = await app.gql<{ createSamplingPlan: { id: string; seed: string } }>(
      CREATE,
      {
        input: {
          name: `Plan ${Math.random().toString(36).slice(2, 8)}`,
          teamIds: [team.id],
          callsPerAgentPerWeek: 3,
          seed: 'semilla',
          ...overrides,
        },
      },
      admin,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createSamplingPlan;
  };
  const draw = async (planId: string, weekStart = WEEK, dryRun = false) => {
    const result = await app.gql<{ drawSample: Assignment[] }>(DRAW, { planId, weekStart, dryRun }, admin);
    expect(result.errors).toBeUndefined();
    return result.data!.drawSample;
  };
  const stored = async (sql: string, params: unknown[] = []) =>
    (await app.server.database.dataSource.query(sql, params)) as Array<Record<string, unknown>>;

  beforeAll(async () => {
    ({ app, admin } = await startTestAppAsAdmin());
    app.clock.travelTo(new Date('2026-03-10T10:00:00Z'));
    evaluator = await app.login('evaluator@demo.test');
    agentToken = await app.login('agent1@demo.test');
    team = await createTeam(app, 'Muestreo');
    agents = [];
    for (const name of ['Ana', 'Beto', 'Carla'])
      agents.push(await createPerson(app, { roles: ['AGENT'], teamId: team.id, name: `Agente ${name}` }));
    evaluatorAgent = await createPerson(app, { roles: ['AGENT', 'EVALUATOR'], teamId: team.id, name: 'Agente Evaluadora' });
    agents.push(evaluatorAgent);
    evaluatorIds = [app.cast.id('evaluator@demo.test'), app.cast.id('evaluator2@demo.test'), evaluatorAgent.id];
    // Per agent: six eligible calls in WEEK (two SALES), one already evaluated, one the week before.
    for (const agent of agents) {
      for (let i = 0; i < 6; i += 1)
        await createCall(app, { agentId: agent.id, startedAt: inWeek(10 + i * 20), purpose: i < 2 ? 'SALES' : 'SUPPORT' });
      const evaluated = await createCall(app, { agentId: agent.id, startedAt: inWeek(30) });
      await createEvaluation(app, { callId: evaluated, evaluatorId: app.cast.id('evaluator@demo.test'), answers: allAnswers(3) });
      await createCall(app, { agentId: agent.id, startedAt: inWeek(-2) });
    }
  });
  afterAll(() => app?.close());

  describe('plans', () => {
    it('an administrator creates, changes and pauses a plan; each change is audited', async () => {
      const created = await plan({ purposes: ['SUPPORT', 'SALES'], targetMargin: 4 });
      const changed = await app.gql(
        UPDATE,
        { id: created.id, input: { name: 'Plan pausado', teamIds: [team.id], callsPerAgentPerWeek: 5, active: false } },
        admin,
      );
      expect(changed.errors).toBeUndefined();
      expect(changed.data!['updateSamplingPlan']).toMatchObject({
        name: 'Plan pausado',
        callsPerAgentPerWeek: 5,
        active: false,
        seed: 'semilla', // kept when left out
        targetMargin: 5, // the default again: the input replaces the settings
        purposes: null,
        teams: [{ id: team.id }],
      });
      const audit = await stored(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY at`, [created.id]);
      expect(audit.map((a) => a['action'])).toEqual(['sampling.createPlan', 'sampling.updatePlan']);
    });

    it('a plan without a seed gets a random one', async () => {
      const [a, b] = [await plan({ seed: null }), await plan({ seed: null })];
      expect(a.seed).toMatch(/^[\w-]{16}$/);
      expect(a.seed).not.toBe(b.seed);
    });

    it.each([
      [{ callsPerAgentPerWeek: 0 }, 'input.callsPerAgentPerWeek', /between 1 and 50/],
      [{ callsPerAgentPerWeek: 51 }, 'input.callsPerAgentPerWeek', /between 1 and 50/],
      [{ flaggedShare: 1.5 }, 'input.flaggedShare', /between 0 and 1/],
      [{ targetMargin: 0 }, 'input.targetMargin', /targetMargin/],
      [{ teamIds: [] }, 'input.teamIds', /at least one team/],
      [{ teamIds: ['00000000-0000-4000-8000-000000000000'] }, 'input.teamIds[0]', /not a team/],
      [{ name: '   ' }, 'input.name', /name/],
    ])('refuses %j naming the field, and writes nothing', async (overrides, field, message) => {
      const before = await app.count('sampling_plan');
      const result = await app.gql(
        CREATE,
        { input: { name: 'Plan inválido', teamIds: [team.id], callsPerAgentPerWeek: 3, ...overrides } },
        admin,
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.field).toBe(field);
      expect(result.errors![0]!.message).toMatch(message);
      expect(await app.count('sampling_plan')).toBe(before);
    });

    it('refuses an unknown purpose and a second plan of the same name', async () => {
      const unknown = await app.gql(
        CREATE,
        { input: { name: 'X', teamIds: [team.id], callsPerAgentPerWeek: 3, purposes: ['GOSSIP'] } },
        admin,
      );
      expect(unknown.errors?.[0]?.message).toMatch(/purposes/);
      const first = await plan({ name: 'Único' });
      expect(first.id).toBeTruthy();
      const again = await app.gql(CREATE, { input: { name: 'ÚNICO', teamIds: [team.id], callsPerAgentPerWeek: 3 } }, admin);
      expect(errorCode(again)).toBe('BAD_USER_INPUT');
      expect(again.errors![0]!.extensions!.field).toBe('input.name');
    });

    it('only administrators write plans; evaluators read them; agents neither', async () => {
      const created = await plan();
      const byEvaluator = await app.gql(CREATE, { input: { name: 'E', teamIds: [team.id], callsPerAgentPerWeek: 1 } }, evaluator);
      expect(errorCode(byEvaluator)).toBe('FORBIDDEN');
      const drawByEvaluator = await app.gql(DRAW, { planId: created.id, weekStart: WEEK, dryRun: true }, evaluator);
      expect(errorCode(drawByEvaluator)).toBe('FORBIDDEN');
      const read = await app.gql<{ samplingPlans: Array<{ id: string }> }>(`{ samplingPlans { id } }`, {}, evaluator);
      expect(read.data!.samplingPlans.map((p) => p.id)).toContain(created.id);
      expect(errorCode(await app.gql(`{ samplingPlans { id } }`, {}, agentToken))).toBe('FORBIDDEN');
    });
  });

  describe('the draw', () => {
    it('previews without writing, then draws the same calls: n per agent, eligible only, balanced, never one’s own call', async () => {
      const { id } = await plan({ name: 'Semanal' });
      const before = { assignments: await app.count('assignment'), draws: await app.count('sampling_draw') };
      const preview = await draw(id, WEEK, true);
      expect(await app.count('assignment')).toBe(before.assignments);
      expect(await app.count('sampling_draw')).toBe(before.draws);
      expect(preview.every((a) => a.id === `preview:${a.call.id}`)).toBe(true);

      const drawn = await draw(id);
      expect(drawn.map((a) => a.call.id).sort()).toEqual(preview.map((a) => a.call.id).sort());
      expect(drawn).toHaveLength(3 * agents.length);
      for (const agent of agents) expect(drawn.filter((a) => a.call.agent.id === agent.id)).toHaveLength(3);
      // Only calls of WEEK without an evaluation.
      const calls = await stored(
        `SELECT c.id, c.started_at, (SELECT count(*)::int FROM evaluation e WHERE e.call_id = c.id) AS evaluations
           FROM call c WHERE c.id = ANY($1::uuid[])`,
        [drawn.map((a) => a.call.id)],
      );
      for (const call of calls) {
        expect((call['started_at'] as Date).getTime()).toBeGreaterThanOrEqual(inWeek(0).getTime());
        expect((call['started_at'] as Date).getTime()).toBeLessThan(inWeek(7 * 24).getTime());
        expect(call['evaluations']).toBe(0);
      }
      expect(drawn.every((a) => a.evaluator.id !== a.call.agent.id)).toBe(true);
      expect(drawn.every((a) => a.status === 'OPEN' && a.dueDate === '2026-03-15' && a.weekStart === WEEK)).toBe(true);
      expect(drawn.every((a) => a.reasonKind === 'PLAN' && a.reason === 'Semanal' && a.plan?.id === id)).toBe(true);
      // Balanced: every evaluator of the pool holds as many open assignments as any other, give or take one.
      const open = await stored(
        `SELECT u.id, (SELECT count(*)::int FROM assignment a WHERE a.evaluator_id = u.id AND a.status <> 'DONE') AS open
           FROM app_user u WHERE u.id = ANY($1::uuid[])`,
        [evaluatorIds],
      );
      const counts = open.map((o) => o['open'] as number);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    });

    it('drawing a week again changes nothing, and two draws at once make one set of assignments', async () => {
      const { id } = await plan();
      const [first, second] = await Promise.all([draw(id, NEXT_WEEK), draw(id, NEXT_WEEK)]);
      expect(first.map((a) => a.id).sort()).toEqual(second.map((a) => a.id).sort());
      const again = await draw(id, NEXT_WEEK);
      expect(again.map((a) => a.id).sort()).toEqual(first.map((a) => a.id).sort());
      const [{ n }] = (await stored(`SELECT count(*)::int AS n FROM assignment WHERE plan_id = $1`, [id])) as Array<{
        n: number;
      }>;
      expect(n).toBe(first.length);
      const audits = await stored(`SELECT 1 FROM audit_entry WHERE entity_id = $1 AND action = 'sampling.draw'`, [id]);
      expect(audits).toHaveLength(1);
    });

    it('a call already assigned by another plan is not drawn again; fewer eligible than n gives all of them', async () => {
      const lonely = await createTeam(app, 'Pocas llamadas');
      const agent = await createPerson(app, { roles: ['AGENT'], teamId: lonely.id });
      const week = '2026-02-16';
      const calls = [
        await createCall(app, { agentId: agent.id, startedAt: inWeek(5, week) }),
        await createCall(app, { agentId: agent.id, startedAt: inWeek(50, week) }),
      ];
      const a = await plan({ teamIds: [lonely.id], callsPerAgentPerWeek: 5 });
      const b = await plan({ teamIds: [lonely.id], callsPerAgentPerWeek: 5 });
      expect((await draw(a.id, week)).map((x) => x.call.id).sort()).toEqual([...calls].sort());
      expect(await draw(b.id, week)).toEqual([]);
    });

    it('shares n among purposes by largest remainder when stratified, and keeps to the eligible purposes', async () => {
      // Per agent: 2 SALES and 4 SUPPORT eligible in the week of 23 Feb; n = 3 → 1 SALES (quota 1.0), 2 SUPPORT (quota 2.0).
      const week = '2026-02-23';
      for (const agent of agents)
        for (let i = 0; i < 6; i += 1)
          await createCall(app, { agentId: agent.id, startedAt: inWeek(3 + i, week), purpose: i < 2 ? 'SALES' : 'SUPPORT' });
      const stratified = await plan({ stratifyByPurpose: true });
      const drawn = await draw(stratified.id, week, true);
      for (const agent of agents) {
        const mine = drawn.filter((x) => x.call.agent.id === agent.id);
        expect(mine.filter((x) => x.call.purpose === 'SALES')).toHaveLength(1);
        expect(mine.filter((x) => x.call.purpose === 'SUPPORT')).toHaveLength(2);
      }
      const salesOnly = await plan({ purposes: ['SALES'], callsPerAgentPerWeek: 5 });
      const sales = await draw(salesOnly.id, week, true);
      expect(sales).toHaveLength(2 * agents.length);
      expect(sales.every((x) => x.call.purpose === 'SALES')).toBe(true);
    });

    it('draws any number of agents with the same statements: no query per agent or per call', async () => {
      const week = '2026-04-06';
      const sized = async (agentCount: number) => {
        const crew = await createTeam(app, `Tamaño ${agentCount}`);
        for (let i = 0; i < agentCount; i += 1) {
          const agent = await createPerson(app, { roles: ['AGENT'], teamId: crew.id });
          for (let c = 0; c < 3; c += 1)
            await createCall(app, {
              agentId: agent.id,
              startedAt: inWeek(1 + i + c * 30, week),
              purpose: c ? 'SUPPORT' : 'SALES',
            });
        }
        const { id } = await plan({ teamIds: [crew.id], callsPerAgentPerWeek: 2, stratifyByPurpose: true });
        const preview = await countStatements(() => draw(id, week, true));
        let drawn: Assignment[] = [];
        const written = await countStatements(async () => {
          drawn = await draw(id, week);
        });
        expect(drawn).toHaveLength(2 * agentCount);
        return { preview, written };
      };
      const small = await sized(2);
      const large = await sized(12);
      expect(large).toEqual(small);
    });

    it('reads the queue with the same statements for 2 or 20 assignments', async () => {
      const queue = `query($planId: ID) { assignments(planId: $planId) { id status reason call { externalId agent { name } } evaluator { name } plan { name } evaluation { id } } }`;
      const sized = async (agentCount: number) => {
        const crew = await createTeam(app, `Cola ${agentCount}`);
        for (let i = 0; i < agentCount; i += 1) {
          const agent = await createPerson(app, { roles: ['AGENT'], teamId: crew.id });
          await createCall(app, { agentId: agent.id, startedAt: inWeek(5 + i, '2026-04-13') });
        }
        const { id } = await plan({ teamIds: [crew.id], callsPerAgentPerWeek: 1 });
        await draw(id, '2026-04-13');
        let rows = 0;
        const statements = await countStatements(async () => {
          const result = await app.gql<{ assignments: unknown[] }>(queue, { planId: id }, admin);
          rows = result.data!.assignments.length;
        });
        expect(rows).toBe(agentCount);
        return statements;
      };
      expect(await sized(20)).toBe(await sized(2));
    });

    it('refuses a week that does not start on Monday, and an unknown plan', async () => {
      const { id } = await plan();
      const tuesday = await app.gql(DRAW, { planId: id, weekStart: '2026-03-03' }, admin);
      expect(errorCode(tuesday)).toBe('BAD_USER_INPUT');
      expect(tuesday.errors![0]!.extensions!.field).toBe('weekStart');
      const unknown = await app.gql(DRAW, { planId: '00000000-0000-4000-8000-000000000000', weekStart: WEEK }, admin);
      expect(errorCode(unknown)).toBe('NOT_FOUND');
    });

    it('a plan whose team was removed says which one, and does not draw', async () => {
      const doomed = await createTeam(app, 'Equipo disuelto');
      const { id } = await plan({ teamIds: [team.id, doomed.id] });
      await stored(`DELETE FROM team WHERE id = $1`, [doomed.id]);
      const read = await app.gql<{ samplingPlan: { missingTeamIds: string[]; teams: Array<{ id: string }> } }>(
        `query($id: ID!) { samplingPlan(id: $id) { missingTeamIds teams { id } } }`,
        { id },
        admin,
      );
      expect(read.data!.samplingPlan).toEqual({ missingTeamIds: [doomed.id], teams: [{ id: team.id }] });
      const before = await app.count('assignment');
      const result = await app.gql(DRAW, { planId: id, weekStart: '2026-01-05' }, admin);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.field).toBe('teamIds');
      expect(result.errors![0]!.message).toContain(doomed.id);
      expect(await app.count('assignment')).toBe(before);
    });

    it('each Monday the active plans draw the week that has just ended; paused plans do not', async () => {
      const week = '2026-01-12';
      // A team of its own, so that no other active plan of this spec draws its calls first.
      const night = await createTeam(app, 'Turno de noche');
      const nightAgents = [
        await createPerson(app, { roles: ['AGENT'], teamId: night.id }),
        await createPerson(app, { roles: ['AGENT'], teamId: night.id }),
      ];
      for (const agent of nightAgents) await createCall(app, { agentId: agent.id, startedAt: inWeek(30, week) });
      const active = await plan({ teamIds: [night.id], callsPerAgentPerWeek: 1 });
      const paused = await plan({ teamIds: [night.id], callsPerAgentPerWeek: 1, active: false });
      const clock = new Date('2026-01-19T06:00:00Z');
      app.clock.travelTo(clock);
      try {
        const job = app.server.app.get(WeeklyDrawJob);
        expect(job.lastWeek()).toBe(week);
        const results = await job.run();
        expect(results.find((r) => r.planId === active.id)).toEqual({ planId: active.id, drawn: nightAgents.length });
        expect(results.find((r) => r.planId === paused.id)).toBeUndefined();
        const draws = await stored(`SELECT drawn_by FROM sampling_draw WHERE plan_id = $1 AND week_start = $2`, [
          active.id,
          week,
        ]);
        expect(draws).toEqual([{ drawn_by: null }]);
      } finally {
        app.clock.travelTo(new Date('2026-03-10T10:00:00Z'));
      }
    });
  });

  describe('the queue', () => {
    it('an evaluator sees their assignments oldest due first; starting and submitting move them OPEN → STARTED → DONE; coverage follows', async () => {
      const { id } = await plan({ callsPerAgentPerWeek: 2 });
      const week = '2026-03-02';
      const lateCalls = [];
      for (const agent of agents) lateCalls.push(await createCall(app, { agentId: agent.id, startedAt: inWeek(100, week) }));
      const drawn = await draw(id, week);
      const me = app.cast.id('evaluator@demo.test');
      const mine = await app.gql<{ assignments: Assignment[] }>(ASSIGNMENTS, { planId: id }, evaluator);
      expect(mine.errors).toBeUndefined();
      const list = mine.data!.assignments;
      expect(list.length).toBe(drawn.filter((a) => a.evaluator.id === me).length);
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((a) => a.evaluator.id === me)).toBe(true);

      const target = list[0]!;
      const evaluation = await scoreAndSubmit(app, evaluator, target.call.id, answersAll(3));
      const after = (await app.gql<{ assignments: Assignment[] }>(ASSIGNMENTS, { planId: id }, evaluator)).data!.assignments;
      expect(after.find((a) => a.id === target.id)).toMatchObject({
        status: 'DONE',
        evaluation: { id: evaluation.id, status: 'SUBMITTED' },
      });
      // Not done first: the done one goes to the end.
      expect(after.at(-1)!.id).toBe(target.id);

      const second = list[1];
      if (second) {
        const started = await app.gql<{ startEvaluation: { id: string } }>(
          `mutation($callId: ID!) { startEvaluation(callId: $callId) { id } }`,
          { callId: second.call.id },
          evaluator,
        );
        expect(started.errors).toBeUndefined();
        const now = (await app.gql<{ assignments: Assignment[] }>(ASSIGNMENTS, { planId: id, status: 'STARTED' }, evaluator))
          .data!.assignments;
        expect(now.map((a) => a.id)).toEqual([second.id]);
      }
      const coverage = await app.gql<{ samplingCoverage: Array<Record<string, unknown>> }>(COVERAGE, { planId: id }, admin);
      expect(coverage.data!.samplingCoverage).toEqual([
        { weekStart: week, drawn: drawn.length, started: second ? 1 : 0, done: 1, overdue: 0, unassigned: 0 },
      ]);

      // After the due date (Sunday 15 March) what is not done is OVERDUE.
      app.clock.travelTo(new Date('2026-03-16T08:00:00Z'));
      try {
        const overdue = (await app.gql<{ assignments: Assignment[] }>(ASSIGNMENTS, { planId: id, status: 'OVERDUE' }, evaluator))
          .data!.assignments;
        expect(overdue.map((a) => a.id).sort()).toEqual(
          list
            .filter((a) => a.id !== target.id)
            .map((a) => a.id)
            .sort(),
        );
        expect(overdue.every((a) => a.status === 'OVERDUE')).toBe(true);
        const later = await app.gql<{ samplingCoverage: Array<Record<string, unknown>> }>(COVERAGE, { planId: id }, admin);
        expect(later.data!.samplingCoverage[0]).toMatchObject({ done: 1, started: 0, overdue: drawn.length - 1 });
      } finally {
        app.clock.travelTo(new Date('2026-03-10T10:00:00Z'));
      }
    });

    it('calls a plan drew leave the list of calls to pick by hand', async () => {
      const { id } = await plan({ callsPerAgentPerWeek: 1 });
      const week = '2026-02-02';
      const agent = agents[0]!;
      const calls = [
        await createCall(app, { agentId: agent.id, startedAt: inWeek(1, week) }),
        await createCall(app, { agentId: agent.id, startedAt: inWeek(2, week) }),
      ];
      const [drawn] = await draw(id, week);
      const list = async (assigned: boolean) =>
        (
          await app.gql<{ calls: { nodes: Array<{ id: string }> } }>(
            `query($a: Boolean) { calls(filter: { assigned: $a, from: "2026-02-02T00:00:00Z", to: "2026-02-09T00:00:00Z" }, first: 50) { nodes { id } } }`,
            { a: assigned },
            admin,
          )
        ).data!.calls.nodes.map((c) => c.id);
      expect(await list(true)).toEqual([drawn!.call.id]);
      expect(await list(false)).toEqual(calls.filter((c) => c !== drawn!.call.id));
    });

    it('nobody but an administrator reads another person’s assignments', async () => {
      const other = app.cast.id('evaluator2@demo.test');
      const result = await app.gql(ASSIGNMENTS, { evaluatorId: other }, evaluator);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.field).toBe('evaluatorId');
      const byAdmin = await app.gql<{ assignments: Assignment[] }>(ASSIGNMENTS, { evaluatorId: other }, admin);
      expect(byAdmin.errors).toBeUndefined();
      expect(byAdmin.data!.assignments.every((a) => a.evaluator.id === other)).toBe(true);
      expect(errorCode(await app.gql(ASSIGNMENTS, {}, agentToken))).toBe('FORBIDDEN');
    });
  });

  describe('sample advice', () => {
    it('gives the margin of error and the exact number of further evaluations to reach the target, by Student’s t', async () => {
      const agent = await createPerson(app, { roles: ['AGENT'], teamId: team.id });
      // Scores of all-3 (75), all-2 (50), all-4 (100) and all-3 again: mean 75, sd √(1250/3).
      const values = [3, 2, 4, 3];
      for (const [i, value] of values.entries()) {
        const call = await createCall(app, { agentId: agent.id, startedAt: inWeek(24 * i, '2026-01-05') });
        await createEvaluation(app, {
          callId: call,
          evaluatorId: app.cast.id('evaluator@demo.test'),
          answers: allAnswers(value),
        });
      }
      const scores = values.map((v) => v * 25);
      const n = scores.length;
      const mean = scores.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / (n - 1));
      const margin = (k: number) => (studentTQuantile(0.975, n + k - 1) * sd) / Math.sqrt(n + k);
      let k = 0;
      while (margin(k) > 5) k += 1;

      const result = await app.gql<{ sampleAdvice: Record<string, unknown> }>(
        ADVICE,
        { agentId: agent.id, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
        admin,
      );
      expect(result.errors).toBeUndefined();
      const advice = result.data!.sampleAdvice;
      expect(advice['agent']).toEqual({ id: agent.id });
      expect(advice['evaluationCount']).toBe(4);
      expect(advice['meanScore']).toBeCloseTo(75, 10);
      expect(advice['marginOfError']).toBeCloseTo(margin(0), 10);
      expect(advice['targetMargin']).toBe(5);
      expect(advice['additionalNeeded']).toBe(k);
      expect(margin(k)).toBeLessThanOrEqual(5);
      expect(margin(k - 1)).toBeGreaterThan(5);

      const wider = await app.gql<{ sampleAdvice: Record<string, unknown> }>(
        ADVICE,
        { agentId: agent.id, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', targetMargin: 100 },
        admin,
      );
      expect(wider.data!.sampleAdvice['additionalNeeded']).toBe(0);
    });

    it('is null with fewer than two evaluations, refuses a bad target, and is read as the agent’s progress is', async () => {
      const agent = await createPerson(app, { roles: ['AGENT'], teamId: team.id });
      const window = { agentId: agent.id, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
      const none = await app.gql<{ sampleAdvice: Record<string, unknown> }>(ADVICE, window, admin);
      expect(none.data!.sampleAdvice).toMatchObject({
        evaluationCount: 0,
        meanScore: null,
        marginOfError: null,
        additionalNeeded: null,
      });
      const bad = await app.gql(ADVICE, { ...window, targetMargin: -1 }, admin);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0]!.extensions!.field).toBe('targetMargin');
      // An evaluator reads no agent's progress: the agent is not found, as a missing id.
      expect(errorCode(await app.gql(ADVICE, window, evaluator))).toBe('FORBIDDEN');
    });

    it('lists every agent of a plan with their advice from one query', async () => {
      const { id } = await plan({ targetMargin: 10 });
      const result = await app.gql<{ samplingAdvice: Array<{ agent: { id: string }; targetMargin: number }> }>(
        `query($planId: ID!) { samplingAdvice(planId: $planId, from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z") { agent { id } targetMargin evaluationCount } }`,
        { planId: id },
        evaluator,
      );
      expect(result.errors).toBeUndefined();
      const ids = result.data!.samplingAdvice.map((a) => a.agent.id);
      for (const agent of agents) expect(ids).toContain(agent.id);
      expect(result.data!.samplingAdvice.every((a) => a.targetMargin === 10)).toBe(true);
    });
  });
});
