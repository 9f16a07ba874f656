import { parse } from 'csv-parse/sync';
import { allAnswers, createEvaluatedCall, createEvaluation } from '../support/factories.js';
import { errorCode, startTestAppAsAdmin } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { importCallsCsv } from '../support/imports.js';

const HEADER =
  'external_id,agent_email,started_at,duration_seconds,direction,purpose,hold_seconds,transfers,customer_ref,recording_url,transcript';
/** One CSV field as a spreadsheet would write it: quoted, inner quotes doubled. */
const field = (value: string) => `"${value.replace(/"/g, '""')}"`;
const csvLine = (values: Partial<Record<string, string>>) =>
  [
    values['external_id'] ?? 'ID',
    values['agent_email'] ?? 'agent1@demo.test',
    values['started_at'] ?? '2026-03-02T09:30:00+01:00',
    values['duration_seconds'] ?? '240',
    values['direction'] ?? 'INBOUND',
    values['purpose'] ?? 'SUPPORT',
    '',
    '',
    values['customer_ref'] ?? '',
    values['recording_url'] ?? '',
    values['transcript'] ?? '',
  ]
    .map(field)
    .join(',');

/** Text a spreadsheet would run as a formula, and text a browser would run as script. */
const FORMULAS = [
  '=HYPERLINK("http://x.example","ver")',
  '+34 600 123 456',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  "=cmd|' /C calc'!A0",
];
const XSS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "javascript:alert('x')"];

/** Every cell a spreadsheet would run: a formula start, or a minus that is not a plain number. */
const runnable = (cell: string) => /^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d+(?:[.,]\d+)?$/.test(cell));

