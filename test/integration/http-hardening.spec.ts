import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { createEvaluatedCall, allAnswers } from '../support/factories.js';
import { startTestApp, startTestAppAsAdmin } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

type Errors = { errors?: Array<{ message: string; extensions?: { code?: string } }> };

/** Resolves when the server closes the socket; fails, saying what it waited for, after `bound` ms. */
function closedWithin(bound: number, send: (socket: ReturnType<typeof connect>) => void, url: string, what: string) {
  const { hostname, port } = new URL(url);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept ${what} open for ${bound} ms`));
    }, bound);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('connect', () => send(socket));
  });
}

describe('HTTP hardening in production', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(
    async () =>
      ({ app, admin } = await startTestAppAsAdmin({
        NODE_ENV: 'production',
        HEADERS_TIMEOUT_MS: '300',
        REQUEST_TIMEOUT_MS: '600',
      })),
  );
  afterAll(() => app?.close());

  const post = async (body: unknown, token = admin) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Errors };
  };

  it('hides enum value suggestions, as it hides field suggestions, in a literal and in a variable', async () => {
    const literal = await post({ query: '{ calls(filter: { direction: INBOUN }) { nodes { id } } }' });
    expect(literal.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const variable = await post({
      query: 'query($f: CallFilter) { calls(filter: $f) { nodes { id } } }',
      variables: { f: { direction: 'INBOUN' } },
    });
    expect(variable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const field = await post({
      query: 'query($f: CallFilter) { calls(filter: $f) { nodes { id } } }',
      variables: { f: { directoin: 'INBOUND' } },
    });
    for (const { body } of [literal, variable, field]) {
      expect(body.errors?.length).toBeGreaterThan(0);
      for (const error of body.errors!) {
        expect(error.message).not.toMatch(/did you mean|suggestion/i);
        expect(error.message).not.toMatch(/enum value "INBOUND"|"direction"/);
      }
    }
    expect(field.body.errors?.[0]?.message).toBe(
      'Variable "$f" got invalid value { directoin: "INBOUND" }; Field "directoin" is not defined by type "CallFilter".',
    );
  });

  it('counts fields reached through named and inline fragments against the root-field limit', async () => {
    // `__typename` needs no alias (the alias limit is another rule), and each one counts.
    const fields = Array.from({ length: 11 }, () => '__typename');
    const named = await post({ query: `query { ...Many } fragment Many on Query { ${fields.join(' ')} }` });
    const inline = await post({ query: `query { ... on Query { ${fields.join(' ')} } }` });
    const nested = await post({
      query: `query { __typename ...A } fragment A on Query { ...B ${fields.slice(0, 5).join(' ')} } fragment B on Query { ${fields.slice(5, 10).join(' ')} }`,
    });
    for (const { status, body } of [named, inline, nested]) {
      expect(status).toBe(400);
      expect(body.errors?.map((e) => e.extensions?.code)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors?.map((e) => e.message).join(' ')).toMatch(/Too many root fields: 11/);
    }
    // Ten through a fragment is within the limit.
    const ten = await post({ query: `query { ...Ten } fragment Ten on Query { ${fields.slice(0, 10).join(' ')} }` });
    expect(ten.body.errors).toBeUndefined();
  });

  it('answers a persisted-query hash that does not match its document as a client error, 400', async () => {
    const query = '{ me { id } }';
    const wrong = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const right = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(right.status).toBe(200);
  });

  it('sends no HSTS over plain HTTP and denies framing consistently with the CSP', async () => {
    for (const path of ['/', '/health', '/api/exports/progress.csv']) {
      const response = await fetch(`${app.url}${path}`, { headers: { 'x-forwarded-proto': 'https' } });
      // Not secure, and no proxy is trusted (TRUST_PROXY_HOPS=0), so X-Forwarded-Proto is ignored.
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('marks every response that may carry personal data no-store: exports, imports, REST answers, GraphQL', async () => {
    await createEvaluatedCall(
      app,
      { agentId: app.cast.id('agent1@demo.test'), startedAt: new Date('2026-03-02T10:00:00Z') },
      { evaluatorId: app.cast.id('evaluator@demo.test'), answers: allAnswers(3) },
    );
    const auth = { authorization: `Bearer ${admin}` };
    const agent = app.cast.id('agent1@demo.test');
    const window = 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';
    const form = new FormData();
    form.append(
      'file',
      new Blob([
        'external_id,agent_email,started_at,duration_seconds,direction,purpose\nNS-1,agent1@demo.test,2026-03-02T09:30:00Z,60,INBOUND,SUPPORT\n',
      ]),
      'calls.csv',
    );
    const upload = await fetch(`${app.url}/api/imports/calls`, { method: 'POST', body: form, headers: auth });
    const { id } = (await upload.json()) as { id: string };
    const responses = [
      upload,
      await fetch(`${app.url}/api/imports/calls/${id}`, { headers: auth }),
      await fetch(`${app.url}/api/exports/evaluations.csv?${window}`, { headers: auth }),
      await fetch(`${app.url}/api/exports/progress.csv?agentId=${agent}&${window}`, { headers: auth }),
      // Refusals too: a cache must not keep them either.
      await fetch(`${app.url}/api/exports/evaluations.csv?agentId=nope`, { headers: auth }),
      await fetch(`${app.url}/api/exports/evaluations.csv`),
      await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { email } }' }),
      }),
    ];
    expect(responses.map((r) => [r.url.replace(app.url, '').split('?')[0], r.headers.get('cache-control')])).toEqual(
      responses.map((r) => [r.url.replace(app.url, '').split('?')[0], 'no-store']),
    );
    expect(responses.slice(0, 4).map((r) => r.status)).toEqual([expect.any(Number), 200, 200, 200]);
  });

  it('disconnects a client that sends half a request line (HEADERS_TIMEOUT_MS)', async () => {
    const answer = await closedWithin(
      15_000,
      (socket) => socket.write('GET /heal'),
      app.url,
      'a connection with half a request line (HEADERS_TIMEOUT_MS=300)',
    );
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('disconnects a client that sends its headers and then only part of the body (REQUEST_TIMEOUT_MS)', async () => {
    const answer = await closedWithin(
      15_000,
      (socket) =>
        socket.write(
          'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":',
        ),
      app.url,
      'a request with a partial body (REQUEST_TIMEOUT_MS=600)',
    );
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });
});

describe('HSTS behind a trusted TLS proxy', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({ NODE_ENV: 'production', TRUST_PROXY_HOPS: '1' })));
  afterAll(() => app?.close());

  it('sends HSTS only when the trusted proxy says the request came over HTTPS', async () => {
    const secure = await fetch(`${app.url}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers.get('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
    const plain = await fetch(`${app.url}/health`, { headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const direct = await fetch(`${app.url}/health`);
    expect(direct.headers.get('strict-transport-security')).toBeNull();
  });
});
