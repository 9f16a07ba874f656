import { createTeam } from '../support/factories.js';
import { errorCode, startTestAppAsAdmin } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const CREATE_USER =
  'mutation($input: CreateUserInput!) { createUser(input: $input) { id email name roles locale team { name } } }';
const CREATE_TEAM =
  'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id name coaches { email } agents { email } } }';

describe('administration: users and teams', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => ({ app, admin } = await startTestAppAsAdmin()));
  afterAll(() => app?.close());

  const user = (overrides: Record<string, unknown> = {}) => ({
    email: `new.${Math.random().toString(36).slice(2)}@example.com`,
    name: 'Nueva Persona',
    password: 'long-enough',
    roles: ['AGENT'],
    ...overrides,
  });

  it('an agent calling createUser gets FORBIDDEN and nothing is written', async () => {
    const before = await app.count('app_user');
    const result = await app.gql(CREATE_USER, { input: user() }, await app.login('agent1@demo.test'));
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(await app.count('app_user')).toBe(before);
  });

  it('an admin creates a user in a team, with an audit entry', async () => {
    // A team of its own, so the demo teams keep exactly the people the other tests list.
    const team = await createTeam(app, 'Calidad');
    const audits = await app.count('audit_entry');
    const result = await app.gql(
      CREATE_USER,
      { input: user({ email: 'Nuevo.Agente@Example.com', teamId: team.id, locale: 'en' }) },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createUser).toMatchObject({
      email: 'nuevo.agente@example.com',
      roles: ['AGENT'],
      locale: 'en',
      team: { name: 'Calidad' },
    });
    expect(await app.count('audit_entry')).toBe(audits + 1);
    await app.login('nuevo.agente@example.com', 'long-enough');
  });

  it.each([
    ['a password of 7 characters', { password: 'short77' }, 'input.password'],
    ['an invalid email', { email: 'not-an-email' }, 'input.email'],
    ['no roles', { roles: [] }, 'input.roles'],
    ['an empty name', { name: '' }, 'input.name'],
    ['an unknown locale', { locale: 'fr' }, 'input.locale'],
    ['an unknown team', { teamId: '5b0f0c0e-0000-4000-8000-000000000000' }, 'input.teamId'],
    ['an email already in use', { email: 'admin@demo.test' }, 'input.email'],
  ])('refuses %s naming the field, writing nothing', async (_label, overrides, field) => {
    const before = await app.count('app_user');
    const result = await app.gql(CREATE_USER, { input: user(overrides) }, admin);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await app.count('app_user')).toBe(before);
  });

  it('refuses an unknown role as invalid input', async () => {
    const result = await app.gql(CREATE_USER, { input: user({ roles: ['ROOT'] }) }, admin);
    expect(result.errors?.[0]?.message).toMatch(/ROOT/);
  });

  it('accepts passphrases of 64 characters and more', async () => {
    const passphrase = 'una frase de paso larga y fácil de recordar, con más de 64 letras!';
    expect(passphrase.length).toBeGreaterThan(64);
    const result = await app.gql(CREATE_USER, { input: user({ email: 'passphrase@example.com', password: passphrase }) }, admin);
    expect(result.errors).toBeUndefined();
    await app.login('passphrase@example.com', passphrase);
  });

  it('creates a team with its coaches; coach ids must be coaches', async () => {
    const coaches = await app.gql<{ users: Array<{ id: string; email: string }> }>(
      '{ users(role: COACH) { id email } }',
      {},
      admin,
    );
    const coach = coaches.data!.users.find((u) => u.email === 'coach@demo.test')!;
    const created = await app.gql(CREATE_TEAM, { input: { name: 'Retención', coachIds: [coach.id] } }, admin);
    expect(created.data!.createTeam).toMatchObject({ name: 'Retención', coaches: [{ email: 'coach@demo.test' }], agents: [] });

    const teamsBefore = await app.count('team');
    const notCoach = await app.gql(CREATE_TEAM, { input: { name: 'Otro', coachIds: [app.cast.id('agent1@demo.test')] } }, admin);
    expect(errorCode(notCoach)).toBe('BAD_USER_INPUT');
    expect(notCoach.errors![0]!.extensions!.field).toBe('input.coachIds');
    const duplicate = await app.gql(CREATE_TEAM, { input: { name: 'postventa' } }, admin);
    expect(duplicate.errors![0]!.extensions!.field).toBe('input.name');
    expect(await app.count('team')).toBe(teamsBefore);
  });

  it('scopes teams and users by role', async () => {
    const names = async (email: string) => {
      const token = await app.login(email);
      const teams = (await app.gql<{ teams: Array<{ name: string }> }>('{ teams { name } }', {}, token)).data!.teams.map(
        (t) => t.name,
      );
      const users = (await app.gql<{ users: Array<{ email: string }> }>('{ users { email } }', {}, token)).data!.users.map(
        (u) => u.email,
      );
      return { teams, users };
    };
    const evaluator = await names('evaluator@demo.test');
    // Every team there is (other tests may have added some).
    const allTeams = (await app.server.database.dataSource.query('SELECT name FROM team')) as Array<{ name: string }>;
    expect(evaluator.teams).toEqual(expect.arrayContaining(['Cobranzas', 'Postventa']));
    expect([...evaluator.teams].sort()).toEqual(allTeams.map((t) => t.name).sort());
    const coach2 = await names('coach2@demo.test');
    expect(coach2.teams).toEqual(['Cobranzas']);
    expect(coach2.users.sort()).toEqual([
      'agent10@demo.test',
      'agent6@demo.test',
      'agent7@demo.test',
      'agent8@demo.test',
      'agent9@demo.test',
      'coach2@demo.test',
    ]);
    const agent = await names('agent7@demo.test');
    expect(agent).toEqual({ teams: ['Cobranzas'], users: ['agent7@demo.test'] });
  });

  it('lists a team with its agents and coaches in a constant number of queries', async () => {
    const result = await app.gql('{ teams { name agents { email team { name } } coaches { email } } }', {}, admin);
    expect(result.errors).toBeUndefined();
    const postventa = (
      result.data!.teams as Array<{ name: string; agents: Array<{ email: string; team: { name: string } }>; coaches: unknown[] }>
    ).find((t) => t.name === 'Postventa')!;
    expect([...postventa.agents].sort((a, b) => a.email.localeCompare(b.email))).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ email: `agent${n}@demo.test`, team: { name: 'Postventa' } })),
    );
    expect(postventa.coaches).toEqual([{ email: 'coach@demo.test' }]);
  });
});
