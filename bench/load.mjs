// npm run bench:load: builds nothing (run `npm run build:api` first). A fresh database with the
// demo, load users and their calls; the built API as its own process; BENCH_LOAD_USERS virtual
// users for BENCH_LOAD_SECONDS; then the writes checked against the database. Prints the table and
// writes it between the load markers of bench/RESULTS.md, or BENCH_RESULTS_FILE (the rest of the
// file is left alone). BENCH_SMOKE=1 runs a tiny load and writes to a temporary file.
// Exits non-zero on any 5xx, unanswered request, GraphQL error or failed check.
import {
  API_ENV,
  createDatabase,
  machine,
  RESULTS_FILE,
  resultsFileName,
  size,
  startApp,
  writeMarkedSection,
} from './support.mjs';
import { checkWrites, DEFAULT_MIX, prepare, runLoad, summarize } from './load.bench.mjs';

const USERS = size('BENCH_LOAD_USERS', 100, 3);
const SECONDS = size('BENCH_LOAD_SECONDS', 60, 3);
const CALLS_PER_USER = size('BENCH_LOAD_CALLS_PER_USER', 120, 20);
const TIMEOUT_MS = size('BENCH_LOAD_TIMEOUT_MS', 30_000, 30_000);
const THINK_MS = size('BENCH_LOAD_THINK_MS', 0, 0);
// The API is started with support.mjs's API_ENV: the request limit lifted, as all sign-ins come
// from one address (the limiter keys signed-out requests by address).
const RATE_LIMIT = API_ENV.RATE_LIMIT_PER_MINUTE;

