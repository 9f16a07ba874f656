import { LoginAttemptSweeper } from '../../apps/api/src/auth/login-attempt-sweeper.js';
import { createPerson, TEST_PASSWORD } from '../support/factories.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { CHANGE, login, post } from '../support/sign-in.js';
import type { Answer } from '../support/sign-in.js';

const tally = (answers: Answer[]) => {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer.code] = (counts[answer.code] ?? 0) + 1;
  return counts;
};

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('sign-in under concurrency: attempts are counted atomically before any password is checked', () => {
  let app: TestApp;
  beforeAll(async () => {
    // A hash cap far above the bursts below, so what limits them is the throttle alone.
    app = await startTestApp({
      TRUST_PROXY_HOPS: '1',
      HASH_CONCURRENCY: '200',
      LOGIN_FAILURES_PER_MINUTE: '10',
      LOGIN_ADDRESS_FAILURES_PER_MINUTE: '20',
      LOGIN_ACCOUNT_FAILURES_PER_HOUR: '5',
    });
  });
  afterAll(() => app?.close());

  it('60 wrong passwords for one account at once: at most the per-(account, address) limit are checked, then the right one is refused for the window', async () => {
    app.clock.travelTo(new Date('2031-03-03T09:00:05Z'));
    const person = await createPerson(app, { roles: ['AGENT'] });
    const answers = await Promise.all(range(60).map(() => login(app, person.email, 'wrong-password', { address: '10.11.0.1' })));
    const counts = tally(answers);
    expect((counts['UNAUTHENTICATED'] ?? 0) + (counts['TOO_MANY_REQUESTS'] ?? 0)).toBe(60);
    expect(counts['UNAUTHENTICATED'] ?? 0).toBeGreaterThanOrEqual(1);
    expect(counts['UNAUTHENTICATED'] ?? 0).toBeLessThanOrEqual(app.config.loginFailuresPerMinute);
    const right = await login(app, person.email, TEST_PASSWORD, { address: '10.11.0.1' });
    expect(right.code).toBe('TOO_MANY_REQUESTS');
    expect(right.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Once the window is over (and the account's delay has run out), the right password works again.
    app.clock.travelTo(new Date('2031-03-03T11:00:05Z'));
    expect((await login(app, person.email, TEST_PASSWORD, { address: '10.11.0.1' })).code).toBe('OK');
  });

  it('failures from many addresses lock the account, with a growing delay; a browser that signed in to it before still signs in', async () => {
    const start = new Date('2031-03-04T09:00:05Z');
    app.clock.travelTo(start);
    const person = await createPerson(app, { roles: ['AGENT'] });
    const first = await login(app, person.email, TEST_PASSWORD, { address: '10.12.0.1' });
    expect(first.code).toBe('OK');
    const deviceCookie = first.setCookies.find((cookie) => cookie.startsWith('decalogo_device_'));
    expect(deviceCookie).toBeDefined();
    expect(deviceCookie).toMatch(/; HttpOnly/);
    expect(deviceCookie).toMatch(/; SameSite=Strict/);
    const cookie = deviceCookie!.split(';')[0]!;

    // 12 guessers, each from an address of its own: the account-wide limit (5) stops them.
    const answers = await Promise.all(
      range(12).map((i) => login(app, person.email, 'wrong-password', { address: `10.12.1.${i}` })),
    );
    expect(tally(answers)['UNAUTHENTICATED']).toBeLessThanOrEqual(5);
    // Back to the instant the guesses came in, so the account's first delay (1 s) is still running.
    app.clock.travelTo(start);
    const locked = await login(app, person.email, TEST_PASSWORD, { address: '10.12.2.1' });
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.retryAfterSeconds).toBeGreaterThanOrEqual(1);

    // The owner's browser, from yet another address, is let past the account-wide limit.
    const owner = await login(app, person.email, TEST_PASSWORD, { address: '10.12.3.1', cookie });
    expect(owner.code).toBe('OK');
    // A forged or another account's cookie does not.
    const forged = `${cookie.split('=')[0]}=${'A'.repeat(22)}.${'B'.repeat(43)}`;
    app.clock.travelTo(start);
    expect((await login(app, person.email, TEST_PASSWORD, { address: '10.12.3.2', cookie: forged })).code).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('the account-wide delay grows with each further failure and says when to retry', async () => {
    let at = new Date('2031-03-05T09:00:25Z').getTime();
    const person = await createPerson(app, { roles: ['AGENT'] });
    for (const i of range(5)) {
      // Five seconds apart, the last at `at`: the refusals below are asked at that same instant.
      app.clock.travelTo(new Date(at + (i - 4) * 5000));
      expect((await login(app, person.email, 'wrong-password', { address: `10.13.0.${i}` })).code).toBe('UNAUTHENTICATED');
    }
    const waits: number[] = [];
    for (const i of range(3)) {
      // Each refusal is asked at the instant the last admitted guess was made, so its delay is still running.
      app.clock.travelTo(new Date(at));
      const refused = await login(app, person.email, 'wrong-password', { address: `10.13.1.${i}` });
      expect(refused.code).toBe('TOO_MANY_REQUESTS');
      waits.push(refused.retryAfterSeconds!);
      // Half a second past the wait: the answer rounds the wait, and the clock runs on meanwhile.
      at += refused.retryAfterSeconds! * 1000 + 500;
      app.clock.travelTo(new Date(at));
      expect((await login(app, person.email, 'wrong-password', { address: `10.13.2.${i}` })).code).toBe('UNAUTHENTICATED');
    }
    // 1 s, 2 s, 4 s, each rounded up from the instant asked.
    expect(waits[0]).toBeGreaterThanOrEqual(1);
    expect(waits[0]).toBeLessThanOrEqual(2);
    expect(waits[1]).toBeGreaterThanOrEqual(2);
    expect(waits[1]).toBeLessThanOrEqual(3);
    expect(waits[2]).toBeGreaterThanOrEqual(4);
    expect(waits[2]).toBeLessThanOrEqual(5);
  });

  it('the per-address limit holds across accounts, and other addresses are unaffected', async () => {
    app.clock.travelTo(new Date('2031-03-06T09:00:05Z'));
    const person = await createPerson(app, { roles: ['AGENT'] });
    const answers = await Promise.all(
      range(30).map((i) => login(app, `nobody-${i}@test.example`, 'guess-guess', { address: '10.14.0.1' })),
    );
    const counts = tally(answers);
    expect((counts['UNAUTHENTICATED'] ?? 0) + (counts['TOO_MANY_REQUESTS'] ?? 0)).toBe(30);
    expect(counts['UNAUTHENTICATED'] ?? 0).toBeLessThanOrEqual(20);
    expect((await login(app, person.email, TEST_PASSWORD, { address: '10.14.0.1' })).code).toBe('TOO_MANY_REQUESTS');
    expect((await login(app, person.email, TEST_PASSWORD, { address: '10.14.0.2' })).code).toBe('OK');
  });

  it('successful sign-ins do not count: a whole shift signs in from one office address', async () => {
    app.clock.travelTo(new Date('2031-03-07T09:00:05Z'));
    // One after another, as people arrive (counted at once, 30 attempts would be over the
    // address's limit of 20 until they are given back).
    const answers: Answer[] = [];
    for (const _ of range(30)) {
      const person = await createPerson(app, { roles: ['AGENT'] });
      answers.push(await login(app, person.email, TEST_PASSWORD, { address: '10.15.0.1' }));
    }
    expect(tally(answers)).toEqual({ OK: 30 });
  });

  it('400 parallel guesses of the current password in updateUser: at most the limit are checked, then the sessions end', async () => {
    app.clock.travelTo(new Date('2031-03-08T09:00:05Z'));
    const person = await createPerson(app, { roles: ['AGENT'] });
    const token = await app.login(person.email);
    const answers = await Promise.all(
      range(400).map((i) =>
        post(
          app,
          CHANGE,
          { id: person.id, input: { password: 'a-fresh-pass-phrase', currentPassword: `guess-${i}` } },
          { token },
        ),
      ),
    );
    const counts = tally(answers);
    expect(counts['OK']).toBeUndefined();
    const checked = answers.filter((a) => a.code === 'BAD_USER_INPUT' && a.field === 'input.currentPassword').length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(app.config.loginFailuresPerMinute);
    expect(checked + (counts['TOO_MANY_REQUESTS'] ?? 0) + (counts['UNAUTHENTICATED'] ?? 0)).toBe(400);
    // The guesser's session is over.
    expect((await post(app, '{ me { id } }', {}, { token })).code).toBe('UNAUTHENTICATED');
    // The owner signs in again and changes the password with the right current one.
    const fresh = await app.login(person.email);
    app.clock.travelTo(new Date('2031-03-08T11:00:05Z'));
    const change = await post(
      app,
      CHANGE,
      { id: person.id, input: { password: 'a-fresh-pass-phrase', currentPassword: TEST_PASSWORD } },
      { token: fresh },
    );
    expect(change.code).toBe('OK');
  });

  it('the sweep removes expired attempt rows and keeps live ones', async () => {
    app.clock.travelTo(new Date('2031-03-09T09:00:05Z'));
    const old = await createPerson(app, { roles: ['AGENT'] });
    expect((await login(app, old.email, 'wrong-password', { address: '10.16.0.1' })).code).toBe('UNAUTHENTICATED');
    app.clock.travelTo(new Date('2031-03-09T12:00:05Z'));
    const recent = await createPerson(app, { roles: ['AGENT'] });
    expect((await login(app, recent.email, 'wrong-password', { address: '10.16.0.2' })).code).toBe('UNAUTHENTICATED');
    const keys = async () =>
      (
        (await app.server.database.dataSource.query(
          `SELECT key FROM login_attempt WHERE key LIKE '%10.16.0.%' OR key LIKE $1 OR key LIKE $2`,
          [`%${old.email}%`, `%${recent.email}%`],
        )) as Array<{ key: string }>
      )
        .map((row) => row.key)
        .sort();
    expect((await keys()).filter((key) => key.includes(old.email) || key.includes('10.16.0.1')).length).toBeGreaterThan(0);
    await app.server.app.get(LoginAttemptSweeper).sweep();
    const left = await keys();
    expect(left.filter((key) => key.includes(old.email) || key.includes('10.16.0.1'))).toEqual([]);
    expect(left.filter((key) => key.includes(recent.email)).length).toBeGreaterThan(0);
    expect(left.filter((key) => key.includes('10.16.0.2')).length).toBeGreaterThan(0);
    if (!app.db.embedded) {
      // On a server the sweep is a pg-boss cron job, so it runs once across API processes.
      const schedules = (await app.server.database.dataSource.query(`SELECT name, cron FROM pgboss.schedule`)) as Array<{
        name: string;
        cron: string;
      }>;
      expect(schedules).toContainEqual({ name: 'login-attempt-sweep', cron: app.config.loginAttemptSweepCron });
    }
  });
});

describe('password hashing is capped: a flood of sign-ins is refused at once, not queued', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({ TRUST_PROXY_HOPS: '1', HASH_CONCURRENCY: '1' })));
  afterAll(() => app?.close());

  it('parallel sign-ins of unknown e-mails beyond the cap are answered TOO_MANY_REQUESTS, none with an internal error', async () => {
    const answers = await Promise.all(
      range(40).map((i) => login(app, `unknown-${i}@test.example`, 'some-guess', { address: `10.21.0.${i}` })),
    );
    const counts = tally(answers);
    expect(counts['INTERNAL_SERVER_ERROR']).toBeUndefined();
    expect(counts['TOO_MANY_REQUESTS']).toBeGreaterThanOrEqual(1);
    expect((counts['TOO_MANY_REQUESTS'] ?? 0) + (counts['UNAUTHENTICATED'] ?? 0)).toBe(40);
    const busy = answers.find((a) => a.code === 'TOO_MANY_REQUESTS')!;
    expect(busy.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });
});
