import { parse } from 'csv-parse/sync';
import { allAnswers, createEvaluatedCall } from '../support/factories.js';
import type { EvaluationInput } from '../support/factories.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const CODES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'];
const at = (iso: string) => new Date(iso);

describe('CSV exports that open cleanly in a Spanish or English spreadsheet', () => {
  let app: TestApp;
  let admin: string;
  /** The evaluations built below, by name. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
    const person = (email: string) => app.cast.id(email);
    const evaluate = async (
      name: string,
      agent: string,
      startedAt: string,
      evaluation: Omit<EvaluationInput, 'callId' | 'evaluatorId'> & { evaluator?: string },
    ) => {
      const { evaluator = 'evaluator@demo.test', ...rest } = evaluation;
      ids[name] = (
        await createEvaluatedCall(
          app,
          { agentId: person(agent), startedAt: at(startedAt), externalId: `EXP-${name}` },
          { evaluatorId: person(evaluator), ...rest },
        )
      ).evaluationId;
    };
    // Lucía Fernández (agent1): acknowledged with an N/A and a comment that holds the Spanish
    // delimiter (100.0), submitted (73.75 → 73.8), disputed (47.5), and a draft nobody else sees.
    await evaluate('E1', 'agent1@demo.test', '2026-03-02T10:00:00Z', {
      answers: allAnswers(4, { R2: null }),
      status: 'ACKNOWLEDGED',
      comment: 'Muy buena llamada; sin pegas',
    });
    await evaluate('E2', 'agent1@demo.test', '2026-03-03T10:00:00Z', {
      answers: allAnswers(3, { R2: 2 }),
      evaluator: 'evaluator2@demo.test',
      resolution: 'PARTIAL',
      supervisorRequested: true,
      supervisorProvided: true,
    });
    await evaluate('E3', 'agent1@demo.test', '2026-03-04T10:00:00Z', { answers: allAnswers(2, { R1: 1 }), status: 'DISPUTED' });
    await evaluate('E4', 'agent1@demo.test', '2026-03-05T10:00:00Z', {
      answers: { R1: 3 },
      status: 'DRAFT',
      evaluator: 'evaluator2@demo.test',
    });
    // Mateo García (agent2): a critical failure (raw 90.0, score 0.0) and the weekly series of the
    // progress export: weeks of 2026-03-02 (E5, P1) and 2026-03-16 (P2); P0 before the window, P3 a draft.
    await evaluate('E5', 'agent2@demo.test', '2026-03-06T10:00:00Z', { answers: allAnswers(4, { R9: 0 }) });
    await evaluate('P0', 'agent2@demo.test', '2026-02-20T10:00:00Z', { answers: allAnswers(1) });
    await evaluate('P1', 'agent2@demo.test', '2026-03-03T12:00:00Z', { answers: allAnswers(3), status: 'ACKNOWLEDGED' });
    await evaluate('P2', 'agent2@demo.test', '2026-03-17T12:00:00Z', { answers: allAnswers(2, { R10: null }) });
    await evaluate('P3', 'agent2@demo.test', '2026-03-18T12:00:00Z', { answers: { R1: 0 }, status: 'DRAFT' });
  });
  afterAll(() => app?.close());

  const download = async (path: string, token = admin) => {
    const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };

  /** Evaluations whose call is in March 2026: everything above but P0. */
  const MARCH = 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';

  it('exports evaluations in Spanish: UTF-8 with BOM, “;” between columns, decimal commas, one column per criterion', async () => {
    const { status, type, bytes } = await download(`/api/exports/evaluations.csv?lang=es&status=ACKNOWLEDGED,SUBMITTED&${MARCH}`);
    expect(status).toBe(200);
    expect(type).toMatch(/text\/csv; charset=utf-8/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual([
      'id',
      'llamada',
      'agente',
      'evaluador',
      'fecha_llamada',
      'estado',
      'puntuacion',
      'puntuacion_bruta',
      'fallo_critico',
      'resolucion',
      'supervisor_solicitado',
      'supervisor_facilitado',
      ...CODES,
      'comentario',
    ]);
    // Newest call first; the disputed evaluation, the drafts and February's P0 are filtered out.
    const answers = (value: string, overrides: Record<string, string> = {}) => CODES.map((c) => overrides[c] ?? value);
    expect(rows.slice(1)).toEqual([
      [
        ids['P2'],
        'EXP-P2',
        'Mateo García',
        'Elena Evaluadora',
        '2026-03-17T12:00:00.000Z',
        'SUBMITTED',
        '50,0',
        '50,0',
        'no',
        'RESOLVED',
        'no',
        '',
        ...answers('2', { R10: 'N/A' }),
        '',
      ],
      [
        ids['E5'],
        'EXP-E5',
        'Mateo García',
        'Elena Evaluadora',
        '2026-03-06T10:00:00.000Z',
        'SUBMITTED',
        '0,0',
        '90,0',
        'sí',
        'RESOLVED',
        'no',
        '',
        ...answers('4', { R9: '0' }),
        '',
      ],
      [
        ids['P1'],
        'EXP-P1',
        'Mateo García',
        'Elena Evaluadora',
        '2026-03-03T12:00:00.000Z',
        'ACKNOWLEDGED',
        '75,0',
        '75,0',
        'no',
        'RESOLVED',
        'no',
        '',
        ...answers('3'),
        '',
      ],
      [
        ids['E2'],
        'EXP-E2',
        'Lucía Fernández',
        'Ernesto Evaluador',
        '2026-03-03T10:00:00.000Z',
        'SUBMITTED',
        '73,8',
        '73,8',
        'no',
        'PARTIAL',
        'sí',
        'sí',
        ...answers('3', { R2: '2' }),
        '',
      ],
      [
        ids['E1'],
        'EXP-E1',
        'Lucía Fernández',
        'Elena Evaluadora',
        '2026-03-02T10:00:00.000Z',
        'ACKNOWLEDGED',
        '100,0',
        '100,0',
        'no',
        'RESOLVED',
        'no',
        '',
        ...answers('4', { R2: 'N/A' }),
        'Muy buena llamada; sin pegas',
      ],
    ]);
    // The comment holding the delimiter is quoted, so it stays one column.
    expect(bytes.toString('utf8')).toContain('"Muy buena llamada; sin pegas"');
    expect(bytes.toString('utf8')).toContain('Lucía Fernández');
  });

  it('exports in English with “,” and decimal points', async () => {
    const { status, bytes } = await download('/api/exports/evaluations.csv?lang=en');
    expect(status).toBe(200);
    const rows = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]!.slice(0, 12)).toEqual([
      'id',
      'call',
      'agent',
      'evaluator',
      'call_time',
      'status',
      'score',
      'raw_score',
      'critical_failure',
      'resolution',
      'supervisor_requested',
      'supervisor_provided',
    ]);
    expect(rows[0]!.slice(12)).toEqual([...CODES, 'comment']);
    // Every evaluation but the drafts, newest call first.
    expect(rows.slice(1).map((r) => [r[0], r[5], r[6], r[7], r[8], r[10], r[11]])).toEqual([
      [ids['P2'], 'SUBMITTED', '50.0', '50.0', 'no', 'no', ''],
      [ids['E5'], 'SUBMITTED', '0.0', '90.0', 'yes', 'no', ''],
      [ids['E3'], 'DISPUTED', '47.5', '47.5', 'no', 'no', ''],
      [ids['P1'], 'ACKNOWLEDGED', '75.0', '75.0', 'no', 'no', ''],
      [ids['E2'], 'SUBMITTED', '73.8', '73.8', 'no', 'yes', 'yes'],
      [ids['E1'], 'ACKNOWLEDGED', '100.0', '100.0', 'no', 'no', ''],
      [ids['P0'], 'SUBMITTED', '25.0', '25.0', 'no', 'no', ''],
    ]);
    // A comment holding the Spanish delimiter needs no quoting in English.
    expect(rows.find((r) => r[0] === ids['E1'])!.at(-1)).toBe('Muy buena llamada; sin pegas');
  });

  it('gives an agent only their own submitted evaluations, never drafts', async () => {
    const agent = await app.login('agent1@demo.test');
    const { status, bytes } = await download('/api/exports/evaluations.csv?lang=es', agent);
    expect(status).toBe(200);
    const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(rows.slice(1).map((r) => [r[0], r[2], r[5]])).toEqual([
      [ids['E3'], 'Lucía Fernández', 'DISPUTED'],
      [ids['E2'], 'Lucía Fernández', 'SUBMITTED'],
      [ids['E1'], 'Lucía Fernández', 'ACKNOWLEDGED'],
    ]);
  });

  it('exports an agent’s weekly progress, for those who may read it', async () => {
    const agentId = app.cast.id('agent2@demo.test');
    const from = '2026-03-01T00:00:00.000Z';
    const to = '2026-04-01T00:00:00.000Z';
    const { status, bytes } = await download(
      `/api/exports/progress.csv?lang=es&agentId=${agentId}&from=${from}&to=${to}`,
      await app.login('coach@demo.test'),
    );
    expect(status).toBe(200);
    const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(rows).toEqual([
      ['semana', 'evaluaciones', 'puntuacion_media', ...CODES],
      // E5 (0.0: R9 answered 0, the rest 4) and P1 (75.0: all 3).
      ['2026-03-02', '2', '37,5', ...CODES.map((c) => (c === 'R9' ? '1,50' : '3,50'))],
      // P2 (50.0: all 2, R10 N/A).
      ['2026-03-16', '1', '50,0', ...CODES.map((c) => (c === 'R10' ? '' : '2,00'))],
    ]);
    const progress = await app.gql<{ agentProgress: { weeks: Array<{ weekStart: string; count: number }> } }>(
      'query($id: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $id, from: $from, to: $to) { weeks { weekStart count } } }',
      { id: agentId, from, to },
      admin,
    );
    expect(progress.data!.agentProgress.weeks).toEqual([
      { weekStart: '2026-03-02', count: 2 },
      { weekStart: '2026-03-16', count: 1 },
    ]);
    // Another agent's progress is not theirs to see: 404, as for a missing id.
    const unseen = await download(`/api/exports/progress.csv?agentId=${agentId}`, await app.login('agent1@demo.test'));
    expect(unseen.status).toBe(404);
    const bad = await download('/api/exports/evaluations.csv?from=yesterday');
    expect(bad.status).toBe(400);
  });

  it('refuses a bad filter with the same rule as the evaluations query, naming the parameter', async () => {
    const cases: Array<[query: string, field: string, filter: Record<string, unknown>]> = [
      ['status=SUBMITTED,BOGUS', 'status', { status: ['SUBMITTED', 'BOGUS'] }],
      ['minScore=150', 'minScore', { minScore: 150 }],
      ['agentId=abc', 'agentId', {}],
      ['from=yesterday', 'from', {}],
      ['criticalFailure=maybe', 'criticalFailure', {}],
    ];
    for (const [query, field, filter] of cases) {
      const response = await fetch(`${app.url}/api/exports/evaluations.csv?${query}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      const body = (await response.json()) as { code: string; field: string; message: string };
      expect({ query, status: response.status, code: body.code, field: body.field }).toEqual({
        query,
        status: 400,
        code: 'BAD_USER_INPUT',
        field,
      });
      if (!Object.keys(filter).length || field === 'status') continue;
      // The GraphQL query refuses the same value with the same message (GraphQL names it under input.).
      const graphql = await app.gql(
        'query($f: EvaluationFilter) { evaluations(filter: $f) { nodes { id } } }',
        { f: filter },
        admin,
      );
      const error = (graphql as { errors: Array<{ message: string; extensions: { field: string } }> }).errors[0]!;
      expect(error.extensions.field).toBe(`input.${field}`);
      expect(error.message).toBe(`input.${body.message}`);
    }
  });
});
