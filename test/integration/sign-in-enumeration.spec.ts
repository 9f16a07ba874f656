import { jest } from '@jest/globals';
import argon2 from 'argon2';
import { createPerson, TEST_PASSWORD } from '../support/factories.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

/**
 * Sign-in must not tell which e-mails have an account: not by its answer, and not by the work it
 * does (a missing e-mail still costs one argon2 verification, against a throw-away hash). How long
 * each takes is measured by `npm run bench:login` (bench/login.mjs), not here.
 */
describe('sign-in: no account enumeration', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app?.close());

  it('answers an existing e-mail with a wrong password, a missing e-mail and a deactivated account alike', async () => {
    const inactive = await createPerson(app, { roles: ['AGENT'], active: false });
    const answers = [];
    for (const [email, password] of [
      ['agent1@demo.test', 'not-the-password'],
      ['nobody-at-all@demo.test', 'not-the-password'],
      ['nobody-at-all@demo.test', TEST_PASSWORD],
      [inactive.email, TEST_PASSWORD],
      [`${'x'.repeat(300)}@demo.test`, 'not-the-password'],
    ]) {
      const result = await app.gql(LOGIN, { e: email, p: password });
      answers.push({ status: result.status, data: result.data, errors: result.errors });
    }
    expect(answers[0]!.errors).toEqual([
      expect.objectContaining({ message: 'Wrong email or password.', extensions: { code: 'UNAUTHENTICATED' } }),
    ]);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('runs one password verification for a missing e-mail, against a hash that is nobody’s', async () => {
    const verify = jest.spyOn(argon2, 'verify');
    try {
      const stored = (await app.server.database.dataSource.query('SELECT password_hash FROM app_user')) as Array<{
        password_hash: string;
      }>;
      const hashes = new Set(stored.map((row) => row.password_hash));

      await app.gql(LOGIN, { e: 'missing-person@demo.test', p: 'whatever-1234' });
      expect(verify).toHaveBeenCalledTimes(1);
      const [dummy, password] = verify.mock.calls[0]!;
      expect(String(dummy)).toMatch(/^\$argon2id\$/);
      expect(hashes.has(String(dummy))).toBe(false);
      expect(password).toBe('whatever-1234');

      // The same work as for an existing e-mail with a wrong password: one verification, with the
      // same argon2 parameters.
      verify.mockClear();
      await app.gql(LOGIN, { e: 'agent2@demo.test', p: 'whatever-1234' });
      expect(verify).toHaveBeenCalledTimes(1);
      const [own] = verify.mock.calls[0]!;
      expect(hashes.has(String(own))).toBe(true);
      const parameters = (hash: unknown) => String(hash).split('$').slice(1, 4).join('$');
      expect(parameters(dummy)).toBe(parameters(own));
    } finally {
      verify.mockRestore();
    }
  });
});
