// Load test: many people at once signing in, reading progress and lists, and writing evaluations
// (start → save → submit) over GraphQL; afterwards every write the clients saw succeed is looked
// up in the database, so a lost, doubled or half-applied write shows as a failed check.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { percentile } from './support.mjs';

export const KINDS = [
  'login',
  'agentProgress',
  'evaluations',
  'teamOverview',
  'startEvaluation',
  'saveEvaluation',
  'submitEvaluation',
];
const CODES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'];
const PASSWORD = 'decalogo-demo';
const WEEK = 7 * 24 * 3600 * 1000;

/**
 * What each virtual user does next, by weight. Reads are most of the actions, as in a call center;
 * one write action is a whole evaluation (3–4 requests), so writes are still about half the requests.
 */
export const DEFAULT_MIX = { login: 5, agentProgress: 30, evaluations: 30, teamOverview: 15, write: 20 };

const Q = {
  login: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
  agentProgress: `query($id: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $id, from: $from, to: $to) {
    evaluationCount meanScore trendPerWeek consistency marginOfError criticalFailureRate resolutionRate
    criteria { code mean count } weeks { weekStart count meanScore } } }`,
  evaluations: `query { evaluations(first: 20) { nodes { id status score callStartedAt agent { id name } evaluator { id name } }
    pageInfo { hasNextPage endCursor } } }`,
  teamOverview: `query($id: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $id, from: $from, to: $to) {
    figures { evaluationCount meanScore } agents { agent { id } evaluationCount meanScore consistency trendPerWeek }
    matrix { code agentId mean } } }`,
  startEvaluation: 'mutation($callId: ID!) { startEvaluation(callId: $callId) { id status version } }',
  saveEvaluation: `mutation($id: ID!, $version: Int!, $input: EvaluationInput!) {
    saveEvaluation(id: $id, version: $version, input: $input) { id status version } }`,
  submitEvaluation:
    'mutation($id: ID!, $version: Int!) { submitEvaluation(id: $id, version: $version) { id status version score } }',
};

/**
 * Load users (EVALUATOR and COACH of both demo teams, the demo password) and their own calls of
 * the demo agents, written set-based straight into the bench database; returns what the virtual
 * users need. The calls lie in the last twelve weeks so that each submit shows in the progress
 * and overview the other users are reading.
 */
export async function prepare(databaseUrl, { users, callsPerUser }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: admin } = await client.query(`SELECT password_hash FROM app_user WHERE email = 'admin@demo.test'`);
    if (!admin.length) throw new Error('the demo is not seeded (no admin@demo.test)');
    await client.query(
      `INSERT INTO app_user (email, name, roles, password_hash)
       SELECT 'load' || lpad(g::text, 3, '0') || '@bench.test', 'Carga ' || g, ARRAY['EVALUATOR','COACH'], $2
       FROM generate_series(1, $1) g`,
      [users, admin[0].password_hash],
    );
    await client.query(
      `INSERT INTO team_coach (team_id, user_id)
       SELECT t.id, u.id FROM team t CROSS JOIN app_user u WHERE t.name IN ('Postventa', 'Cobranzas') AND u.email LIKE 'load%@bench.test'`,
    );
    // Call g of user u goes to demo agent 1 + (u + g) % 10, spread over the last 80 days.
    await client.query(
      `INSERT INTO call (external_id, agent_id, started_at, duration_seconds, direction, purpose)
       SELECT 'LOAD-' || u || '-' || g, a.id, now() - ((u * $2 + g) % 115200) * interval '1 minute', 300, 'INBOUND', 'SUPPORT'
       FROM generate_series(1, $1) u CROSS JOIN generate_series(1, $2) g
       JOIN app_user a ON a.email = 'agent' || (1 + (u + g) % 10) || '@demo.test'`,
      [users, callsPerUser],
    );
    await client.query('ANALYZE');
    const { rows: loadUsers } = await client.query(
      `SELECT u.id, u.email, array_agg(c.id ORDER BY c.started_at DESC) AS calls
       FROM app_user u JOIN call c ON c.external_id LIKE 'LOAD-' || ltrim(substring(u.email from 5 for 3), '0') || '-%'
       WHERE u.email LIKE 'load%@bench.test' GROUP BY u.id, u.email ORDER BY u.email`,
    );
    const agents = (await client.query(`SELECT id FROM app_user WHERE email LIKE 'agent%@demo.test' ORDER BY email`)).rows.map(
      (r) => r.id,
    );
    const teams = (await client.query(`SELECT id FROM team WHERE name IN ('Postventa', 'Cobranzas') ORDER BY name`)).rows.map(
      (r) => r.id,
    );
    if (loadUsers.length !== users || loadUsers.some((u) => u.calls.length !== callsPerUser) || agents.length !== 10) {
      throw new Error('the load users, their calls or the demo agents are not as expected');
    }
    const server = (await client.query('SHOW server_version')).rows[0].server_version;
    return { users: loadUsers, agents, teams, postgres: server.split(' ')[0] };
  } finally {
    await client.end();
  }
}

