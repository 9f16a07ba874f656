import jwt from 'jsonwebtoken';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken expiresAt user { email roles } } }';
const ME = '{ me { id email name roles active locale team { name } } }';

describe('sign-in and tokens', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app?.close());

  it('an unauthenticated { me { id } } answers UNAUTHENTICATED', async () => {
    const result = await app.gql('{ me { id } }');
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });

  it('signs in a demo user and answers me with their team', async () => {
    const result = await app.gql(LOGIN, { e: 'Agent1@Demo.test', p: 'decalogo-demo' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.login.user).toEqual({ email: 'agent1@demo.test', roles: ['AGENT'] });
    const me = await app.gql(ME, {}, result.data!.login.accessToken);
    expect(me.data!.me).toMatchObject({ email: 'agent1@demo.test', active: true, locale: 'es', team: { name: 'Postventa' } });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await app.gql(LOGIN, { e: 'admin@demo.test', p: 'not-the-password' });
    const unknown = await app.gql(LOGIN, { e: 'nobody@demo.test', p: 'not-the-password' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors).toEqual(unknown.errors);
    expect(wrong.status).toBe(unknown.status);
  });

  it('signs the token with HS256 and an expiry', async () => {
    const token = await app.login('admin@demo.test');
    const decoded = jwt.decode(token, { complete: true })!;
    expect(decoded.header.alg).toBe('HS256');
    const payload = decoded.payload as jwt.JwtPayload;
    expect(payload.exp! - payload.iat!).toBe(app.config.jwtExpiresInSeconds);
  });

  it('refuses tokens that are unsigned, signed with another key, expired or edited', async () => {
    const token = await app.login('agent2@demo.test');
    const payload = jwt.decode(token) as jwt.JwtPayload;
    const { iat: _iat, exp: _exp, ...claims } = payload;
    const unsigned = jwt.sign(claims, '', { algorithm: 'none' });
    const otherKey = jwt.sign(claims, 'another-secret-another-secret-0123456789', { algorithm: 'HS256' });
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, app.config.jwtSecret, {
      algorithm: 'HS256',
    });
    const [header, , signature] = token.split('.');
    const edited = [
      header,
      Buffer.from(JSON.stringify({ ...payload, sub: '00000000-0000-0000-0000-000000000000' })).toString('base64url'),
      signature,
    ].join('.');
    for (const bad of [unsigned, otherKey, expired, edited, 'garbage']) {
      expect(errorCode(await app.gql('{ me { id } }', {}, bad))).toBe('UNAUTHENTICATED');
    }
  });

  it('stops a deactivated user at once, and refuses their sign-in', async () => {
    const admin = await app.login('admin@demo.test');
    const agentToken = await app.login('agent3@demo.test');
    const me = await app.gql<{ me: { id: string } }>('{ me { id } }', {}, agentToken);
    const deactivate = await app.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { active } }',
      { id: me.data!.me.id },
      admin,
    );
    expect(deactivate.data).toEqual({ updateUser: { active: false } });
    expect(errorCode(await app.gql('{ me { id } }', {}, agentToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql(LOGIN, { e: 'agent3@demo.test', p: 'decalogo-demo' }))).toBe('UNAUTHENTICATED');
    await app.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { active: true }) { active } }',
      { id: me.data!.me.id },
      admin,
    );
    expect((await app.login('agent3@demo.test')).length).toBeGreaterThan(20);
  });

  it('signing out invalidates older tokens', async () => {
    const token = await app.login('agent4@demo.test');
    expect((await app.gql('mutation { logout }', {}, token)).data).toEqual({ logout: true });
    expect(errorCode(await app.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('lets users change their own password only with the current one, and that revokes old tokens', async () => {
    const token = await app.login('agent5@demo.test');
    const id = (await app.gql<{ me: { id: string } }>('{ me { id } }', {}, token)).data!.me.id;
    const change = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }';
    const wrong = await app.gql(change, { id, input: { password: 'a-new-password', currentPassword: 'nope' } }, token);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0]!.extensions!.field).toBe('input.currentPassword');
    const ok = await app.gql(change, { id, input: { password: 'a-new-password', currentPassword: 'decalogo-demo' } }, token);
    expect(ok.errors).toBeUndefined();
    expect(errorCode(await app.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    await app.login('agent5@demo.test', 'a-new-password');
    const roles = await app.gql(
      change,
      { id, input: { roles: ['ADMIN'] } },
      await app.login('agent5@demo.test', 'a-new-password'),
    );
    expect(errorCode(roles)).toBe('FORBIDDEN');
  });

  it('stores passwords as argon2id hashes and never exposes them', async () => {
    const rows = (await app.server.database.dataSource.query(`SELECT password_hash FROM app_user`)) as Array<{
      password_hash: string;
    }>;
    expect(rows.every((row) => row.password_hash.startsWith('$argon2id$v=19$m=19456,p=1,t=2$'))).toBe(true);
    const probe = await app.gql('{ me { passwordHash } }', {}, await app.login('admin@demo.test'));
    expect(errorCode(probe)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
