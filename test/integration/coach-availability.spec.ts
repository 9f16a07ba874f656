import { allAnswers, createEvaluatedCall } from '../support/factories.js';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createUser } from '../support/workflow.js';

/** The window the figures are read over (March 2026); `march(day)` is a call time inside it. */
const FROM = '2026-03-01T00:00:00.000Z';
const TO = '2026-04-01T00:00:00.000Z';
const march = (day: number) => new Date(Date.UTC(2026, 2, day, 10));

const OVERVIEW = `query($teamId: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $teamId, from: $from, to: $to) {
  figures { supervisorAvailability }
  coaches { coach { email name } requested provided supervisorAvailability teamCount }
} }`;

interface CoachFigure {
  coach: { email: string; name: string };
  requested: number;
  provided: number;
  supervisorAvailability: number | null;
  teamCount: number;
}
interface Overview {
  figures: { supervisorAvailability: number | null };
  coaches: CoachFigure[];
}

/**
 * docs/rubric.md#supervisor-availability, per coach of a team: each coach of a team is judged over
 * the submitted evaluations (calls in the window) of the agents of every team they coach. Three
 * teams of our own: Norte (coached by Dolores and Ulises), Sur (Ulises only) and Este (Teresa only,
 * where nobody ever asks for a superior), plus a draft and a call outside the window that must not
 * count.
 */
/** Ulises coaches Norte and Sur: one figure over both teams, whichever team is asked for. */
const ULISES_OVER_BOTH_TEAMS = {
  coach: { email: 'ulises.coach@demo.test', name: 'Coach Ulises' },
  requested: 6,
  provided: 3,
  supervisorAvailability: 0.5,
  teamCount: 2,
};

