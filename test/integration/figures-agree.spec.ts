import { computeProgress, DEFAULT_RUBRIC, supervisorAvailability, supervisorCounts } from '@decalogo/scoring';
import type { ScoredEvaluation } from '@decalogo/scoring';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { allAnswers, createEvaluatedCall } from '../support/factories.js';
import type { EvaluationInput } from '../support/factories.js';
import { answersAll, createCall, DISPUTE, RESOLVE, scoreAndSubmit } from '../support/workflow.js';

const FIGURES = `evaluationCount meanScore trendPerWeek consistency marginOfError criticalFailureRate resolutionRate supervisorAvailability
  criteria { code mean percent count } weeks { weekStart count meanScore criteria { code mean percent count } }`;

/**
 * One source of truth: the figures the API serves equal libs/scoring's, computed here from the raw
 * rows of the tables, on data with N/A answers, critical failures, amended disputes and two
 * rubric versions.
 */
describe('the API’s progress figures equal libs/scoring on the raw rows', () => {
  let app: TestApp;
  let admin: string;
  // Every call below is at a fixed instant; the window covers all but one of them.
  const from = '2026-01-05T00:00:00.000Z';
  const to = '2026-04-06T00:00:00.000Z';
  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
    const id = (email: string) => app.cast.id(email);
    const evaluate = (agent: string, startedAt: string, evaluation: Omit<EvaluationInput, 'callId' | 'evaluatorId'>) =>
      createEvaluatedCall(
        app,
        { agentId: id(agent), startedAt: new Date(startedAt) },
        { evaluatorId: id('evaluator2@demo.test'), ...evaluation },
      );
    // Version 1 (the published one): evaluations written as the API writes them, in every status,
    // with N/A, a critical failure, every resolution and supervisor requested or not, in both teams.
    const requested = { supervisorRequested: true };
    await evaluate('agent1@demo.test', '2026-01-12T09:00:00Z', { answers: allAnswers(3, { R2: null }) });
    await evaluate('agent1@demo.test', '2026-01-20T15:30:00Z', {
      answers: allAnswers(4, { R9: 0 }),
      status: 'ACKNOWLEDGED',
      resolution: 'UNRESOLVED',
      ...requested,
      supervisorProvided: false,
    });
    await evaluate('agent1@demo.test', '2026-02-03T11:00:00Z', {
      answers: allAnswers(2, { R6: null, R7: null }),
      status: 'RESOLVED',
      resolution: 'PARTIAL',
      ...requested,
      supervisorProvided: true,
    });
    await evaluate('agent1@demo.test', '2025-12-20T10:00:00Z', { answers: allAnswers(1) }); // before the window
    await evaluate('agent1@demo.test', '2026-02-05T10:00:00Z', { answers: { R1: 0, R2: 1 }, status: 'DRAFT' });
    await evaluate('agent2@demo.test', '2026-01-14T10:00:00Z', {
      answers: allAnswers(4),
      ...requested,
      supervisorProvided: true,
    });
    await evaluate('agent3@demo.test', '2026-02-24T10:00:00Z', {
      answers: allAnswers(3, { R10: null, R5: 1 }),
      status: 'DISPUTED',
      resolution: 'UNRESOLVED',
    });
    await evaluate('agent6@demo.test', '2026-01-21T10:00:00Z', {
      answers: allAnswers(2),
      ...requested,
      supervisorProvided: false,
    });
    await evaluate('agent6@demo.test', '2026-03-04T10:00:00Z', {
      answers: allAnswers(3),
      ...requested,
      supervisorProvided: true,
    });
    await evaluate('agent8@demo.test', '2026-02-11T10:00:00Z', {
      answers: allAnswers(4, { R8: 0 }),
      ...requested,
      supervisorProvided: true,
    });
    await evaluate('agent9@demo.test', '2026-03-18T10:00:00Z', { answers: allAnswers(3, { R2: null }), resolution: 'PARTIAL' });

    // Version 2: R1 weighs 20 (R3 gives up 10, so the weights still add up to 100) and R2 no longer allows N/A.
    const draft = (await app.gql<{ createRubricDraft: { id: string } }>('mutation { createRubricDraft { id } }', {}, admin)).data!
      .createRubricDraft;
    const criteria = DEFAULT_RUBRIC.map((c) => ({
      code: c.code,
      weight: c.code === 'R1' ? 20 : c.code === 'R3' ? 5 : c.weight,
      critical: c.critical,
      naAllowed: c.code === 'R2' ? false : c.naAllowed,
      titleEs: c.title.es,
      titleEn: c.title.en,
      listenForEs: c.listenFor.es,
      listenForEn: c.listenFor.en,
    }));
    await app.gql(
      'mutation($id: ID!, $input: RubricDraftInput!) { updateRubricDraft(id: $id, input: $input) { id } }',
      { id: draft.id, input: { criteria } },
      admin,
    );
    const published = await app.gql('mutation($id: ID!) { publishRubricVersion(id: $id) { id } }', { id: draft.id }, admin);
    expect(published.errors).toBeUndefined();
    // Scored by the API under version 2, one of them disputed and amended. The API stamps each
    // submission with its clock's now, so the agent's dispute right after is within the window.
    const evaluator = await app.login('evaluator@demo.test');
    const agent = await app.login('agent1@demo.test');
    const scored = [
      answersAll(4, { R6: null, R7: null, R10: null }),
      answersAll(3, { R8: 0 }),
      answersAll(2, { R1: 1, R10: null }),
    ];
    const callTimes = ['2026-02-16T10:00:00Z', '2026-03-02T14:00:00Z', '2026-03-16T09:30:00Z'];
    for (const [i, answers] of scored.entries()) {
      const evaluation = await scoreAndSubmit(
        app,
        evaluator,
        await createCall(app, evaluator, 'agent1@demo.test', { startedAt: callTimes[i] }),
        answers,
        {
          resolution: 'PARTIAL',
          supervisorRequested: true,
          supervisorProvided: i % 2 === 0,
        },
      );
      if (i === 2) {
        const disputed = await app.gql(
          DISPUTE,
          { id: evaluation.id, input: { codes: ['R1'], reason: 'Sí identifiqué al cliente' } },
          agent,
        );
        expect(disputed.errors).toBeUndefined();
        const resolved = await app.gql(
          RESOLVE,
          { id: evaluation.id, input: { decision: 'AMEND', answers: [{ code: 'R1', value: 3 }], comment: 'Corregido' } },
          await app.login('evaluator2@demo.test'),
        );
        expect(resolved.errors).toBeUndefined();
      }
    }
  });
  afterAll(() => app?.close());

  async function rawRows(agentIds: string[]): Promise<ScoredEvaluation[]> {
    const db = app.server.database.dataSource;
    const evaluations = (await db.query(
      `SELECT id, call_started_at, score, raw_score, critical_failure, resolution, supervisor_requested, supervisor_provided
         FROM evaluation WHERE agent_id = ANY($1::uuid[]) AND status <> 'DRAFT' AND call_started_at >= $2 AND call_started_at < $3`,
      [agentIds, from, to],
    )) as Array<Record<string, unknown>>;
    const answers = (await db.query(
      `SELECT evaluation_id, criterion_code, value, not_applicable FROM evaluation_answer`,
    )) as Array<{
      evaluation_id: string;
      criterion_code: string;
      value: number | null;
      not_applicable: boolean;
    }>;
    return evaluations.map((e) => ({
      callStartedAt: new Date(e['call_started_at'] as string),
      score: e['score'] as number,
      criticalFailure: e['critical_failure'] as boolean,
      resolution: e['resolution'] as ScoredEvaluation['resolution'],
      supervisorRequested: e['supervisor_requested'] as boolean,
      supervisorProvided: e['supervisor_provided'] as boolean | null,
      answers: Object.fromEntries(
        answers
          .filter((a) => a.evaluation_id === e['id'] && (a.value !== null || a.not_applicable))
          .map((a) => [a.criterion_code, a.not_applicable ? null : a.value]),
      ),
    }));
  }

  /** Deep equality with numbers to 1e-9. */
  function expectSame(actual: unknown, expected: unknown, path = 'figures'): void {
    if (typeof expected === 'number') {
      expect(typeof actual).toBe('number');
      if (Math.abs((actual as number) - expected) > 1e-9) throw new Error(`${path}: ${String(actual)} ≠ ${expected}`);
    } else if (Array.isArray(expected)) {
      expect((actual as unknown[]).length).toBe(expected.length);
      expected.forEach((item, i) => expectSame((actual as unknown[])[i], item, `${path}[${i}]`));
    } else if (expected && typeof expected === 'object') {
      for (const [key, value] of Object.entries(expected))
        expectSame((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    } else {
      expect(actual).toEqual(expected);
    }
  }

  it('for an agent with both rubric versions, N/A, a critical failure and an amended dispute', async () => {
    const users = await app.gql<{ users: Array<{ id: string; email: string }> }>(
      '{ users(role: AGENT) { id email } }',
      {},
      admin,
    );
    const agentId = users.data!.users.find((u) => u.email === 'agent1@demo.test')!.id;
    const versions = (await app.server.database.dataSource.query(
      `SELECT DISTINCT rubric_version_id FROM evaluation WHERE agent_id = $1 AND status <> 'DRAFT'`,
      [agentId],
    )) as unknown[];
    expect(versions.length).toBe(2);
    const api = await app.gql(
      `query($id: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $id, from: $from, to: $to) { ${FIGURES} } }`,
      { id: agentId, from, to },
      admin,
    );
    const expected = computeProgress(await rawRows([agentId]), { timeZone: 'UTC' });
    // Three of version 1 and three of version 2 in the window; the older one and the draft are out.
    expect(expected.evaluationCount).toBe(6);
    expect(expected.criticalFailureRate).toBe(2 / 6);
    expectSame(api.data!.agentProgress, expected);
  });

  it('for a whole team', async () => {
    const teams = await app.gql<{ teams: Array<{ id: string; name: string; agents: Array<{ id: string }> }> }>(
      '{ teams { id name agents { id } } }',
      {},
      admin,
    );
    const team = teams.data!.teams.find((t) => t.name === 'Postventa')!;
    const api = await app.gql(
      `query($id: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $id, from: $from, to: $to) { figures { ${FIGURES} } } }`,
      { id: team.id, from, to },
      admin,
    );
    const expected = computeProgress(await rawRows(team.agents.map((a) => a.id)), { timeZone: 'UTC' });
    expect(expected.evaluationCount).toBe(8); // agent1's six, agent2's and agent3's
    expectSame(api.data!.teamOverview.figures, expected);
  });

  it('for each coach of a team, over every team the coach coaches', async () => {
    type TeamRow = { id: string; name: string; agents: Array<{ id: string }>; coaches: Array<{ id: string; email: string }> };
    const read = async () =>
      (await app.gql<{ teams: TeamRow[] }>('{ teams { id name agents { id } coaches { id email } } }', {}, admin)).data!.teams;
    // Carmen coaches Cobranzas too, so her figure spans both teams while Carlos's spans one.
    const before = await read();
    const cobranzas = before.find((t) => t.name === 'Cobranzas')!;
    const carmen = before.find((t) => t.name === 'Postventa')!.coaches.find((c) => c.email === 'coach@demo.test')!;
    const updated = await app.gql(
      'mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id } }',
      { id: cobranzas.id, input: { coachIds: [...cobranzas.coaches.map((c) => c.id), carmen.id] } },
      admin,
    );
    expect(updated.errors).toBeUndefined();
    try {
      await expectCoachFigures(await read());
    } finally {
      const restored = await app.gql(
        'mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id } }',
        { id: cobranzas.id, input: { coachIds: cobranzas.coaches.map((c) => c.id) } },
        admin,
      );
      expect(restored.errors).toBeUndefined();
    }
  });

  async function expectCoachFigures(
    teams: Array<{ id: string; name: string; agents: Array<{ id: string }>; coaches: Array<{ id: string }> }>,
  ) {
    for (const team of teams) {
      const api = await app.gql<{
        teamOverview: {
          coaches: Array<{
            coach: { id: string };
            requested: number;
            provided: number;
            supervisorAvailability: number | null;
            teamCount: number;
          }>;
        };
      }>(
        `query($id: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $id, from: $from, to: $to) {
          coaches { coach { id } requested provided supervisorAvailability teamCount } } }`,
        { id: team.id, from, to },
        admin,
      );
      expect(api.errors).toBeUndefined();
      expect(api.data!.teamOverview.coaches.map((c) => c.coach.id).sort()).toEqual(team.coaches.map((c) => c.id).sort());
      for (const figure of api.data!.teamOverview.coaches) {
        const coached = teams.filter((t) => t.coaches.some((c) => c.id === figure.coach.id));
        const counts = supervisorCounts(await rawRows(coached.flatMap((t) => t.agents.map((a) => a.id))));
        expect(counts.requested).toBeGreaterThan(0);
        expectSame(figure, { ...counts, supervisorAvailability: supervisorAvailability(counts), teamCount: coached.length });
      }
    }
    const postventa = await app.gql<{ teamOverview: { coaches: Array<{ coach: { email: string }; teamCount: number }> } }>(
      `query($id: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $id, from: $from, to: $to) { coaches { coach { email } teamCount } } }`,
      { id: teams.find((t) => t.name === 'Postventa')!.id, from, to },
      admin,
    );
    expect(postventa.data!.teamOverview.coaches).toEqual([{ coach: { email: 'coach@demo.test' }, teamCount: 2 }]);
    // Cobranzas: Carlos over its 3 requests (2 provided); Carmen adds Postventa's 6 (4 provided).
    const cobranzas = await app.gql<{
      teamOverview: { coaches: Array<{ coach: { email: string }; requested: number; provided: number; teamCount: number }> };
    }>(
      `query($id: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $id, from: $from, to: $to) { coaches { coach { email } requested provided teamCount } } }`,
      { id: teams.find((t) => t.name === 'Cobranzas')!.id, from, to },
      admin,
    );
    expect([...cobranzas.data!.teamOverview.coaches].sort((a, b) => (a.coach.email < b.coach.email ? -1 : 1))).toEqual([
      { coach: { email: 'coach2@demo.test' }, requested: 3, provided: 2, teamCount: 1 },
      { coach: { email: 'coach@demo.test' }, requested: 9, provided: 6, teamCount: 2 },
    ]);
  }
});