/** A small seeded generator (mulberry32), so two runs make the same choices. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * POST /graphql over keep-alive connections from node:http (cheaper per request than fetch, and
 * the clients share the CPU with the API). Never throws: the result says status (0 = no answer),
 * body, latency and the network error, if any. A request that outlives `timeoutMs` is cut off.
 */
function httpClient(url, connections, timeoutMs) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(url);
  const post = (query, variables, token) =>
    new Promise((resolve) => {
      const body = JSON.stringify({ query, variables });
      const t0 = performance.now();
      let done = false;
      const finish = (result) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve({ ms: performance.now() - t0, ...result });
      };
      const req = http.request(
        {
          agent,
          hostname,
          port,
          path: '/graphql',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            let json = null;
            try {
              json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              // not JSON: counted by its status
            }
            finish({ status: res.statusCode, json });
          });
          res.on('error', (error) => finish({ status: 0, error: error.code || error.message }));
        },
      );
      const timer = setTimeout(() => {
        finish({ status: 0, error: 'TIMEOUT' });
        req.destroy();
      }, timeoutMs);
      req.on('error', (error) => finish({ status: 0, error: error.code || error.message }));
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

function newStats() {
  return Object.fromEntries(
    KINDS.map((kind) => [kind, { count: 0, latencies: [], s2xx: 0, s4xx: 0, s5xx: 0, network: 0, errors: new Map() }]),
  );
}

/**
 * Counts one answer under its kind and says whether it succeeded (2xx, data, no errors) and, when
 * it did not, whether the write may still have happened (no answer, or a server error).
 */
