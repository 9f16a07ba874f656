// CSV import rate and submitEvaluation throughput/latency, each beside a raw-`pg` baseline doing
// the same writes in the same run (issue: calls and the evaluation workflow).
import { createWriteStream, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import pg from 'pg';
import { gql, login, percentile } from './support.mjs';

const AGENTS = Array.from({ length: 10 }, (_, i) => `agent${i + 1}@demo.test`);
const HEADER =
  'external_id,agent_email,started_at,duration_seconds,direction,purpose,hold_seconds,transfers,customer_ref,recording_url,transcript';

async function writeCsv(path, lines, prefix) {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  const start = Date.parse('2026-01-05T09:00:00Z');
  for (let i = 0; i < lines; i++) {
    const row = `${prefix}-${i},${AGENTS[i % 10]},${new Date(start + i * 37_000).toISOString()},${120 + (i % 600)},${i % 3 ? 'INBOUND' : 'OUTBOUND'},${i % 5 ? 'SUPPORT' : 'SALES'},${i % 60},${i % 2},C-${i},https://rec.example.com/${i}.mp3,"AGENT: [00:01] Buenos días\nCUSTOMER: [00:04] Hola, llamo por mi factura ${i}"\n`;
    if (!out.write(row)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The same writes without the product: parse the CSV and multi-row INSERT it in one transaction. */
async function rawImport(databaseUrl, path) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const agents = new Map((await client.query(`SELECT email, id FROM app_user`)).rows.map((r) => [r.email, r.id]));
  const started = performance.now();
  await client.query('BEGIN');
  let batch = [];
  const flush = async () => {
    if (!batch.length) return;
    const params = [];
    const tuples = batch.map((r) => {
      const values = [
        r[0],
        agents.get(r[1]),
        r[2],
        Number(r[3]),
        r[4],
        r[5],
        Number(r[6]),
        Number(r[7]),
        r[8],
        r[9],
        JSON.stringify(r[10].split('\n').map((t) => ({ speaker: t.split(':')[0], text: t, offsetSeconds: null }))),
      ];
      const base = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${base + i + 1}${i === 10 ? '::jsonb' : ''}`).join(',')})`;
    });
    await client.query(
      `INSERT INTO call (external_id, agent_id, started_at, duration_seconds, direction, purpose, hold_seconds, transfers, customer_ref, recording_url, transcript) VALUES ${tuples.join(',')}`,
      params,
    );
    batch = [];
  };
  let header = true;
  for await (const record of createReadStream(path).pipe(parse())) {
    if (header) {
      header = false;
      continue;
    }
    batch.push(record);
    if (batch.length >= 500) await flush();
  }
  await flush();
  await client.query('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

export async function benchImport(server, databaseUrl, lines) {
  const token = await login(server.url, 'admin@demo.test');
  const apiPath = join(tmpdir(), `bench-import-api-${process.pid}.csv`);
  const rawPath = join(tmpdir(), `bench-import-raw-${process.pid}.csv`);
  await writeCsv(apiPath, lines, 'API');
  await writeCsv(rawPath, lines, 'RAW');
  const started = performance.now();
  const form = new FormData();
  form.append('file', await openAsBlob(apiPath), 'calls.csv');
  const response = await fetch(`${server.url}/api/imports/calls`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  let status = await response.json();
  while (status.status !== 'DONE' && status.status !== 'FAILED') {
    await new Promise((r) => setTimeout(r, 200));
    status = await (
      await fetch(`${server.url}/api/imports/calls/${status.id}`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
  }
  const apiSeconds = (performance.now() - started) / 1000;
  const memory = server.memory();
  if (status.status !== 'DONE') throw new Error(`import failed: ${JSON.stringify(status.errors.slice(0, 3))}`);
  const rawSeconds = await rawImport(databaseUrl, rawPath);
  rmSync(apiPath);
  rmSync(rawPath);
  return { lines, apiRate: lines / apiSeconds, rawRate: lines / rawSeconds, apiSeconds, rawSeconds, memory };
}

/** Drafts with complete answers, written set-based so the benchmark measures only the submits. */
async function prepareDrafts(client, count, tag) {
  const ids = await client.query(
    `SELECT (SELECT id FROM app_user WHERE email = 'evaluator@demo.test') AS evaluator, (SELECT id FROM rubric_version WHERE status = 'PUBLISHED') AS rubric`,
  );
  const { evaluator, rubric } = ids.rows[0];
  await client.query(
    `INSERT INTO call (external_id, agent_id, started_at, duration_seconds, direction, purpose)
     SELECT '${tag}-' || g, (SELECT id FROM app_user WHERE email = 'agent' || (1 + g % 10) || '@demo.test'), now() - (g || ' minutes')::interval, 300, 'INBOUND', 'SUPPORT'
     FROM generate_series(1, $1) g`,
    [count],
  );
  const drafts = await client.query(
    `INSERT INTO evaluation (call_id, evaluator_id, agent_id, call_started_at, rubric_version_id, status, version, resolution, supervisor_requested)
     SELECT c.id, $1, c.agent_id, c.started_at, $2, 'DRAFT', 1, 'RESOLVED', false FROM call c WHERE c.external_id LIKE '${tag}-%'
     RETURNING id`,
    [evaluator, rubric],
  );
  await client.query(
    `INSERT INTO evaluation_answer (evaluation_id, rubric_version_id, criterion_code, value)
     SELECT e.id, $1, cr.code, 2 + (abs(hashtext(e.id::text || cr.code)) % 3)
     FROM evaluation e CROSS JOIN criterion cr
     WHERE cr.rubric_version_id = $1 AND e.call_id IN (SELECT id FROM call WHERE external_id LIKE '${tag}-%')`,
    [rubric],
  );
  return drafts.rows.map((r) => r.id);
}

async function runConcurrently(items, concurrency, work) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t0 = performance.now();
        await work(item);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: items.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

export async function benchSubmit(server, databaseUrl, count, concurrency) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const apiDrafts = await prepareDrafts(client, count, 'SUBMIT-API');
  const rawDrafts = await prepareDrafts(client, count, 'SUBMIT-RAW');
  await client.end();
  const token = await login(server.url, 'evaluator@demo.test');
  const SUBMIT = 'mutation($id: ID!) { submitEvaluation(id: $id, version: 1) { id score } }';
  const api = await runConcurrently(apiDrafts, concurrency, (id) => gql(server.url, SUBMIT, { id }, token));

  // Baseline: the same statements the service runs, straight through a pg pool.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  const raw = await runConcurrently(rawDrafts, concurrency, async (id) => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT * FROM evaluation WHERE id = $1 FOR UPDATE`, [id]);
      const criteria = await c.query(
        `SELECT code, weight, critical FROM criterion WHERE rubric_version_id = (SELECT rubric_version_id FROM evaluation WHERE id = $1)`,
        [id],
      );
      const answers = await c.query(`SELECT criterion_code, value FROM evaluation_answer WHERE evaluation_id = $1`, [id]);
      const weights = new Map(criteria.rows.map((r) => [r.code, r.weight]));
      let sum = 0;
      let total = 0;
      for (const a of answers.rows) {
        sum += weights.get(a.criterion_code) * a.value;
        total += weights.get(a.criterion_code);
      }
      const score = (100 * sum) / (4 * total);
      await c.query(
        `UPDATE evaluation SET status = 'SUBMITTED', submitted_at = now(), score = $2, raw_score = $2, critical_failure = false, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, score],
      );
      await c.query(
        `INSERT INTO audit_entry (actor_id, action, entity_type, entity_id, after) VALUES (NULL, 'evaluation.submit', 'Evaluation', $1, $2)`,
        [id, JSON.stringify({ score })],
      );
      await c.query('COMMIT');
    } finally {
      c.release();
    }
  });
  await pool.end();
  return { count, concurrency, api, raw };
}