const fmt = (n, d = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '–';
const envPrefix = Object.keys(process.env)
  .filter((k) => k.startsWith('BENCH_LOAD_') || k === 'BENCH_SMOKE')
  .sort()
  .map((k) => `${k}=${process.env[k]} `)
  .join('');
const command = `npm run build:api && ${envPrefix}npm run bench:load`;

const db = await createDatabase();
let server;
let failed;
try {
  server = await startApp(db.url);
  process.stdout.write(`preparing ${USERS} load users with ${CALLS_PER_USER} calls each…\n`);
  const setup = await prepare(db.url, { users: USERS, callsPerUser: CALLS_PER_USER });
  process.stdout.write(`${USERS} virtual users for ${SECONDS} s against ${server.url}…\n`);
  const result = await runLoad(server.url, setup, {
    users: USERS,
    seconds: SECONDS,
    timeoutMs: TIMEOUT_MS,
    thinkMs: THINK_MS,
    apiPid: server.pid,
  });
  const memory = server.memory();
  const { rows, totals } = summarize(result.stats, result.elapsed);
  const checks = await checkWrites(db.url, setup, result);

  const errorCount = [...totals.errors.values()].reduce((n, e) => n + e.count, 0);
  const serverErrors = totals.s5xx + (totals.errors.get('INTERNAL_SERVER_ERROR')?.count ?? 0);
  const checksFailed = checks.filter((c) => !c.ok);
  failed = serverErrors > 0 || totals.network > 0 || errorCount > 0 || checksFailed.length > 0;

  const line = (r) =>
    `| ${r.kind} | ${fmt(r.count)} | ${fmt(r.rate, 1)} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.s5xx)} | ${fmt(r.s4xx)} | ${fmt(r.network)} | ${fmt([...r.errors.values()].reduce((n, e) => n + e.count, 0))} |`;
  const table = [
    '| request | count | throughput/s | p50 (ms) | p95 (ms) | p99 (ms) | 5xx | 4xx | no answer | GraphQL errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(line),
    line({ ...totals, kind: '**all requests**' }),
  ].join('\n');
  const checkTable = [
    '| write check | expected | found | |',
    '|---|---:|---:|---|',
    ...checks.map((c) => `| ${c.name} | ${fmt(c.expected)} | ${fmt(c.found)} | ${c.ok ? 'ok' : '**FAILED**'} |`),
  ].join('\n');
  const errorLines = [...totals.errors].map(
    ([code, e]) => `- \`${code}\` × ${fmt(e.count)} (${e.kinds.join(', ')}): ${e.message.replace(/\s+/g, ' ').slice(0, 300)}`,
  );
  const flows = [...result.flows.values()];
  const writes = {
    started: flows.length,
    saves: flows.reduce((n, f) => n + f.saves, 0),
    submitted: flows.filter((f) => f.submitted).length,
  };
  const { cpu } = result;
  const cores = (s) => fmt(s / cpu.elapsed, 2);
  const mixText = Object.entries(DEFAULT_MIX)
    .map(([k, w]) => `${k} ${w}`)
    .join(', ');
  const outcome = failed
    ? `**Failed**: ${fmt(serverErrors)} server errors, ${fmt(totals.network)} requests without an answer, ${fmt(errorCount)} GraphQL errors, ${checksFailed.length} failed write checks.`
    : `**Passed**: zero 5xx, every request answered, no GraphQL error, and every write check holds.`;

  const section = `## Load: ${USERS} concurrent users for ${SECONDS} s

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, PostgreSQL ${setup.postgres} on the same machine, with
\`${command}\`. ${outcome}

A fresh database with the demo seeded, plus ${USERS} load users (EVALUATOR and COACH of both demo teams) and
${fmt(CALLS_PER_USER)} calls of the demo agents per user, so each user evaluates only its own calls. Each virtual user signs
in, then repeats, with ${THINK_MS ? `about ${THINK_MS} ms` : 'no'} pause between actions, an action picked by weight
(${mixText}): \`login\`; \`agentProgress\` of a demo agent over 12 weeks; \`evaluations(first: 20)\`;
\`teamOverview\` of a demo team over 12 weeks; or a whole evaluation — \`startEvaluation\` on its next call,
\`saveEvaluation\` with all ten answers (comments on 0 and 1, resolution, supervisor facts), in 40 % of them a
second save changing some answers, then \`submitEvaluation\`. HTTP/1.1 keep-alive, one connection per user,
${fmt(TIMEOUT_MS / 1000)} s client timeout. The API runs as its own process with \`RATE_LIMIT_PER_MINUTE=${RATE_LIMIT}\`
(all sign-ins come from one address; the default 1,200 a minute per user or address would refuse them,
and the login throttle counts failures only). Latencies are from request sent to response read, in the
clients; ${fmt(result.elapsed, 1)} s from the first request to the last answer (writes begun before the end are finished).

${table}

${errorLines.length ? `GraphQL errors and unanswered requests:\n\n${errorLines.join('\n')}\n` : 'No GraphQL error and no unanswered request.'}

Writes the clients saw succeed: ${fmt(writes.started)} evaluations started, ${fmt(writes.saves)} saves,
${fmt(writes.submitted)} submitted${result.counters.flowsAbandoned ? `, ${fmt(result.counters.flowsAbandoned)} left as drafts after a failed request` : ''}${result.counters.outOfCalls ? `; ${fmt(result.counters.outOfCalls)} write actions found no call left and read the list instead` : ''}.
Checked afterwards in the database:

${checkTable}

API process: peak RSS (VmHWM) ${memory.peakMiB} MiB, ${memory.rssMiB} MiB at the end.
CPU over the run (cores busy on average, of 2): machine ${cores(cpu.machine)}, API process ${cores(cpu.api)}
(main thread ${cores(cpu.apiMain)}),
load clients ${cores(cpu.clients)}, the rest (PostgreSQL and anything else) ${cores(cpu.postgres)}.

What limits it: the clients, the API and PostgreSQL share the machine's two cores, busy
${fmt((100 * cpu.machine) / (2 * cpu.elapsed))} % of the run. The API process used ${cores(cpu.api)} cores (${cores(cpu.apiMain)} in its main
JavaScript thread; the rest is garbage collection and argon2 sign-ins on other threads), PostgreSQL about
${cores(cpu.postgres)} and the clients ${cores(cpu.clients)}: ${
    cpu.machine / (2 * cpu.elapsed) >= 0.75 ? 'the machine is close to CPU-bound and ' : ''
  }${fmt((100 * cpu.api) / cpu.machine)} % of its busy time is the API, so more throughput here
comes from less work per request in the API (GraphQL, TypeORM, scoring, JSON), or more than one API
process on more cores, rather than from the database. \`agentProgress\` and \`teamOverview\` are the heaviest requests: each reads and scores every evaluation of
an agent or a team over twelve weeks, a set that grows during the run as the submits add up. With no pause
between actions the users keep ${USERS} requests in flight, so by Little's law the mean latency is about
users ÷ throughput (${fmt((1000 * USERS) / totals.rate)} ms; measured mean ${fmt(totals.mean)} ms): the percentiles are mostly time spent
queued behind other users' requests, not the work of one request, and they shrink in proportion with fewer
users or a pause between actions (\`BENCH_LOAD_THINK_MS\`).
`;
  writeMarkedSection(RESULTS_FILE, 'load', section);
  process.stdout.write(`\n${section}\nWritten to ${resultsFileName()} (load section)\n`);
} catch (error) {
  failed = true;
  process.stderr.write(`${error.stack ?? error}\n`);
} finally {
  await server?.close();
  await db.drop();
}
process.exitCode = failed ? 1 : 0;
