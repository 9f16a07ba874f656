import { ShortImportErrors1795500000000 } from '../../migrations/1795500000000-ShortImportErrors.js';
import { startTestAppAsAdmin } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { importCallsCsv, VALID_CALL_COLUMNS } from '../support/imports.js';
import type { ImportStatus } from '../support/imports.js';

const HEADER = 'external_id,agent_email,started_at,duration_seconds,direction,purpose,customer_ref,transcript';
const line = (id: string, overrides: Partial<Record<string, string>> = {}) =>
  Object.values({
    external_id: id,
    ...VALID_CALL_COLUMNS,
    customer_ref: 'C-1',
    transcript: 'AGENT: hola',
    ...overrides,
  }).join(',');

/** The byte bound of the stored error list (docs/csv.md). */
const LIST_BYTES = 256 * 1024;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * An import's error list quotes the file's values cut to about 80 characters, and the list is
 * bounded in bytes as well as in count, whatever the file holds (docs/csv.md, Validation and
 * errors); the whole status object stays small, in the database and in every answer.
 */
describe('import error lists stay small (production)', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => ({ app, admin } = await startTestAppAsAdmin({ NODE_ENV: 'production' })));
  afterAll(() => app?.close());

  /** Imports `content` as the administrator; every file here is one the import refuses. */
  async function upload(content: string): Promise<ImportStatus> {
    const body = await importCallsCsv(app, admin, content, 300);
    if (body.status !== 'FAILED') throw new Error(`the import should have failed, it is ${body.status}`);
    return body;
  }

  /** The status as a later poll answers it, and the size of the stored list. */
  async function stored(id: string): Promise<{ polled: ImportStatus; pollBytes: number; rowBytes: number }> {
    const response = await fetch(`${app.url}/api/imports/calls/${id}`, { headers: { authorization: `Bearer ${admin}` } });
    const text = await response.text();
    const [row] = (await app.server.database.dataSource.query(
      `SELECT octet_length(errors::text) AS n FROM call_import WHERE id = $1`,
      [id],
    )) as Array<{ n: number }>;
    return { polled: JSON.parse(text) as ImportStatus, pollBytes: Buffer.byteLength(text), rowBytes: Number(row!.n) };
  }

  it('a header with a 1 MB column name is reported at line 1 with the name cut to about 80 characters', async () => {
    const name = `col_${'x'.repeat(1024 * 1024)}`;
    const status = await upload(`${HEADER},${name}\n${line('BIG-1')}\n`);
    expect(status.errorCount).toBe(1);
    const [error] = status.errors;
    expect(error!.line).toBe(1);
    expect(error!.column).toMatch(/^col_x+…$/);
    expect([...error!.column!].length).toBeLessThanOrEqual(81);
    expect(error!.message).toContain(`unknown column "col_xxxx`);
    expect(error!.message.length).toBeLessThan(400);
    const { polled, pollBytes, rowBytes } = await stored(status.id);
    expect(polled.errors).toEqual(status.errors);
    expect(pollBytes).toBeLessThan(2_000);
    expect(rowBytes).toBeLessThan(2_000);
  });

  it('a long name of emoji is cut between characters, never inside one', async () => {
    const name = '😀'.repeat(300_000);
    const status = await upload(`${HEADER},${name}\n${line('EMOJI-1')}\n`);
    const [error] = status.errors;
    expect(error).toMatchObject({ line: 1 });
    expect(error!.column).toBe(`${'😀'.repeat(80)}…`);
    expect(error!.message).not.toMatch(LONE_SURROGATE);
    expect(error!.message).toContain('😀'.repeat(80));
  });

  it('lines with long bad values are each reported short, and the list is bounded in count and bytes', async () => {
    const long = 'ñ😀'.repeat(2_000);
    const lines = Array.from({ length: 1_200 }, (_, i) =>
      line(`LONG-${i}`, {
        agent_email: `${long}@nowhere.test`,
        direction: `SIDEWAYS${long}`,
        transcript: `NARRATOR: ${long}`,
      }),
    );
    const status = await upload(`${HEADER}\n${lines.join('\n')}\n`);
    // Three problems on each line: agent_email, direction, transcript.
    expect(status.errorCount).toBe(3_600);
    expect(status.errors.length).toBeGreaterThan(0);
    expect(status.errors.length).toBeLessThanOrEqual(1_000);
    expect(bytes(status.errors)).toBeLessThanOrEqual(LIST_BYTES);
    expect(status.errors[0]).toMatchObject({ line: 2 });
    for (const error of status.errors) {
      expect(error.line).toBeGreaterThanOrEqual(2);
      expect(['agent_email', 'direction', 'transcript']).toContain(error.column);
      expect([...error.message].length).toBeLessThan(300);
      expect(error.message).not.toMatch(LONE_SURROGATE);
    }
    const { polled, rowBytes, pollBytes } = await stored(status.id);
    expect(polled.errorCount).toBe(3_600);
    expect(rowBytes).toBeLessThanOrEqual(LIST_BYTES);
    expect(pollBytes).toBeLessThanOrEqual(LIST_BYTES + 1_000);
  });

  it('a NUL character in a value is an error of its line and column, not a server failure', async () => {
    const status = await upload(
      `${HEADER}\n${line('NUL-1')}\n${line('NUL-2', { customer_ref: 'C-\u0000-2' })}\n${line('NUL-3', { transcript: '"AGENT: hola\u0000"' })}\n`,
    );
    expect(status.errors).toEqual([
      { line: 3, column: 'customer_ref', message: expect.stringMatching(/customer_ref .*NUL/) },
      { line: 4, column: 'transcript', message: expect.stringMatching(/transcript .*NUL/) },
    ]);
    expect(status.errorCount).toBe(2);
  });

  it('an import stored with a huge error list before the bound is cut to the same shape on upgrade', async () => {
    const name = `col_${'x'.repeat(1024 * 1024)}`;
    const old = [
      { line: 1, column: name, message: `unknown column "${name}"; the columns are external_id, agent_email` },
      ...Array.from({ length: 1_500 }, (_, i) => ({ line: i + 2, column: 'direction', message: 'direction is required' })),
    ];
    const dataSource = app.server.database.dataSource;
    const [row] = (await dataSource.query(
      `INSERT INTO call_import (status, file_name, total, processed, imported, error_count, errors, created_by, finished_at)
       VALUES ('FAILED', 'old.csv', 1500, 1500, 0, 1501, $1::jsonb, $2, now()) RETURNING id`,
      [JSON.stringify(old), app.cast.id('admin@demo.test')],
    )) as Array<{ id: string }>;
    const runner = dataSource.createQueryRunner();
    try {
      await new ShortImportErrors1795500000000().up(runner);
    } finally {
      await runner.release();
    }
    const { polled, rowBytes } = await stored(row!.id);
    expect(polled.errorCount).toBe(1_501);
    expect(polled.errors).toHaveLength(1_000);
    expect(polled.errors[0]).toEqual({
      line: 1,
      column: `col_${'x'.repeat(76)}…`,
      message: `unknown column "col_${'x'.repeat(280)}…`,
    });
    expect(polled.errors[999]).toEqual({ line: 1_000, column: 'direction', message: 'direction is required' });
    expect(rowBytes).toBeLessThanOrEqual(LIST_BYTES);
  });
});
