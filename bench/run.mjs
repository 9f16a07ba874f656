// npm run bench: builds nothing (run `npm run build` first), measures, prints the table and
// writes it to bench/RESULTS.md (or BENCH_RESULTS_FILE) with the machine and the date.
// BENCH_SMOKE=1 runs every part at a tiny size and writes to a temporary file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { API_ENV, createDatabase, machine, markedSection, RESULTS_FILE, resultsFileName, size, startApp } from './support.mjs';
import { generate, measure } from './scale.bench.mjs';
import { benchImport, benchSubmit } from './workflow.bench.mjs';

const LINES = size('BENCH_IMPORT_LINES', 100_000, 50);
const SUBMITS = size('BENCH_SUBMITS', 2_000, 20);
const CONCURRENCY = size('BENCH_CONCURRENCY', 16, 2);
// 0 skips the scale part.
const SCALE = size('BENCH_SCALE_EVALUATIONS', 1_000_000, 2_000);

const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

const db = await createDatabase();
let server;
try {
  server = await startApp(db.url);
  process.stdout.write(`importing ${LINES} lines…\n`);
  const imp = await benchImport(server, db.url, LINES);
  process.stdout.write(`submitting ${SUBMITS} evaluations with ${CONCURRENCY} clients…\n`);
  const sub = await benchSubmit(server, db.url, SUBMITS, CONCURRENCY);
  const rows = [
    [
      `CSV import, ${fmt(LINES)} lines (lines/s)`,
      fmt(imp.apiRate),
      fmt(imp.rawRate),
      fmt(imp.apiRate / imp.rawRate, 2),
      '≥ 20,000 lines/s',
      imp.apiRate >= 20_000 ? 'met' : 'not met',
    ],
    [
      `submitEvaluation throughput (${CONCURRENCY} clients, /s)`,
      fmt(sub.api.rate),
      fmt(sub.raw.rate),
      fmt(sub.api.rate / sub.raw.rate, 2),
      '≥ 300/s',
      sub.api.rate >= 300 ? 'met' : 'not met',
    ],
    ['submitEvaluation p50 (ms)', fmt(sub.api.p50, 1), fmt(sub.raw.p50, 1), fmt(sub.api.p50 / sub.raw.p50, 2), '', ''],
    [
      'submitEvaluation p95 (ms)',
      fmt(sub.api.p95, 1),
      fmt(sub.raw.p95, 1),
      fmt(sub.api.p95 / sub.raw.p95, 2),
      '≤ 50 ms',
      sub.api.p95 <= 50 ? 'met' : 'not met',
    ],
  ];
  const table = [
    '| measure | API | raw `pg` baseline | ratio API / raw | target | |',
    '|---|---:|---:|---:|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const text = `# Benchmark results

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, PostgreSQL on the same machine,
with \`npm run build && npm run bench\`. The baseline does
the same writes straight through \`pg\` in the same run. The API runs as its own process (as in
production, with \`RATE_LIMIT_PER_MINUTE=${API_ENV.RATE_LIMIT_PER_MINUTE}\`: the default 1,200 requests a minute
per user would refuse the benchmark's clients); the clients run in the benchmark's process.

${table}

- CSV import: upload, then one streaming pass that validates every line and inserts valid ones
  with multi-row INSERTs inside one transaction (rolled back if any line is bad); the baseline only
  parses and inserts. API process peak RSS (VmHWM) after the import:
  ${imp.memory.peakMiB} MiB (the file is streamed, never held in memory). Wall time: ${fmt(imp.apiSeconds, 1)} s API, ${fmt(imp.rawSeconds, 1)} s raw.
- submitEvaluation: ${fmt(SUBMITS)} complete drafts submitted over GraphQL by ${CONCURRENCY} concurrent clients
  (authentication, validation, score computation, audit entry, one transaction each); the baseline
  runs the same statements through a pool of ${CONCURRENCY}.

What limits the API here: the benchmark's clients, the API process and PostgreSQL share the
machine's two cores. A CPU profile of the API under load (\`BENCH_PROFILE=1\`, profiles in
/tmp/prof) shows about a quarter of its time in socket writes (one system call per SQL statement
and per HTTP response, expensive in this sandbox) and a tenth in TypeORM's query building; a
submit costs seven statements (authentication, lock, answers, update, audit, begin/commit), as
many as the baseline, so the gap is framework CPU time per request, not extra SQL. The import
reads the file once, validating and inserting in the same pass inside one transaction.
`;
  const scaleText = SCALE > 0 ? await runScale() : '';
  // The load test (npm run bench:load) and the sign-in timing (npm run bench:login) keep their own
  // marked sections of the file: carry them over.
  const previous = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : '';
  const kept = ['load', 'login'].map((name) => markedSection(previous, name)).filter(Boolean);
  writeFileSync(RESULTS_FILE, text + scaleText + kept.map((section) => `\n${section}\n`).join(''));
  process.stdout.write(`\n${table}\n${scaleText}\nWritten to ${resultsFileName()}\n`);
} finally {
  await server?.close();
  await db.drop();
}

async function runScale() {
  const scaleDb = await createDatabase();
  let scaleServer;
  try {
    scaleServer = await startApp(scaleDb.url, { SEED_DEMO: 'false' });
    process.stdout.write(`generating ${fmt(SCALE)} evaluations…\n`);
    const ids = await generate(scaleDb.url, { evaluations: SCALE });
    process.stdout.write(`generated in ${fmt(ids.seconds)} s; measuring…\n`);
    const m = await measure(scaleServer, scaleDb.url, ids);
    const row = (name, api, raw, target, met) =>
      `| ${name} | ${fmt(api.p50, 1)} | ${fmt(api.p95, 1)} | ${fmt(raw.p50, 1)} | ${fmt(raw.p95, 1)} | ${fmt(api.p95 / raw.p95, 2)} | ${target} | ${met ? 'met' : 'not met'} |`;
    return `
## At call-center scale

${fmt(ids.counts.evaluations)} submitted evaluations (${fmt(ids.counts.answers)} answers) of 1,000 agents in 50 teams over two
years, written set-based in ${fmt(ids.seconds)} s. Each measure is sequential requests over GraphQL (HTTP) beside the
same SQL through \`pg\` (milliseconds).

| measure | API p50 | API p95 | raw p50 | raw p95 | ratio p95 | target | |
|---|---:|---:|---:|---:|---:|---|---|
${row('agentProgress, one year', m.progressApi, m.progressRaw, 'p95 ≤ 50 ms and ≤ 1.5× raw', m.progressApi.p95 <= 50 && m.progressApi.p95 <= 1.5 * m.progressRaw.p95)}
${row('teamOverview, one quarter', m.overviewApi, m.overviewRaw, 'p95 ≤ 200 ms', m.overviewApi.p95 <= 200)}
${row('feedback list, 50 evaluations with answers', m.feedbackApi, m.feedbackRaw, '≤ 4 SQL statements (test/integration/query-count.spec.ts)', true)}

API process memory: peak RSS ${m.memory.peakMiB} MiB, ${m.memory.rssMiB} MiB at the end. The figures are computed by
libs/scoring from the rows of one query per request (the raw column is that query alone), so the ratio is the
cost of the library, GraphQL and HTTP on top of the same SQL.

What limits agentProgress and teamOverview is the SQL itself: a year of one agent is ~500
evaluations with ~5,000 answers read and grouped per request (the raw query alone is near the
50 ms budget at p95 on this machine). Meeting the targets needs a rollup per agent, ISO week and
criterion, kept exact on submit and amend and rebuilt by a migration; it is not built yet.
`;
  } finally {
    await scaleServer?.close();
    await scaleDb.drop();
  }
}
