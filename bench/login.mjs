// npm run bench:login (after `npm run build:api`): whether sign-in tells, by how long it takes,
// which e-mails have an account. The built API runs as its own process on a fresh database with
// the demo accounts; BENCH_LOGIN_SIGNINS (30) sign-ins of each kind are made one at a time,
// interleaved (so drift in the machine's load falls on every kind alike), after a warm-up of
// three of each: an existing e-mail with its password, an existing e-mail with a wrong password,
// and an e-mail nobody has. Prints the medians and their ratios and writes them between the
// `<!-- login:start -->` and `<!-- login:end -->` markers of bench/RESULTS.md (or
// BENCH_RESULTS_FILE). A measure, never an assertion: the guarantee `npm test` checks is that a
// missing e-mail still costs one argon2 verification (test/integration/sign-in-enumeration.spec.ts).
import { performance } from 'node:perf_hooks';
import {
  createDatabase,
  machine,
  percentile,
  resultsFileName,
  RESULTS_FILE,
  size,
  startApp,
  writeMarkedSection,
} from './support.mjs';

const SIGNINS = size('BENCH_LOGIN_SIGNINS', 30, 3);
const WARM_UP = 3;
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

const KINDS = [
  { name: 'existing e-mail, right password', email: 'agent1@demo.test', password: 'decalogo-demo', ok: true },
  { name: 'existing e-mail, wrong password', email: 'agent1@demo.test', password: 'not-the-password', ok: false },
  { name: 'missing e-mail', email: 'nobody-here@demo.test', password: 'not-the-password', ok: false },
];

const fmt = (n, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

async function signIn(url, kind) {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { e: kind.email, p: kind.password } }),
  });
  const body = await response.json();
  const elapsed = performance.now() - started;
  const ok = Boolean(body.data?.login?.accessToken);
  if (ok !== kind.ok) throw new Error(`${kind.name}: unexpected answer ${JSON.stringify(body)}`);
  return elapsed;
}

const db = await createDatabase();
let server;
try {
  server = await startApp(db.url);
  const times = KINDS.map(() => []);
  for (let i = 0; i < WARM_UP + SIGNINS; i++) {
    for (const [k, kind] of KINDS.entries()) {
      const elapsed = await signIn(server.url, kind);
      if (i >= WARM_UP) times[k].push(elapsed);
    }
  }
  const medians = times.map((t) =>
    percentile(
      [...t].sort((a, b) => a - b),
      50,
    ),
  );
  const [right, wrong, missing] = medians;
  const table = [
    '| sign-in | median (ms) | ratio to missing e-mail |',
    '|---|---:|---:|',
    ...KINDS.map((kind, k) => `| ${kind.name} | ${fmt(medians[k])} | ${fmt(medians[k] / missing, 2)} |`),
  ].join('\n');
  const body = `## Sign-in time by account existence

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} with \`npm run build:api && npm run bench:login\`:
${SIGNINS} sign-ins of each kind over GraphQL, one at a time and interleaved, after ${WARM_UP} of each to warm up.

${table}

Missing e-mail / existing e-mail with a wrong password: **${fmt(missing / wrong, 2)}**; missing / existing with the
right password: **${fmt(missing / right, 2)}**. Near 1 means the time does not tell whether an account exists: an
unknown e-mail still runs one argon2id verification, against a throw-away hash with the same parameters.`;
  writeMarkedSection(RESULTS_FILE, 'login', body);
  process.stdout.write(
    `\n${table}\n\nmissing / wrong: ${fmt(missing / wrong, 2)}; missing / right: ${fmt(missing / right, 2)}\nWritten to ${resultsFileName()}\n`,
  );
} finally {
  await server?.close();
  await db.drop();
}
