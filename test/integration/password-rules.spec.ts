import { createPerson, TEST_PASSWORD } from '../support/factories.js';
import { CHANGE, CREATE, login, post } from '../support/sign-in.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

describe('password rules, the same when an administrator sets one and when users change their own', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app?.close());

  it.each([
    ['12345678', /common/],
    ['password', /common/],
    ['        ', /only spaces/],
    ['lucia.fernandez@test.example', /e-mail/],
    ['x-lucia.fernandez-9', /e-mail/],
    ['Fernandez Ortega 2031', /name/],
  ])('createUser refuses %j as a password', async (password, rule) => {
    const admin = await app.login('admin@demo.test');
    const result = await post(
      app,
      CREATE,
      { input: { email: 'lucia.fernandez@test.example', name: 'Lucía Fernández Ortega', password, roles: ['AGENT'] } },
      { token: admin },
    );
    expect(result.code).toBe('BAD_USER_INPUT');
    expect(result.field).toBe('input.password');
    expect(result.message).toMatch(rule);
  });

  it('a user changing their own password gets the same rules', async () => {
    const person = await createPerson(app, { roles: ['AGENT'], email: 'marta.gil@test.example', name: 'Marta Gil' });
    const token = await app.login(person.email);
    for (const password of ['password', '        ', 'marta.gil@test.example', 'qwertyuiop']) {
      const result = await post(app, CHANGE, { id: person.id, input: { password, currentPassword: TEST_PASSWORD } }, { token });
      expect(result.code).toBe('BAD_USER_INPUT');
      expect(result.field).toBe('input.password');
    }
    const ok = await post(
      app,
      CHANGE,
      { id: person.id, input: { password: 'tres tristes tigres', currentPassword: TEST_PASSWORD } },
      { token },
    );
    expect(ok.code).toBe('OK');
  });

  it('counts characters the same when a password is set and at sign-in: 256 emoji work, 257 are refused', async () => {
    const admin = await app.login('admin@demo.test');
    const longest = '😀'.repeat(256);
    const created = await post(
      app,
      CREATE,
      { input: { email: 'emoji@test.example', name: 'Emoji Person', password: longest, roles: ['AGENT'] } },
      { token: admin },
    );
    expect(created.code).toBe('OK');
    expect((await login(app, 'emoji@test.example', longest)).code).toBe('OK');
    const tooLong = await post(
      app,
      CREATE,
      { input: { email: 'emoji2@test.example', name: 'Emoji Person', password: '😀'.repeat(257), roles: ['AGENT'] } },
      { token: admin },
    );
    expect(tooLong.code).toBe('BAD_USER_INPUT');
    expect(tooLong.field).toBe('input.password');
    expect(tooLong.message).toBe('input.password: password must be between 8 and 256 characters');
  });
});