describe('CSV exports neutralise formulas; CSV import keeps abusive text verbatim; recording URLs are http(s) only', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => ({ app, admin } = await startTestAppAsAdmin()));
  afterAll(() => app?.close());

  const download = async (path: string) => {
    const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer()).toString('utf8');
  };

  const upload = (content: string) => importCallsCsv(app, admin, content);

  it('exports a stored formula comment as text: single quote first, quoted; numbers stay bare numbers', async () => {
    const ids: string[] = [];
    for (const [i, comment] of FORMULAS.entries()) {
      ids.push(
        (
          await createEvaluatedCall(
            app,
            { agentId: app.cast.id('agent3@demo.test'), startedAt: new Date(Date.UTC(2026, 4, 4 + i, 10)) },
            { evaluatorId: app.cast.id('evaluator@demo.test'), answers: allAnswers(4), comment },
          )
        ).evaluationId,
      );
    }
    const window = 'from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z';
    for (const [lang, delimiter, score] of [
      ['es', ';', '100,0'],
      ['en', ',', '100.0'],
    ] as const) {
      const text = await download(
        `/api/exports/evaluations.csv?lang=${lang}&agentId=${app.cast.id('agent3@demo.test')}&${window}`,
      );
      expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""ver"")"`);
      const rows = parse(text, { bom: true, delimiter }) as string[][];
      const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
      expect(byId.size).toBe(FORMULAS.length);
      FORMULAS.forEach((comment, i) => expect(byId.get(ids[i]!)!.at(-1)).toBe(`'${comment}`));
      expect(rows.flat().filter(runnable)).toEqual([]);
      // The score column: a bare number on every line, not text.
      const lines = text.split('\r\n').filter((l) => l.startsWith(`"${ids[0]}"`));
      expect(lines[0]).toContain(`${delimiter}${score}${delimiter}`);
      expect(rows[1]![6]).toBe(score);
    }
  });

  it('imports script and formula text verbatim, reads it back verbatim through GraphQL, and exports it neutralised', async () => {
    const values = {
      external_id: '=HYPERLINK("http://x.example","id")',
      customer_ref: '<img src=x onerror=alert(1)>',
      transcript: [
        ...XSS.map((text, i) => `AGENT: [00:0${i}] ${text}`),
        ...FORMULAS.filter((f) => !/^[\t\r]/.test(f)).map((text) => `CUSTOMER: ${text}`),
      ].join('\n'),
    };
    const second = { external_id: '@abuse-2', customer_ref: '-1+1', transcript: 'AGENT: +34 600 000 000' };
    const status = await upload(`${HEADER}\n${csvLine(values)}\n${csvLine(second)}\n`);
    expect(status).toMatchObject({ status: 'DONE', imported: 2, errors: [] });

    const [row] = (await app.server.database.dataSource.query('SELECT id FROM call WHERE external_id = $1', [
      values.external_id,
    ])) as Array<{ id: string }>;
    const read = await app.gql<{
      call: { externalId: string; customerRef: string; transcript: Array<{ speaker: string; text: string }> };
    }>('query($id: ID!) { call(id: $id) { externalId customerRef transcript { speaker text } } }', { id: row!.id }, admin);
    expect(read.errors).toBeUndefined();
    expect(read.data!.call.externalId).toBe(values.external_id);
    expect(read.data!.call.customerRef).toBe(values.customer_ref);
    expect(read.data!.call.transcript.map((t) => t.text)).toEqual([...XSS, ...FORMULAS.filter((f) => !/^[\t\r]/.test(f))]);

    // Evaluated, the call's external id reaches the evaluations export: as text, never a formula.
    await createEvaluation(app, {
      callId: row!.id,
      evaluatorId: app.cast.id('evaluator@demo.test'),
      answers: allAnswers(3),
      comment: XSS[0],
    });
    const text = await download(
      `/api/exports/evaluations.csv?lang=es&agentId=${app.cast.id('agent1@demo.test')}&from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z`,
    );
    const rows = parse(text, { bom: true, delimiter: ';' }) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]![1]).toBe(`'${values.external_id}`);
    expect(rows[1]!.at(-1)).toBe(XSS[0]);
    expect(rows.flat().filter(runnable)).toEqual([]);
  });

  it('refuses javascript: and data: recording URLs on GraphQL call creation', async () => {
    const before = await app.count('call');
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ]) {
      const result = await app.gql(
        `mutation($input: CreateCallInput!) { createCall(input: $input) { id } }`,
        {
          input: {
            externalId: `URL-${url.length}-${url.slice(0, 4)}`,
            agentId: app.cast.id('agent1@demo.test'),
            startedAt: '2026-03-02T09:30:00Z',
            durationSeconds: 60,
            direction: 'INBOUND',
            purpose: 'SUPPORT',
            recordingUrl: url,
          },
        },
        admin,
      );
      expect([url, errorCode(result), result.errors?.[0]?.extensions?.field]).toEqual([
        url,
        'BAD_USER_INPUT',
        'input.recordingUrl',
      ]);
    }
    expect(await app.count('call')).toBe(before);
  });

  it('refuses javascript: and data: recording URLs on a CSV import line, naming the line and the column', async () => {
    const before = await app.count('call');
    const status = await upload(
      [
        HEADER,
        csvLine({ external_id: 'URL-OK', recording_url: 'https://recordings.example.com/a.mp3' }),
        csvLine({ external_id: 'URL-JS', recording_url: 'javascript:alert(1)' }),
        csvLine({ external_id: 'URL-DATA', recording_url: 'data:text/html,<script>alert(1)</script>' }),
        csvLine({ external_id: 'URL-JS2', recording_url: 'JAVASCRIPT:alert(document.cookie)' }),
      ].join('\n'),
    );
    expect(status.status).toBe('FAILED');
    expect(status.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'recording_url'],
      [4, 'recording_url'],
      [5, 'recording_url'],
    ]);
    expect(await app.count('call')).toBe(before);
  });

  it('has no other way in for a recording URL: only createCall’s input carries one (no call update exists)', async () => {
    const schema = await app.gql<{
      __schema: { types: Array<{ name: string; kind: string; inputFields: Array<{ name: string }> | null }> };
    }>('{ __schema { types { name kind inputFields { name } } } }', {}, admin);
    const inputsWithUrl = schema
      .data!.__schema.types.filter((t) => t.kind === 'INPUT_OBJECT' && t.inputFields?.some((f) => /recording/i.test(f.name)))
      .map((t) => t.name);
    expect(inputsWithUrl).toEqual(['CreateCallInput']);
  });
});
