import { randomUUID } from 'node:crypto';
import { createCall } from '../support/factories.js';
import { startTestAppAsAdmin } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { importFinished, uploadCallsCsv, VALID_CALL_COLUMNS } from '../support/imports.js';
import type { ImportStatus } from '../support/imports.js';

const HEADER =
  'external_id,agent_email,started_at,duration_seconds,direction,purpose,hold_seconds,transfers,customer_ref,recording_url,transcript';
const line = (id: string, overrides: Partial<Record<string, string>> = {}) => {
  const v = {
    external_id: id,
    ...VALID_CALL_COLUMNS,
    hold_seconds: '15',
    transfers: '0',
    customer_ref: 'C-1001',
    recording_url: 'https://recordings.example.com/a.mp3',
    transcript: '"AGENT: [00:01] Buenos días\nCUSTOMER: [00:04] Hola, tengo un problema"',
    ...overrides,
  };
  return Object.values(v).join(',');
};

describe('CSV import of calls', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => ({ app, admin } = await startTestAppAsAdmin({ IMPORT_MAX_BYTES: '300000' })));
  afterAll(() => app?.close());

  async function upload(content: string | Uint8Array, token = admin): Promise<{ status: number; body: ImportStatus }> {
    const response = await uploadCallsCsv(app, token, content);
    return { status: response.status, body: (await response.json()) as ImportStatus };
  }

  const finished = (id: string) => importFinished(app, admin, id);

  it('imports a valid file in one go, with multi-line transcripts, and reports progress', async () => {
    const before = await app.count('call');
    const csv = `\ufeff${HEADER}\n${line('CSV-1')}\n${line('CSV-2', { direction: 'outbound', purpose: 'SALES', hold_seconds: '', transfers: '', recording_url: '', customer_ref: '' })}\n`;
    const { body } = await upload(csv);
    const status = await finished(body.id);
    expect(status).toMatchObject({ status: 'DONE', total: 2, processed: 2, imported: 2, errorCount: 0, errors: [] });
    expect(await app.count('call')).toBe(before + 2);
    const calls = await app.gql(
      '{ calls(filter: { purpose: SALES }) { nodes { externalId direction holdSeconds transcript { speaker text offsetSeconds } } } }',
      {},
      admin,
    );
    // The only SALES call there is (no other test imports one).
    expect(calls.data!.calls.nodes).toEqual([
      {
        externalId: 'CSV-2',
        direction: 'OUTBOUND',
        holdSeconds: null,
        transcript: [
          { speaker: 'AGENT', text: 'Buenos días', offsetSeconds: 1 },
          { speaker: 'CUSTOMER', text: 'Hola, tengo un problema', offsetSeconds: 4 },
        ],
      },
    ]);
  });

  it('with bad lines imports nothing and reports every bad line with its number and column', async () => {
    await createCall(app, {
      agentId: app.cast.id('agent1@demo.test'),
      startedAt: new Date('2026-03-02T10:00:00Z'),
      externalId: 'OLD-1',
    });
    const before = await app.count('call');
    const one = (id: string, overrides: Partial<Record<string, string>> = {}) =>
      line(id, { transcript: 'AGENT: Hola', ...overrides });
    const csv = [
      HEADER,
      one('BAD-1', { agent_email: 'nobody@demo.test' }),
      one('BAD-2', { started_at: '2026-11-02 09:30' }),
      one('BAD-3', { duration_seconds: '-5' }),
      one('BAD-4', { purpose: 'GOSSIP' }),
      one('BAD-5', { recording_url: 'javascript:alert(1)' }),
      one('BAD-6'),
      one('BAD-6'),
      one('OLD-1'),
      one('BAD-8', { transcript: 'MANAGER: hola' }),
    ].join('\n');
    const status = await finished((await upload(csv)).body.id);
    expect(status.status).toBe('FAILED');
    expect(status.imported).toBe(0);
    expect(status.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'agent_email'],
      [3, 'started_at'],
      [4, 'duration_seconds'],
      [5, 'purpose'],
      [6, 'recording_url'],
      [8, 'external_id'],
      [9, 'external_id'],
      [10, 'transcript'],
    ]);
    expect(status.errors[0]!.message).toBe('no agent has the email nobody@demo.test');
    expect(status.errors[5]!.message).toBe('external_id BAD-6 is also on line 7');
    expect(status.errors[6]!.message).toBe('a call with external_id OLD-1 already exists');
    expect(await app.count('call')).toBe(before);
  });

  it.each([
    [
      'a missing header column',
      HEADER.replace('purpose,', '') + '\n' + 'X,agent1@demo.test,2026-11-02T09:30:00Z,5,INBOUND,1,0,,,',
      1,
      'purpose',
      /no purpose column/,
    ],
    ['an empty file', '', 1, null, /the file is empty/],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from(`${HEADER}\n${line('U-1')}\n`), Buffer.from([0x58, 0xff, 0xfe, 0x2c])]),
      4,
      null,
      /not valid UTF-8/,
    ],
  ])('refuses %s, importing nothing', async (_label, content, lineNo, column, message) => {
    const before = await app.count('call');
    const status = await finished((await upload(content)).body.id);
    expect(status.status).toBe('FAILED');
    expect(status.errors[0]).toMatchObject({ line: lineNo, column });
    expect(status.errors[0]!.message).toMatch(message);
    expect(await app.count('call')).toBe(before);
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const csv = [HEADER, ...Array.from({ length: 1600 }, (_, i) => line(`BIG-${i}`))].join('\n');
    expect(csv.length).toBeGreaterThan(300000);
    const { body } = await upload(csv);
    expect(body.status).toBe('FAILED');
    expect(body.errors[0]!.message).toMatch(/larger than the limit/);
  });

  it('lists the first 1,000 bad lines and counts them all', async () => {
    const csv = [
      HEADER,
      ...Array.from({ length: 1200 }, (_, i) => line(`MANY-${i}`, { agent_email: 'ghost@demo.test', transcript: '' })),
    ].join('\n');
    const status = await finished((await upload(csv)).body.id);
    expect(status).toMatchObject({ status: 'FAILED', total: 1200, errorCount: 1200, imported: 0 });
    expect(status.errors).toHaveLength(1000);
    expect(status.errors[999]).toMatchObject({ line: 1001, column: 'agent_email' });
  });

  it('answers an import’s status only to its uploader and administrators: to anyone else it is 404, as an unknown id', async () => {
    const evaluator = await app.login('evaluator@demo.test');
    const { body } = await upload(`${HEADER}\n${line('OWNED-1')}`, evaluator);
    await finished(body.id);
    const poll = async (id: string, token: string) => {
      const response = await fetch(`${app.url}/api/imports/calls/${id}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const own = await poll(body.id, evaluator);
    expect(own).toMatchObject({ status: 200, body: { id: body.id, status: 'DONE', imported: 1 } });
    expect(await poll(body.id, admin)).toEqual(own);
    const evaluator2 = await app.login('evaluator2@demo.test');
    const another = await poll(body.id, evaluator2);
    expect(another).toEqual(await poll(randomUUID(), evaluator2));
    expect(another).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: 'Import was not found.' } });
  });

  it('is for administrators and evaluators only', async () => {
    const agent = await upload(`${HEADER}\n${line('A-1')}`, await app.login('agent1@demo.test'));
    expect(agent.status).toBe(403);
    const response = await fetch(`${app.url}/api/imports/calls`, { method: 'POST' });
    expect(response.status).toBe(401);
    const evaluator = await upload(`${HEADER}\n${line('E-1')}`, await app.login('evaluator@demo.test'));
    expect((await finished(evaluator.body.id)).status).toBe('DONE');
  });
});
