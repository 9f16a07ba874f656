import { serverAudits } from 'graphql-http';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

describe('GraphQL over HTTP compliance (graphql-http server audits)', () => {
  let app: TestApp;
  let results: Array<{ id: string; name: string; status: string; reason?: string }> = [];
  beforeAll(async () => {
    app = await startTestApp();
    const audits = serverAudits({ url: `${app.url}/graphql` });
    results = [];
    for (const audit of audits) {
      const result = await audit.fn();
      results.push({
        id: audit.id,
        name: audit.name,
        status: result.status,
        ...('reason' in result ? { reason: String(result.reason) } : {}),
      });
    }
  });
  afterAll(() => app?.close());

  it('passes every MUST audit', () => {
    const failedMusts = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok');
    expect(failedMusts).toEqual([]);
  });

  it('warns only where README.md says why (Apollo Server answers 400 to a bad document whatever the Accept header)', () => {
    const warnings = results
      .filter((r) => r.status === 'warn')
      .map((r) => r.id)
      .sort();
    expect(warnings).toEqual(['572B', '7B9B', 'FDE2']);
  });
});
