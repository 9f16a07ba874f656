import type { EntityManager } from 'typeorm';
import { coachingResult, computeScore, DEFAULT_RUBRIC } from '@decalogo/scoring';
import type { AnswerValue } from '@decalogo/scoring';
import type { CallDirectionValue, CallPurposeValue, TranscriptTurnValue } from '../call/entities/call.entity.js';
import type { EvaluationStatusValue } from '../evaluation/entities/evaluation.entity.js';
import { demoTranscript } from './demo-transcripts.js';
import { SeededRandom } from './random.js';

const DAY = 24 * 3600 * 1000;
const WEEKS = 12;
const CALLS_PER_AGENT = 30;

/** How each demo agent performs, so a coach has real differences and trends to notice. */
export interface Profile {
  level: number; // mean answer 0–4 at the start of the 12 weeks
  trendPerWeek: number; // change of the mean answer per week
  sd: number; // spread of answers (consistency)
  weak?: Record<string, number>; // per-criterion offsets
  criticalRisk?: { code: 'R8' | 'R9'; p: number };
}

export const PROFILES: Record<string, Profile> = {
  'agent1@demo.test': { level: 3.4, trendPerWeek: 0, sd: 0.45 },
  'agent2@demo.test': { level: 2.0, trendPerWeek: 0.12, sd: 0.5, weak: { R1: -0.3 } },
  'agent3@demo.test': { level: 2.6, trendPerWeek: 0, sd: 0.5, weak: { R3: -1.1, R5: -0.9 } },
  'agent4@demo.test': { level: 3.3, trendPerWeek: -0.09, sd: 0.5, weak: { R4: -0.4 } },
  'agent5@demo.test': { level: 2.8, trendPerWeek: 0, sd: 1.1, criticalRisk: { code: 'R8', p: 0.08 } },
  'agent6@demo.test': { level: 3.1, trendPerWeek: 0.01, sd: 0.5, weak: { R9: -1.2 }, criticalRisk: { code: 'R9', p: 0.1 } },
  'agent7@demo.test': { level: 3.6, trendPerWeek: 0, sd: 0.35 },
  'agent8@demo.test': { level: 2.2, trendPerWeek: 0.08, sd: 0.55, weak: { R6: -1.2 } },
  'agent9@demo.test': { level: 2.8, trendPerWeek: 0, sd: 0.6, weak: { R4: -1 } },
  'agent10@demo.test': { level: 2.0, trendPerWeek: -0.02, sd: 0.7, weak: { R8: -0.6 }, criticalRisk: { code: 'R8', p: 0.12 } },
};

const POSTVENTA_PURPOSES: CallPurposeValue[] = [
  'SUPPORT',
  'SUPPORT',
  'SUPPORT',
  'COMPLAINT',
  'POST_SALE',
  'SALES',
  'RETENTION',
  'FEEDBACK',
];
const COBRANZAS_PURPOSES: CallPurposeValue[] = [
  'COLLECTIONS_EARLY',
  'COLLECTIONS_EARLY',
  'COLLECTIONS_MID',
  'COLLECTIONS_MID',
  'COLLECTIONS_LATE',
];

/** What an evaluator writes beside a 0 or a 1, per rule (the browser journeys' data says the same). */
export const EVIDENCE: Record<string, string> = {
  R1: 'No identifica al cliente ni explica las condiciones del servicio',
  R2: 'No ofrece la mejora que encajaba con su uso',
  R3: 'Deja al cliente en espera sin explicar y le hace repetir los datos',
  R4: 'Contradice al cliente sin dar razones ni alternativas',
  R5: 'Cierra la llamada sin solución ni compromiso con fecha',
  R6: 'No se identifica ni dice el motivo de la llamada al empezar',
  R7: 'Propone un producto que no encaja con el historial del cliente',
  R8: 'Responde con exasperación y niega el acceso a un superior',
  R9: 'Amenaza con acciones que no corresponden y no informa de sus derechos',
  R10: 'Se niega a un gesto menor que la política permite',
};