function record(stats, kind, res) {
  const s = stats[kind];
  s.count++;
  s.latencies.push(res.ms);
  if (res.status === 0) s.network++;
  else if (res.status >= 500) s.s5xx++;
  else if (res.status >= 400) s.s4xx++;
  else if (res.status >= 200 && res.status < 300) s.s2xx++;
  const errors = res.json?.errors ?? [];
  for (const error of errors) {
    const code = error.extensions?.code ?? 'NO_CODE';
    const seen = s.errors.get(code) ?? { count: 0, message: error.message };
    seen.count++;
    s.errors.set(code, seen);
  }
  if (res.status === 0) {
    const seen = s.errors.get(res.error) ?? { count: 0, message: 'no answer from the API' };
    seen.count++;
    s.errors.set(res.error, seen);
  }
  const data = res.json?.data?.[kind];
  const ok = res.status >= 200 && res.status < 300 && !errors.length && data != null;
  const uncertain =
    !ok && (res.status === 0 || res.status >= 500 || errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'));
  return { ok, uncertain, data };
}

/** The ten answers of a fresh evaluation: values 0–4, a comment on every 0 or 1, some evidence times. */
function answersFor(rand) {
  return CODES.map((code) => {
    const value = Math.min(4, Math.floor(rand() * 5.5));
    return {
      code,
      value,
      comment: value <= 1 ? `${code}: no lo cumple (carga)` : rand() < 0.2 ? `${code}: bien` : null,
      evidenceSeconds: rand() < 0.3 ? Math.floor(rand() * 300) : null,
    };
  });
}

/**
 * Runs `users` virtual users for `seconds`: each signs in, then loops over the weighted mix with
 * no pause (a saturation test: as many requests as the API answers). A write started before the
 * deadline is finished, so that no evaluation is left half-written by the test itself.
 */
export async function runLoad(url, setup, { users, seconds, timeoutMs, thinkMs = 0, mix = DEFAULT_MIX, apiPid }) {
  const client = httpClient(url, users + 4, timeoutMs);
  const stats = newStats();
  /** Every evaluation a client saw started, by id: what the database must hold afterwards. */
  const flows = new Map();
  const counters = { uncertainStarts: 0, outOfCalls: 0, flowsAbandoned: 0 };
  const now = Date.now();
  const range = { from: new Date(now - 12 * WEEK).toISOString(), to: new Date(now + 3600_000).toISOString() };
  const weights = Object.entries(mix);
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  const cpu0 = cpuSnapshot(apiPid);
  const started = performance.now();
  const deadline = started + seconds * 1000;

  const virtualUser = async (user, index) => {
    const rand = random(0x5eed + index);
    let token = null;
    let nextCall = 0;
    const call = async (kind, variables) => {
      const res = await client.post(Q[kind], variables, token);
      return record(stats, kind, res);
    };
    const signIn = async () => {
      const r = await call('login', { e: user.email, p: PASSWORD });
      if (r.ok) token = r.data.accessToken;
      return r.ok;
    };
    const write = async () => {
      if (nextCall >= user.calls.length) {
        counters.outOfCalls++;
        return call('evaluations', {});
      }
      const callId = user.calls[nextCall++];
      const start = await call('startEvaluation', { callId });
      if (!start.ok) {
        if (start.uncertain) counters.uncertainStarts++;
        return;
      }
      const flow = { id: start.data.id, callId, userId: user.id, saves: 0, submitted: false, answers: new Map(), versions: [] };
      flows.set(flow.id, flow);
      let version = start.data.version;
      flow.versions.push(version);
      const save = async (input) => {
        const r = await call('saveEvaluation', { id: flow.id, version, input });
        if (!r.ok) return false;
        flow.saves++;
        version = r.data.version;
        flow.versions.push(version);
        for (const a of input.answers ?? []) flow.answers.set(a.code, { value: a.value, comment: a.comment });
        return true;
      };
      const requested = rand() < 0.15;
      const facts = {
        resolution: ['RESOLVED', 'PARTIAL', 'UNRESOLVED'][Math.floor(rand() * 3)],
        supervisorRequested: requested,
        ...(requested ? { supervisorProvided: rand() < 0.7 } : {}),
      };
      if (!(await save({ answers: answersFor(rand), ...facts }))) return void counters.flowsAbandoned++;
      // Some evaluators come back and change a few answers before submitting.
      if (rand() < 0.4) {
        const changed = answersFor(rand).filter(() => rand() < 0.3);
        if (!(await save({ answers: changed, comment: 'Revisada (carga)' }))) return void counters.flowsAbandoned++;
      }
      const submit = await call('submitEvaluation', { id: flow.id, version });
      if (!submit.ok) return void counters.flowsAbandoned++;
      flow.submitted = submit.data.status === 'SUBMITTED';
      flow.versions.push(submit.data.version);
    };
    const actions = {
      login: signIn,
      agentProgress: () => call('agentProgress', { id: setup.agents[Math.floor(rand() * setup.agents.length)], ...range }),
      evaluations: () => call('evaluations', {}),
      teamOverview: () => call('teamOverview', { id: setup.teams[Math.floor(rand() * setup.teams.length)], ...range }),
      write,
    };

    while (!token && performance.now() < deadline) {
      if (!(await signIn())) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    while (performance.now() < deadline) {
      let pick = rand() * total;
      const [name] = weights.find(([, w]) => (pick -= w) < 0) ?? weights[weights.length - 1];
      await actions[name]();
      if (thinkMs) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + rand())));
    }
  };

  await Promise.all(setup.users.slice(0, users).map(virtualUser));
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuSpent(cpu0, cpuSnapshot(apiPid), elapsed);
  client.close();
  return { stats, flows, counters, elapsed, cpu };
}

