import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-accounts.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

describe('sign-in throttle (10 a minute per account and address, 30 per address, 20 an hour per account then a growing delay)', () => {
  let app: TestApp;
  beforeAll(async () => {
    // One trusted proxy hop, so each request can say which address it comes from.
    app = await startTestApp({ TRUST_PROXY_HOPS: '1' });
  });
  afterAll(() => app?.close());

  const login = async (email: string, password: string, address: string) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: { code: string } }> };
    return body.errors?.[0] ?? { extensions: { code: 'OK' }, message: '' };
  };

  it('refuses the 11th try for one email from one address within a minute, even with the right password', async () => {
    app.clock.travelTo(new Date('2031-04-01T10:00:05Z'));
    for (let i = 1; i <= 10; i += 1) {
      expect((await login('agent3@demo.test', 'wrong-password', '10.1.0.1')).extensions.code).toBe('UNAUTHENTICATED');
    }
    const eleventh = await login('agent3@demo.test', DEMO_PASSWORD, '10.1.0.1');
    expect(eleventh.extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(eleventh.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ s\.$/);
    // Other people sign in as usual.
    expect((await login('agent4@demo.test', DEMO_PASSWORD, '10.1.0.99')).extensions.code).toBe('OK');
  });

  it('refuses the 31st try from one address within a minute, whatever the email; other addresses are unaffected', async () => {
    app.clock.travelTo(new Date('2031-04-02T10:00:05Z'));
    for (let i = 1; i <= 30; i += 1) {
      expect((await login(`nobody${i}@demo.test`, 'guess', '10.2.0.1')).extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await login('agent5@demo.test', DEMO_PASSWORD, '10.2.0.1')).extensions.code).toBe('TOO_MANY_REQUESTS');
    expect((await login('agent5@demo.test', DEMO_PASSWORD, '10.2.0.2')).extensions.code).toBe('OK');
  });

  it('does not count successful sign-ins: a whole shift signing in from one address is fine', async () => {
    app.clock.travelTo(new Date('2031-04-03T10:00:05Z'));
    for (let i = 0; i < 40; i += 1) {
      expect((await login('agent6@demo.test', DEMO_PASSWORD, '10.3.0.1')).extensions.code).toBe('OK');
    }
  });
});