/** Seconds as mm:ss, as evaluators cite a moment of a call. */
export const mmss = (seconds: number) =>
  `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

interface DemoCall {
  id?: string;
  externalId: string;
  agentId: string;
  agentEmail: string;
  startedAt: Date;
  durationSeconds: number;
  direction: CallDirectionValue;
  purpose: CallPurposeValue;
  holdSeconds: number;
  transfers: number;
  customerRef: string;
  transcript: TranscriptTurnValue[];
}

/** Whether a criterion can be N/A on this call (the "listen for" texts of docs/rubric.md#the-ten-rules). */
function notApplicable(code: string, call: DemoCall, random: SeededRandom): boolean {
  if (code === 'R6') return call.direction === 'INBOUND';
  if (code === 'R7') return call.purpose === 'COMPLAINT' || call.purpose.startsWith('COLLECTIONS');
  if (code === 'R2') return call.purpose === 'COMPLAINT' || call.purpose.startsWith('COLLECTIONS') || random.chance(0.3);
  if (code === 'R10') return random.chance(0.5);
  return false;
}

interface DemoAnswer {
  code: string;
  value: number | null;
  notApplicable: boolean;
  comment: string | null;
  evidenceSeconds: number | null;
}

function answersFor(call: DemoCall, profile: Profile, week: number, random: SeededRandom): DemoAnswer[] {
  const critical = profile.criticalRisk && random.chance(profile.criticalRisk.p) ? profile.criticalRisk.code : null;
  return DEFAULT_RUBRIC.map((criterion) => {
    if (criterion.naAllowed && notApplicable(criterion.code, call, random)) {
      return { code: criterion.code, value: null, notApplicable: true, comment: null, evidenceSeconds: null };
    }
    const mean = profile.level + profile.trendPerWeek * week + (profile.weak?.[criterion.code] ?? 0);
    const value = criterion.code === critical ? 0 : Math.max(0, Math.min(4, Math.round(random.normal(mean, profile.sd))));
    const evidenceSeconds = value <= 1 ? random.int(10, Math.max(11, call.durationSeconds - 5)) : null;
    const comment =
      value <= 1
        ? `${EVIDENCE[criterion.code]} (min ${mmss(evidenceSeconds!)}).`
        : value === 4 && random.chance(0.15)
          ? 'Ejemplo a seguir para el equipo.'
          : null;
    return { code: criterion.code, value, notApplicable: false, comment, evidenceSeconds };
  });
}

/** Inserts rows in chunks with one multi-row INSERT each. */
async function insertRows(
  manager: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  casts: Record<number, string> = {},
): Promise<Array<{ id: string }>> {
  const ids: Array<{ id: string }> = [];
  for (let start = 0; start < rows.length; start += 400) {
    const chunk = rows.slice(start, start + 400);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => `(${row.map((value, i) => `$${params.push(value)}${casts[i] ?? ''}`).join(', ')})`);
    const returning = columns.includes('id') || table === 'evaluation_answer' || table === 'dispute' ? '' : ' RETURNING id';
    const result = (await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}${returning}`,
      params,
    )) as Array<{ id: string }>;
    if (returning) ids.push(...result);
  }
  return ids;
}

/**
 * Twelve weeks of a believable call center: ~300 calls with short Spanish transcripts, and
 * evaluations by both evaluators (and a coach) in every status — acknowledged, waiting, drafts,
 * disputed, resolved — with per-agent strengths, weaknesses, trends and critical failures.
 */
