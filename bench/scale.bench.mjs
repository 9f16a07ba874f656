// Call-center scale: 1,000 agents in 50 teams, 1,000,000 submitted evaluations (10,000,000
// answers) over two years, written set-based straight into PostgreSQL; then agentProgress,
// teamOverview and the feedback list measured over GraphQL beside the same SQL through `pg`.
import argon2 from 'argon2';
import pg from 'pg';
import { gql, percentile } from './support.mjs';

const WEIGHTS = { R1: 10, R2: 5, R3: 15, R4: 10, R5: 15, R6: 10, R7: 5, R8: 15, R9: 10, R10: 5 };

/** Writes the organisation; returns ids to query. Everything is generate_series, no row loops. */
export async function generate(databaseUrl, { agents = 1000, teams = 50, evaluations = 1_000_000 } = {}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const hash = await argon2.hash('decalogo-demo', { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const t0 = performance.now();
  await client.query(`INSERT INTO team (name) SELECT 'Equipo ' || g FROM generate_series(1, $1) g`, [teams]);
  await client.query(
    `INSERT INTO app_user (email, name, roles, password_hash, team_id)
     SELECT 'agent' || g || '@scale.test', 'Agente ' || g, ARRAY['AGENT'], $2, (SELECT id FROM team ORDER BY name OFFSET (g % $3) LIMIT 1)
     FROM generate_series(1, $1) g`,
    [agents, hash, teams],
  );
  await client.query(
    `INSERT INTO app_user (email, name, roles, password_hash) SELECT 'coach' || g || '@scale.test', 'Coach ' || g, ARRAY['COACH'], $2 FROM generate_series(1, $1) g`,
    [teams, hash],
  );
  await client.query(
    `INSERT INTO app_user (email, name, roles, password_hash) VALUES ('admin@scale.test', 'Admin', ARRAY['ADMIN'], $1), ('evaluator@scale.test', 'Evaluador', ARRAY['EVALUATOR'], $1)`,
    [hash],
  );
  await client.query(
    `INSERT INTO team_coach (team_id, user_id)
     SELECT t.id, c.id FROM (SELECT id, row_number() OVER (ORDER BY name) n FROM team) t
     JOIN (SELECT id, row_number() OVER (ORDER BY email) n FROM app_user WHERE email LIKE 'coach%@scale.test') c ON c.n = t.n`,
  );
  await client.query(
    `CREATE TEMP TABLE agent_ids AS SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM app_user WHERE 'AGENT' = ANY(roles)`,
  );
  await client.query(
    `INSERT INTO call (external_id, agent_id, started_at, duration_seconds, direction, purpose)
     SELECT 'S-' || g, a.id, now() - (g % 730) * interval '1 day' - (g % 600) * interval '1 minute', 120 + g % 600, 'INBOUND', 'SUPPORT'
     FROM generate_series(1, $1) g JOIN agent_ids a ON a.n = g % $2`,
    [evaluations, agents],
  );
  const { rows } = await client.query(
    `SELECT (SELECT id FROM app_user WHERE email = 'evaluator@scale.test') AS evaluator, (SELECT id FROM rubric_version WHERE status = 'PUBLISHED') AS rubric`,
  );
  const { evaluator, rubric } = rows[0];
  await client.query(
    `INSERT INTO evaluation (call_id, evaluator_id, agent_id, call_started_at, rubric_version_id, status, version, resolution, supervisor_requested, supervisor_provided, submitted_at, acknowledged_at, score, raw_score, critical_failure)
     SELECT id, $1, agent_id, started_at, $2, 'ACKNOWLEDGED', 3, (ARRAY['RESOLVED','PARTIAL','UNRESOLVED'])[1 + abs(hashtext(external_id)) % 3],
            abs(hashtext(external_id)) % 10 = 0, abs(hashtext(external_id)) % 20 = 0, started_at + interval '1 day', started_at + interval '2 days', 0, 0, false
     FROM call WHERE external_id LIKE 'S-%'`,
    [evaluator, rubric],
  );
  await client.query(
    `INSERT INTO evaluation_answer (evaluation_id, rubric_version_id, criterion_code, value, not_applicable, comment)
     SELECT e.id, $1, c.code,
            CASE WHEN c.na_allowed AND abs(hashtext(e.id::text || c.code)) % 7 = 0 THEN NULL ELSE 1 + abs(hashtext(e.id::text || c.code)) % 4 - (CASE WHEN abs(hashtext(c.code || e.id::text)) % 97 = 0 THEN 1 ELSE 0 END) END,
            c.na_allowed AND abs(hashtext(e.id::text || c.code)) % 7 = 0,
            NULL
     FROM evaluation e CROSS JOIN criterion c WHERE c.rubric_version_id = $1`,
    [rubric],
  );
  // Scores from the answers, the formula of docs/rubric.md#score, set-based.
  const weights = Object.entries(WEIGHTS)
    .map(([code, w]) => `WHEN '${code}' THEN ${w}`)
    .join(' ');
  await client.query(
    `UPDATE evaluation e SET raw_score = s.raw, score = CASE WHEN s.cf THEN 0 ELSE s.raw END, critical_failure = s.cf
     FROM (SELECT a.evaluation_id, 100 * sum((CASE a.criterion_code ${weights} END) * a.value) / (4 * sum(CASE a.criterion_code ${weights} END)) AS raw,
                  bool_or(a.criterion_code IN ('R8','R9') AND a.value = 0) AS cf
             FROM evaluation_answer a WHERE a.value IS NOT NULL GROUP BY a.evaluation_id) s
     WHERE s.evaluation_id = e.id`,
  );
  await client.query('ANALYZE');
  const seconds = (performance.now() - t0) / 1000;
  const agentRows = (await client.query(`SELECT id, team_id FROM app_user WHERE 'AGENT' = ANY(roles) ORDER BY email LIMIT 40`))
    .rows;
  const teamIds = (await client.query(`SELECT id FROM team ORDER BY name LIMIT 20`)).rows.map((r) => r.id);
  const counts = (
    await client.query(
      `SELECT (SELECT count(*) FROM evaluation)::int AS evaluations, (SELECT count(*) FROM evaluation_answer)::int AS answers`,
    )
  ).rows[0];
  await client.end();
  return { seconds, agentIds: agentRows.map((r) => r.id), teamIds, counts };
}

/**
 * Times the API and the raw query on the same inputs, interleaved and alternating which goes
 * first, so that neither side runs on pages the other has just brought into the cache.
 */
async function timedPair(samples, api, raw) {
  const apiTimes = [];
  const rawTimes = [];
  const time = async (run, i, into) => {
    const t0 = performance.now();
    await run(i);
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < samples; i++) {
    if (i % 2) {
      await time(api, i, apiTimes);
      await time(raw, i, rawTimes);
    } else {
      await time(raw, i, rawTimes);
      await time(api, i, apiTimes);
    }
  }
  const summary = (times) => {
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  return [summary(apiTimes), summary(rawTimes)];
}

const RAW_PROGRESS = `SELECT e.agent_id, e.call_started_at, e.score, e.raw_score, e.critical_failure, e.resolution, e.supervisor_requested, e.supervisor_provided,
  jsonb_object_agg(a.criterion_code, CASE WHEN a.not_applicable THEN NULL ELSE a.value END) AS answers
  FROM evaluation e JOIN evaluation_answer a ON a.evaluation_id = e.id AND (a.value IS NOT NULL OR a.not_applicable)
  WHERE e.agent_id = ANY($1::uuid[]) AND e.status <> 'DRAFT' AND e.call_started_at >= $2 AND e.call_started_at < $3
  GROUP BY e.id ORDER BY e.call_started_at`;

export async function measure(server, databaseUrl, ids, samples = 40) {
  const admin = (
    await gql(server.url, 'mutation { login(email: "admin@scale.test", password: "decalogo-demo") { accessToken } }')
  ).login.accessToken;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const now = Date.now();
  const year = { from: new Date(now - 365 * 86400000).toISOString(), to: new Date(now).toISOString() };
  const quarter = { from: new Date(now - 91 * 86400000).toISOString(), to: new Date(now).toISOString() };
  const PROGRESS = `query($id: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $id, from: $from, to: $to) {
    evaluationCount meanScore trendPerWeek consistency marginOfError criticalFailureRate resolutionRate supervisorAvailability criteria { code mean count } weeks { weekStart count meanScore } } }`;
  const OVERVIEW = `query($id: ID!, $from: DateTime!, $to: DateTime!) { teamOverview(teamId: $id, from: $from, to: $to) {
    figures { evaluationCount meanScore } agents { agent { id } evaluationCount meanScore consistency trendPerWeek } matrix { code agentId mean } } }`;
  const FEEDBACK = `query($id: ID!) { evaluations(filter: { agentId: $id }, first: 50) { nodes { id score status callStartedAt answers { value comment criterion { code } } } } }`;

  // Warm both paths once.
  await gql(server.url, PROGRESS, { id: ids.agentIds[0], ...year }, admin);
  await pool.query(RAW_PROGRESS, [[ids.agentIds[0]], year.from, year.to]);

  const [progressApi, progressRaw] = await timedPair(
    samples,
    (i) => gql(server.url, PROGRESS, { id: ids.agentIds[i % ids.agentIds.length], ...year }, admin),
    (i) => pool.query(RAW_PROGRESS, [[ids.agentIds[i % ids.agentIds.length]], year.from, year.to]),
  );
  const teamAgents = async (teamId) =>
    (await pool.query(`SELECT id FROM app_user WHERE team_id = $1 AND 'AGENT' = ANY(roles)`, [teamId])).rows.map((r) => r.id);
  const [overviewApi, overviewRaw] = await timedPair(
    Math.ceil(samples / 2),
    (i) => gql(server.url, OVERVIEW, { id: ids.teamIds[i % ids.teamIds.length], ...quarter }, admin),
    async (i) => pool.query(RAW_PROGRESS, [await teamAgents(ids.teamIds[i % ids.teamIds.length]), quarter.from, quarter.to]),
  );
  const [feedbackApi, feedbackRaw] = await timedPair(
    samples,
    (i) => gql(server.url, FEEDBACK, { id: ids.agentIds[i % ids.agentIds.length] }, admin),
    (i) =>
      pool.query(
        `SELECT e.*, (SELECT jsonb_agg(a) FROM evaluation_answer a WHERE a.evaluation_id = e.id) AS answers FROM evaluation e
        WHERE e.agent_id = $1 AND e.status <> 'DRAFT' ORDER BY e.call_started_at DESC, e.id DESC LIMIT 51`,
        [ids.agentIds[i % ids.agentIds.length]],
      ),
  );
  await pool.end();
  return { progressApi, progressRaw, overviewApi, overviewRaw, feedbackApi, feedbackRaw, memory: server.memory() };
}
