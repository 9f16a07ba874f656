import { parse } from 'csv-parse/sync';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

describe('CSV exports that open cleanly in a Spanish or English spreadsheet', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
  });
  afterAll(async () => {
    await app?.close();
  });

  const download = async (path: string, token = admin) => {
    const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };

  it('exports evaluations in Spanish: UTF-8 with BOM, “;” between columns, decimal commas, one column per criterion', async () => {
    const { status, type, bytes } = await download('/api/exports/evaluations.csv?lang=es&status=ACKNOWLEDGED,SUBMITTED');
    expect(status).toBe(200);
    expect(type).toMatch(/text\/csv; charset=utf-8/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    const header = rows[0]!;
    expect(header.slice(0, 8)).toEqual([
      'id',
      'llamada',
      'agente',
      'evaluador',
      'fecha_llamada',
      'estado',
      'puntuacion',
      'puntuacion_bruta',
    ]);
    expect(header).toEqual(expect.arrayContaining(['R1', 'R2', 'R10', 'comentario']));
    expect(header.indexOf('R2')).toBeLessThan(header.indexOf('R10'));
    const expected = await app.gql<{ evaluations: { nodes: unknown[] } }>(
      '{ evaluations(first: 100, filter: { status: [ACKNOWLEDGED, SUBMITTED] }) { nodes { id } pageInfo { hasNextPage } } }',
      {},
      admin,
    );
    expect(rows.length - 1).toBeGreaterThanOrEqual(expected.data!.evaluations.nodes.length);
    const scores = rows.slice(1).map((r) => r[6]!);
    expect(scores.every((s) => /^\d+,\d$/.test(s))).toBe(true);
    expect(rows.slice(1).some((r) => r.includes('N/A'))).toBe(true);
    expect(rows.slice(1).every((r) => ['ACKNOWLEDGED', 'SUBMITTED'].includes(r[5]!))).toBe(true);
    expect(bytes.toString('utf8')).toContain('Lucía Fernández');
  });

  it('exports in English with “,” and decimal points', async () => {
    const { bytes } = await download('/api/exports/evaluations.csv?lang=en');
    const rows = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]!.slice(0, 3)).toEqual(['id', 'call', 'agent']);
    expect(
      rows
        .slice(1)
        .filter((r) => r[6])
        .every((r) => /^\d+\.\d$/.test(r[6]!)),
    ).toBe(true);
  });

  it('gives an agent only their own submitted evaluations, never drafts', async () => {
    const agent = await app.login('agent1@demo.test');
    const { bytes } = await download('/api/exports/evaluations.csv?lang=es', agent);
    const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r[2] === 'Lucía Fernández' && r[5] !== 'DRAFT')).toBe(true);
  });

  it('exports an agent’s weekly progress, for those who may read it', async () => {
    const users = await app.gql<{ users: Array<{ id: string; email: string }> }>(
      '{ users(role: AGENT) { id email } }',
      {},
      admin,
    );
    const agentId = users.data!.users.find((u) => u.email === 'agent2@demo.test')!.id;
    const from = new Date(Date.now() - 120 * 86400000).toISOString();
    const to = new Date(Date.now() + 86400000).toISOString();
    const { status, bytes } = await download(
      `/api/exports/progress.csv?lang=es&agentId=${agentId}&from=${from}&to=${to}`,
      await app.login('coach@demo.test'),
    );
    expect(status).toBe(200);
    const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['semana', 'evaluaciones', 'puntuacion_media', 'R1']);
    const progress = await app.gql<{ agentProgress: { weeks: unknown[] } }>(
      'query($id: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $id, from: $from, to: $to) { weeks { weekStart } } }',
      { id: agentId, from, to },
      admin,
    );
    expect(rows.length - 1).toBe(progress.data!.agentProgress.weeks.length);
    const forbidden = await download(`/api/exports/progress.csv?agentId=${agentId}`, await app.login('agent1@demo.test'));
    expect(forbidden.status).toBe(403);
    const bad = await download('/api/exports/evaluations.csv?from=yesterday');
    expect(bad.status).toBe(400);
  });
});