export async function seedDemoActivity(
  manager: EntityManager,
  users: Map<string, { id: string; name: string; team: string | null }>,
  now = new Date(),
): Promise<void> {
  const random = new SeededRandom(20261123);
  const rubric = (await manager.query(`SELECT id FROM rubric_version WHERE status = 'PUBLISHED'`)) as Array<{ id: string }>;
  const rubricVersionId = rubric[0]!.id;
  // Anchored to a Monday, so the demo has the same shape whatever the day it is seeded on.
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monday = today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY;
  const start = monday - (WEEKS - 1) * 7 * DAY;
  const evaluators = [users.get('evaluator@demo.test')!.id, users.get('evaluator2@demo.test')!.id];

  const calls: DemoCall[] = [];
  for (const email of Object.keys(PROFILES)) {
    const agent = users.get(email)!;
    const cobranzas = agent.team === 'Cobranzas';
    for (let i = 0; i < CALLS_PER_AGENT; i++) {
      // Spread over the 12 weeks, on weekdays between 9:00 and 18:00.
      const day = new Date(start + Math.floor(((i + random.next()) / CALLS_PER_AGENT) * WEEKS * 7) * DAY);
      if (day.getUTCDay() === 0) day.setUTCDate(day.getUTCDate() + 1);
      if (day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() - 1);
      day.setUTCHours(8 + random.int(0, 8), random.int(0, 59), random.int(0, 59), 0);
      if (day.getTime() > now.getTime() - 3600_000) day.setTime(now.getTime() - random.int(2, 48) * 3600_000);
      const purpose = random.pick(cobranzas ? COBRANZAS_PURPOSES : POSTVENTA_PURPOSES);
      const direction: CallDirectionValue =
        cobranzas || purpose === 'POST_SALE' || purpose === 'FEEDBACK' || (purpose === 'SALES' && random.chance(0.6))
          ? 'OUTBOUND'
          : 'INBOUND';
      const durationSeconds = random.int(150, 720);
      calls.push({
        externalId: `DEMO-${email.split('@')[0]}-${String(i + 1).padStart(3, '0')}`,
        agentId: agent.id,
        agentEmail: email,
        startedAt: day,
        durationSeconds,
        direction,
        purpose,
        holdSeconds: random.chance(0.4) ? random.int(10, 180) : 0,
        transfers: random.chance(0.15) ? 1 : 0,
        customerRef: `C-${random.int(100000, 999999)}`,
        transcript: demoTranscript(random, purpose, agent.name.split(' ')[0]!, durationSeconds),
      });
    }
  }
  const callIds = await insertRows(
    manager,
    'call',
    [
      'external_id',
      'agent_id',
      'started_at',
      'duration_seconds',
      'direction',
      'purpose',
      'hold_seconds',
      'transfers',
      'customer_ref',
      'recording_url',
      'transcript',
    ],
    calls.map((c) => [
      c.externalId,
      c.agentId,
      c.startedAt,
      c.durationSeconds,
      c.direction,
      c.purpose,
      c.holdSeconds,
      c.transfers,
      c.customerRef,
      null,
      JSON.stringify(c.transcript),
    ]),
    { 10: '::jsonb' },
  );
  calls.forEach((call, i) => (call.id = callIds[i]!.id));

  const evaluationRows: unknown[][] = [];
  const answersByEvaluation: DemoAnswer[][] = [];
  const disputes: Array<{
    index: number;
    agentId: string;
    codes: string[];
    reason: string;
    decision: 'UPHOLD' | 'AMEND' | null;
    resolvedBy: string | null;
    at: Date;
  }> = [];
  // Open disputes per evaluator: each has some, so each has one of the other's to resolve.
  const disputedBy = [0, 0];
  let resolvedCount = 0;
  let draftCount = 0;
  calls.forEach((call, i) => {
    const ageDays = (now.getTime() - call.startedAt.getTime()) / DAY;
    // About two thirds of calls are evaluated; the rest wait in the queue.
    if (!random.chance(ageDays < 7 ? 0.45 : 0.7)) return;
    const profile = PROFILES[call.agentEmail]!;
    const week = Math.floor((call.startedAt.getTime() - start) / (7 * DAY));
    const answers = answersFor(call, profile, week, random);
    const evaluatorId = evaluators[i % 2]!;
    const recent = ageDays < 10;
    let status: EvaluationStatusValue;
    let amended = false;
    if (recent && draftCount < 5 && random.chance(0.2)) {
      status = 'DRAFT';
      draftCount += 1;
    } else if (recent && disputedBy[i % 2]! < 2 && answers.some((a) => a.value !== null && a.value <= 1)) {
      status = 'DISPUTED';
      disputedBy[i % 2]! += 1;
    } else if (!recent && resolvedCount < 2 && answers.some((a) => a.value !== null && a.value <= 1)) {
      status = 'RESOLVED';
      resolvedCount += 1;
      // The first resolved dispute was amended (its low answer goes up a step), the second upheld.
      amended = resolvedCount === 1;
    } else if (recent) status = 'SUBMITTED';
    else status = random.chance(0.85) ? 'ACKNOWLEDGED' : 'SUBMITTED';

    const submittedAt =
      status === 'DRAFT'
        ? null
        : new Date(Math.min(call.startedAt.getTime() + random.int(4, 60) * 3600_000, now.getTime() - 600_000));
    const stored = status === 'DRAFT' ? answers.filter(() => random.chance(0.6)) : answers;
    let scored: { score: number; rawScore: number; criticalFailure: boolean } | null = null;
    if (status !== 'DRAFT') {
      if (amended) {
        const low = stored.find((a) => a.value !== null && a.value <= 1)!;
        low.value = low.value! + 1;
      }
      const map: Record<string, AnswerValue> = Object.fromEntries(stored.map((a) => [a.code, a.notApplicable ? null : a.value]));
      scored = computeScore(DEFAULT_RUBRIC, map);
    }
    const r5 = answers.find((a) => a.code === 'R5')!.value ?? 3;
    const r8 = answers.find((a) => a.code === 'R8')!.value ?? 3;
    const supervisorRequested = random.chance(0.12);
    evaluationRows.push([
      call.id,
      evaluatorId,
      call.agentId,
      call.startedAt,
      rubricVersionId,
      status,
      status === 'DRAFT' ? 2 : 3,
      r5 >= 3 ? 'RESOLVED' : r5 === 2 ? 'PARTIAL' : 'UNRESOLVED',
      supervisorRequested,
      supervisorRequested ? r8 >= 2 : null,
      status === 'DRAFT'
        ? null
        : random.pick(['Buena gestión en general.', 'Revisar los puntos marcados con el coach.', 'Llamada correcta.', null]),
      scored?.score ?? null,
      scored?.rawScore ?? null,
      scored?.criticalFailure ?? null,
      submittedAt,
      status === 'ACKNOWLEDGED' ? new Date(Math.min(submittedAt!.getTime() + random.int(2, 48) * 3600_000, now.getTime())) : null,
    ]);
    answersByEvaluation.push(stored);
    if (status === 'DISPUTED' || status === 'RESOLVED') {
      const low = answers.filter((a) => a.value !== null && a.value <= 2).map((a) => a.code);
      disputes.push({
        index: evaluationRows.length - 1,
        agentId: call.agentId,
        codes: low.slice(0, 2).length ? low.slice(0, 2) : ['R1'],
        reason: 'Creo que la nota no refleja la llamada: el cliente quedó conforme y lo dijo al final.',
        decision: status === 'RESOLVED' ? (amended ? 'AMEND' : 'UPHOLD') : null,
        resolvedBy: status === 'RESOLVED' ? evaluators[(i + 1) % 2]! : null,
        at: new Date(Math.min(submittedAt!.getTime() + DAY, now.getTime())),
      });
    }
  });

  await seedSamplingPlan(manager, users);
  await seedCoachingPlans(
    manager,
    users,
    now,
    evaluationRows.map((row, i) => ({
      agentId: row[2] as string,
      callStartedAt: row[3] as Date,
      draft: row[5] === 'DRAFT',
      answers: Object.fromEntries(answersByEvaluation[i]!.map((a) => [a.code, a.notApplicable ? null : a.value])),
    })),
  );

  const evaluationIds = await insertRows(
    manager,
    'evaluation',
    [
      'call_id',
      'evaluator_id',
      'agent_id',
      'call_started_at',
      'rubric_version_id',
      'status',
      'version',
      'resolution',
      'supervisor_requested',
      'supervisor_provided',
      'comment',
      'score',
      'raw_score',
      'critical_failure',
      'submitted_at',
      'acknowledged_at',
    ],
    evaluationRows,
  );
  const answerRows = answersByEvaluation.flatMap((answers, i) =>
    answers.map((a) => [evaluationIds[i]!.id, rubricVersionId, a.code, a.value, a.notApplicable, a.comment, a.evidenceSeconds]),
  );
  await insertRows(
    manager,
    'evaluation_answer',
    ['evaluation_id', 'rubric_version_id', 'criterion_code', 'value', 'not_applicable', 'comment', 'evidence_seconds'],
    answerRows,
  );
  if (disputes.length) {
    await insertRows(
      manager,
      'dispute',
      [
        'evaluation_id',
        'agent_id',
        'codes',
        'reason',
        'created_at',
        'decision',
        'resolution_comment',
        'resolved_by',
        'resolved_at',
      ],
      disputes.map((d) => [
        evaluationIds[d.index]!.id,
        d.agentId,
        d.codes,
        d.reason,
        d.at,
        d.decision,
        d.decision === 'AMEND'
          ? 'Revisada la grabación: tiene razón en parte, se corrige un punto.'
          : d.decision === 'UPHOLD'
            ? 'Se mantiene la nota: la evidencia está en el minuto indicado.'
            : null,
        d.resolvedBy,
        d.decision ? new Date(Math.min(d.at.getTime() + DAY, now.getTime())) : null,
      ]),
    );
  }
}