/** Busy CPU time of the whole machine, this process and the API process, in seconds (Linux /proc). */
function cpuSnapshot(apiPid) {
  const ticks = 100; // USER_HZ on Linux
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
  const busy = line.slice(0, 8).reduce((a, b) => a + b, 0) - line[3] - line[4];
  // utime + stime of a process, or of one of its threads (the main thread has the process's id).
  const seconds = (path) => {
    try {
      const fields = readFileSync(path, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      return NaN; // no /proc: unknown
    }
  };
  const own = process.cpuUsage();
  return {
    machine: busy / ticks,
    api: seconds(`/proc/${apiPid}/stat`),
    apiMain: seconds(`/proc/${apiPid}/task/${apiPid}/stat`),
    clients: (own.user + own.system) / 1e6,
  };
}

function cpuSpent(a, b, elapsed) {
  const machine = b.machine - a.machine;
  const api = b.api - a.api;
  const clients = b.clients - a.clients;
  // What is neither the clients nor the API is PostgreSQL (and whatever else runs on the machine).
  return { elapsed, machine, api, apiMain: b.apiMain - a.apiMain, clients, postgres: machine - api - clients };
}

/** Per kind and in total: count, throughput, p50/p95/p99, status classes and error codes. */
export function summarize(stats, elapsed) {
  const rows = KINDS.map((kind) => {
    const s = stats[kind];
    const sorted = [...s.latencies].sort((a, b) => a - b);
    return {
      kind,
      count: s.count,
      rate: s.count / elapsed,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      s2xx: s.s2xx,
      s4xx: s.s4xx,
      s5xx: s.s5xx,
      network: s.network,
      errors: s.errors,
    };
  });
  const all = KINDS.flatMap((kind) => stats[kind].latencies).sort((a, b) => a - b);
  const sum = (key) => rows.reduce((total, r) => total + r[key], 0);
  const errors = new Map();
  for (const r of rows) {
    for (const [code, e] of r.errors) {
      const seen = errors.get(code) ?? { count: 0, message: e.message, kinds: [] };
      seen.count += e.count;
      seen.kinds.push(r.kind);
      errors.set(code, seen);
    }
  }
  const totals = {
    kind: 'all requests',
    count: all.length,
    rate: all.length / elapsed,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    mean: all.reduce((a, b) => a + b, 0) / (all.length || 1),
    s2xx: sum('s2xx'),
    s4xx: sum('s4xx'),
    s5xx: sum('s5xx'),
    network: sum('network'),
    errors,
  };
  return { rows, totals };
}

/**
 * Looks every write up in the database. `flows` is what the clients saw: each evaluation started,
 * how many saves succeeded, whether the submit succeeded, and the last answers sent per criterion.
 */
export async function checkWrites(databaseUrl, setup, { flows }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const userIds = setup.users.map((u) => u.id);
    const all = [...flows.values()];
    const okStarts = all.length;
    const okSaves = all.reduce((n, f) => n + f.saves, 0);
    const okSubmits = all.filter((f) => f.submitted).length;

    const { rows: evaluations } = await client.query(
      `SELECT e.id, e.status, e.version, e.call_id, e.evaluator_id, e.score FROM evaluation e WHERE e.evaluator_id = ANY($1::uuid[])`,
      [userIds],
    );
    const byId = new Map(evaluations.map((e) => [e.id, e]));
    const submittedFound = evaluations.filter((e) => e.status === 'SUBMITTED').length;
    const notDraftFound = evaluations.filter((e) => e.status !== 'DRAFT').length;
    const missing = all.filter((f) => !byId.has(f.id)).length;
    const unknown = evaluations.filter((e) => !flows.has(e.id)).length;
    const wrongOwner = all.filter(
      (f) => byId.has(f.id) && (byId.get(f.id).evaluator_id !== f.userId || byId.get(f.id).call_id !== f.callId),
    ).length;
    const wrongVersion = all.filter((f) => byId.get(f.id)?.version !== 1 + f.saves + (f.submitted ? 1 : 0)).length;
    const draftButSubmitted = all.filter((f) => f.submitted && byId.get(f.id)?.status !== 'SUBMITTED').length;
    const submittedButNot = all.filter((f) => !f.submitted && byId.has(f.id) && byId.get(f.id).status !== 'DRAFT').length;
    // Versions the API answered must rise by one per write, as the client saw them.
    const versionJumps = all.filter((f) => f.versions.some((v, i) => v !== 1 + i)).length;

    const { rows: doubled } = await client.query(
      `SELECT count(*)::int AS n FROM (SELECT e.call_id FROM evaluation e JOIN call c ON c.id = e.call_id
       WHERE c.external_id LIKE 'LOAD-%' GROUP BY e.call_id HAVING count(*) > 1) d`,
    );

    const { rows: answers } = await client.query(
      `SELECT evaluation_id, criterion_code, value, not_applicable, comment FROM evaluation_answer WHERE evaluation_id = ANY($1::uuid[])`,
      [all.map((f) => f.id)],
    );
    const stored = new Map();
    for (const a of answers) {
      if (!stored.has(a.evaluation_id)) stored.set(a.evaluation_id, new Map());
      stored.get(a.evaluation_id).set(a.criterion_code, a);
    }
    // The API trims comments and stores blank ones as null.
    const norm = (comment) => (comment ?? '').trim() || null;
    const wrongAnswers = all.filter((f) => {
      const rows = stored.get(f.id) ?? new Map();
      if (rows.size !== f.answers.size) return true;
      for (const [code, sent] of f.answers) {
        const row = rows.get(code);
        if (!row || row.not_applicable || row.value !== sent.value || norm(row.comment) !== norm(sent.comment)) return true;
      }
      return false;
    }).length;
    const submittedWithoutScore = evaluations.filter((e) => e.status === 'SUBMITTED' && e.score === null).length;

    const { rows: audit } = await client.query(
      `SELECT action, count(*)::int AS n FROM audit_entry WHERE actor_id = ANY($1::uuid[]) AND action LIKE 'evaluation.%' GROUP BY action`,
      [userIds],
    );
    const audited = (action) => audit.find((a) => a.action === action)?.n ?? 0;

    const check = (name, expected, found) => ({ name, expected, found, ok: expected === found });
    return [
      check('evaluations started (client saw success) = rows by load users', okStarts, evaluations.length),
      check('evaluations submitted (client saw success) = rows SUBMITTED', okSubmits, submittedFound),
      check('rows no longer DRAFT = submits seen', okSubmits, notDraftFound),
      check('evaluations the clients started, missing in the database', 0, missing),
      check('rows by load users no client saw started', 0, unknown),
      check('calls with two or more evaluations', 0, doubled[0].n),
      check('evaluations on another call or evaluator than started', 0, wrongOwner),
      check('evaluations whose version ≠ 1 + saves + submit', 0, wrongVersion),
      check('evaluations whose answers ≠ the last saved by the client', 0, wrongAnswers),
      check('submits seen but still DRAFT', 0, draftButSubmitted),
      check('submitted though the client saw the submit fail', 0, submittedButNot),
      check('versions answered by the API not rising one per write', 0, versionJumps),
      check('SUBMITTED rows without a score', 0, submittedWithoutScore),
      check('audit evaluation.start = starts seen', okStarts, audited('evaluation.start')),
      check('audit evaluation.save = saves seen', okSaves, audited('evaluation.save')),
      check('audit evaluation.submit = submits seen', okSubmits, audited('evaluation.submit')),
    ];
  } finally {
    await client.end();
  }
}