describe('supervisor availability per team’s coach (docs/rubric.md#supervisor-availability)', () => {
  let app: TestApp;
  let admin: string;
  const teams: Record<string, string> = {};
  const overview = async (team: string, token = admin) =>
    app.gql<{ teamOverview: Overview }>(OVERVIEW, { teamId: teams[team], from: FROM, to: TO }, token);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
    const ids: Record<string, string> = {};
    const user = async (email: string, name: string, roles: string[], teamId?: string) =>
      (ids[email] = await createUser(app, admin, { email, name, roles, ...(teamId ? { teamId } : {}) }));
    // Created Ulises first, so the order by name (Dolores before Ulises) is the API's doing.
    const ulises = await user('ulises.coach@demo.test', 'Coach Ulises', ['COACH']);
    const dolores = await user('dolores.coach@demo.test', 'Coach Dolores', ['COACH']);
    const teresa = await user('teresa.coach@demo.test', 'Coach Teresa', ['COACH']);
    const createTeam = async (name: string, coachIds: string[]) => {
      const result = await app.gql<{ createTeam: { id: string } }>(
        'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
        { input: { name, coachIds } },
        admin,
      );
      if (!result.data?.createTeam) throw new Error(`createTeam ${name}: ${JSON.stringify(result.errors)}`);
      teams[name] = result.data.createTeam.id;
    };
    await createTeam('Norte', [ulises, dolores]);
    await createTeam('Sur', [ulises]);
    await createTeam('Este', [teresa]);
    await createTeam('Oeste', []);
    await user('norte1@demo.test', 'Nadia Norte', ['AGENT'], teams['Norte']);
    await user('norte2@demo.test', 'Nicolás Norte', ['AGENT'], teams['Norte']);
    await user('sur1@demo.test', 'Sara Sur', ['AGENT'], teams['Sur']);
    await user('este1@demo.test', 'Esteban Este', ['AGENT'], teams['Este']);

    const evaluatorId = app.cast.id('evaluator@demo.test');
    let day = 2;
    const evaluate = async (
      agent: string,
      supervisorRequested: boolean,
      supervisorProvided: boolean | null,
      startedAt = march(day++),
      status: 'SUBMITTED' | 'DRAFT' = 'SUBMITTED',
    ) =>
      createEvaluatedCall(
        app,
        { agentId: ids[agent]!, startedAt },
        { evaluatorId, answers: allAnswers(3), status, resolution: 'RESOLVED', supervisorRequested, supervisorProvided },
      );
    // Norte: 3 requests, 2 answered.
    await evaluate('norte1@demo.test', true, true);
    await evaluate('norte1@demo.test', true, false);
    await evaluate('norte1@demo.test', false, null);
    await evaluate('norte2@demo.test', true, true);
    // Sur: 3 requests, 1 answered.
    await evaluate('sur1@demo.test', true, false);
    await evaluate('sur1@demo.test', true, false);
    await evaluate('sur1@demo.test', true, true);
    // Este: evaluations, but nobody asked for a superior.
    await evaluate('este1@demo.test', false, null);
    await evaluate('este1@demo.test', false, null);
    // Outside the window: a call the last second of February, answered — must not count.
    await evaluate('norte1@demo.test', true, true, new Date('2026-02-28T23:59:59Z'));
    // A draft (never submitted) with a request answered — must not count.
    await evaluate('sur1@demo.test', true, true, march(20), 'DRAFT');
  });
  afterAll(() => app?.close());

  it('judges each coach over every team they coach, ordered by name, drafts and calls outside the window left out', async () => {
    const result = await overview('Norte');
    expect(result.errors).toBeUndefined();
    const { figures, coaches } = result.data!.teamOverview;
    // The team's own figure: Norte's agents only.
    expect(figures.supervisorAvailability).toBeCloseTo(2 / 3, 12);
    expect(coaches).toEqual([
      {
        coach: { email: 'dolores.coach@demo.test', name: 'Coach Dolores' },
        requested: 3,
        provided: 2,
        supervisorAvailability: expect.closeTo(2 / 3, 12),
        teamCount: 1,
      },
      // Norte's 3 requests (2 answered) and Sur's 3 (1 answered).
      ULISES_OVER_BOTH_TEAMS,
    ]);
  });

  it('gives the same coach the same figure from either of their teams', async () => {
    const result = await overview('Sur');
    expect(result.errors).toBeUndefined();
    const { figures, coaches } = result.data!.teamOverview;
    expect(figures.supervisorAvailability).toBeCloseTo(1 / 3, 12);
    expect(coaches).toEqual([ULISES_OVER_BOTH_TEAMS]);
  });

  it('is null, not 0, for a coach whose agents never had a superior asked for', async () => {
    const result = await overview('Este');
    expect(result.errors).toBeUndefined();
    expect(result.data!.teamOverview.figures.supervisorAvailability).toBeNull();
    expect(result.data!.teamOverview.coaches).toEqual([
      {
        coach: { email: 'teresa.coach@demo.test', name: 'Coach Teresa' },
        requested: 0,
        provided: 0,
        supervisorAvailability: null,
        teamCount: 1,
      },
    ]);
  });

  it('is an empty list for a team without coaches', async () => {
    const result = await overview('Oeste');
    expect(result.errors).toBeUndefined();
    expect(result.data!.teamOverview.coaches).toEqual([]);
  });

  it('counts nothing in a window without calls', async () => {
    const result = await app.gql<{ teamOverview: Overview }>(
      OVERVIEW,
      { teamId: teams['Norte'], from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' },
      admin,
    );
    expect(
      result.data!.teamOverview.coaches.map((c) => [c.requested, c.provided, c.supervisorAvailability, c.teamCount]),
    ).toEqual([
      [0, 0, null, 1],
      [0, 0, null, 2],
    ]);
  });

  it('is read with the team overview’s permissions: the team’s coaches and administrators', async () => {
    const dolores = await app.login('dolores.coach@demo.test');
    const own = await overview('Norte', dolores);
    expect(own.errors).toBeUndefined();
    expect(own.data!.teamOverview.coaches.map((c) => c.coach.email)).toEqual([
      'dolores.coach@demo.test',
      'ulises.coach@demo.test',
    ]);
    // A team she does not coach is one she does not see: NOT_FOUND, as a missing id (docs/access-table.md).
    expect(errorCode(await overview('Sur', dolores))).toBe('NOT_FOUND');
    expect(errorCode(await overview('Norte', await app.login('norte1@demo.test')))).toBe('FORBIDDEN');
    expect(errorCode(await overview('Norte', await app.login('evaluator@demo.test')))).toBe('FORBIDDEN');
  });
});