/**
 * A weekly sampling plan over both teams (two calls per agent, shared among purposes), active.
 * The server draws last week for it right after seeding (server.ts), so the evaluators' queues
 * open with assignments, and the plan's screen with coverage and advice.
 */
async function seedSamplingPlan(
  manager: EntityManager,
  users: Map<string, { id: string; name: string; team: string | null }>,
): Promise<void> {
  await manager.query(
    `INSERT INTO sampling_plan (name, team_ids, calls_per_agent_per_week, stratify_by_purpose, seed, target_margin, created_by)
     SELECT 'Muestreo semanal', array_agg(id ORDER BY name), 2, true, 'demo-decalogo', 5, $1 FROM team`,
    [users.get('admin@demo.test')!.id],
  );
}

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * Coaching plans in every status: one whose agent clearly improved on the focus rules after the
 * start (agent2), one who did not (agent4), an overdue one, a completed one (achieved as the
 * library computes it from the seeded evaluations) and a cancelled one — with sessions.
 */
async function seedCoachingPlans(
  manager: EntityManager,
  users: Map<string, { id: string; name: string; team: string | null }>,
  now: Date,
  evaluations: Array<{ agentId: string; callStartedAt: Date; draft: boolean; answers: Record<string, number | null> }>,
): Promise<void> {
  const coach = users.get('coach@demo.test')!.id;
  const coach2 = users.get('coach2@demo.test')!.id;
  const t = now.getTime();
  const plans = [
    {
      agent: 'agent2@demo.test',
      coach,
      focus: ['R1', 'R3'],
      methods: ['ROLE_PLAY', 'CALL_REVIEW'],
      target: 70,
      start: t - 42 * DAY,
      due: t + 14 * DAY,
      status: 'ACTIVE',
      notes: 'Identificar bien la necesidad y no dejar silencios.',
    },
    {
      agent: 'agent4@demo.test',
      coach,
      focus: ['R4'],
      methods: ['DIALECTIC', 'SOCRATIC_QUESTIONING'],
      target: 80,
      start: t - 35 * DAY,
      due: t + 21 * DAY,
      status: 'ACTIVE',
      notes: 'Razonar con argumentos ante clientes difíciles.',
    },
    {
      agent: 'agent9@demo.test',
      coach: coach2,
      focus: ['R4', 'R5'],
      methods: ['WORKSHOP'],
      target: 75,
      start: t - 60 * DAY,
      due: t - 6 * DAY,
      status: 'ACTIVE',
      notes: 'Cerrar acuerdos de pago con fecha.',
    },
    {
      agent: 'agent8@demo.test',
      coach: coach2,
      focus: ['R6'],
      methods: ['SIDE_BY_SIDE', 'MOTIVATIONAL_TALK'],
      target: 50,
      start: t - 70 * DAY,
      due: t - 14 * DAY,
      status: 'COMPLETED',
      notes: 'Identificarse y decir el motivo al empezar.',
    },
    {
      agent: 'agent10@demo.test',
      coach: coach2,
      focus: ['R8', 'R9'],
      methods: ['SEMINAR'],
      target: 85,
      start: t - 50 * DAY,
      due: t - 10 * DAY,
      status: 'CANCELLED',
      notes: 'Sustituido por un plan individual con RR. HH.',
    },
  ];
  for (const plan of plans) {
    const agentId = users.get(plan.agent)!.id;
    const startDate = isoDay(plan.start);
    const dueDate = isoDay(plan.due);
    const closedAt = plan.status === 'ACTIVE' ? null : new Date(Math.min(plan.due + DAY, t));
    const achieved =
      plan.status === 'COMPLETED'
        ? coachingResult(
            evaluations.filter((e) => e.agentId === agentId && !e.draft),
            {
              focusCodes: plan.focus,
              targetFocusScore: plan.target,
              startDate: new Date(`${startDate}T00:00:00Z`),
              dueDate: new Date(`${dueDate}T00:00:00Z`),
            },
            closedAt!,
          ).achieved
        : null;
    const [row] = (await manager.query(
      `INSERT INTO coaching_plan (agent_id, coach_id, focus_codes, methods, target_focus_score, start_date, due_date, notes, status, achieved, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        agentId,
        plan.coach,
        plan.focus,
        plan.methods,
        plan.target,
        startDate,
        dueDate,
        plan.notes,
        plan.status,
        achieved,
        closedAt,
      ],
    )) as Array<{ id: string }>;
    for (let week = 1; week <= 3; week++) {
      const date = plan.start + week * 7 * DAY;
      if (date > t) break;
      await manager.query(
        `INSERT INTO coaching_session (plan_id, date, notes, agreed_actions, created_by, acknowledged_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          row!.id,
          isoDay(date),
          `Sesión ${week}: escucha de dos llamadas y ${plan.methods[0] === 'ROLE_PLAY' ? 'role play' : 'revisión'} de los puntos débiles.`,
          'Aplicarlo en las próximas llamadas y comentarlo en la siguiente sesión.',
          plan.coach,
          week < 3 ? new Date(date + DAY) : null,
        ],
      );
    }
  }
}
