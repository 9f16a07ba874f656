import { DEFAULT_RUBRIC } from '@decalogo/scoring';
import type { AnswerValue } from '@decalogo/scoring';
import type { CallPurposeValue } from '../../apps/api/src/call/entities/call.entity.js';
import { PROFILES as DEMO_PROFILES, EVIDENCE, mmss } from '../../apps/api/src/seed/demo-activity.js';
import { demoTranscript } from '../../apps/api/src/seed/demo-transcripts.js';
import { SeededRandom } from '../../apps/api/src/seed/random.js';
import { createCall, createCoachingSession, createEvaluation, createPlan } from './factories.js';
import type { EvaluationInput, EvaluationStatus, PlanInput } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Believable data for the browser journeys (whose screenshots make the README's gallery): weeks
 * of Spanish calls of the demo's agents, each evaluated with the answers its agent's profile
 * gives, at fixed instants — the same on every run and every day — built with the factories.
 */

export const DAY = 24 * 3600_000;
export const WEEK = 7 * DAY;

/**
 * The instant the journeys that depend on "now" run at (`useJourney(…, { now: JOURNEY_NOW })` sets
 * the API's clock and the pages' clocks there): Friday 20 March 2026, 15:00 UTC.
 */
export const JOURNEY_NOW = new Date('2026-03-20T15:00:00Z');

/** `yyyy-mm-dd` of an instant, in UTC (the organisation's zone in the tests' config). */
export const isoDay = (at: Date | number) => new Date(at).toISOString().slice(0, 10);

/** Monday 00:00 UTC of the week `at` falls in. */
export function startOfWeek(at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return new Date(day - ((at.getUTCDay() + 6) % 7) * DAY);
}

export const daysAfter = (at: Date, days: number) => new Date(at.getTime() + days * DAY);

/** A short Spanish call of this purpose, in the API's transcript format (`AGENT: [mm:ss] …`). */
export function callTranscript(
  random: SeededRandom,
  purpose: CallPurposeValue,
  agentName: string,
  durationSeconds: number,
): string {
  return demoTranscript(random, purpose, agentName.split(' ')[0]!, durationSeconds)
    .map((turn) => `${turn.speaker}: [${mmss(turn.offsetSeconds ?? 0)}] ${turn.text}`)
    .join('\n');
}

/** How an agent performs: the mean answer (0–4), its change per week, spread, weak rules, critical slips. */
export interface AgentProfile {
  level: number;
  trendPerWeek?: number;
  sd?: number;
  weak?: Record<string, number>;
  critical?: { code: 'R8' | 'R9'; p: number };
}

/** The demo's agents as a coach knows them (the seed's profiles): steady, improving, weak on some rules, a risk of critical failures. */
export const PROFILES: Record<string, AgentProfile> = Object.fromEntries(
  Object.entries(DEMO_PROFILES).map(([email, { level, trendPerWeek, sd, weak, criticalRisk }]) => [
    email,
    { level, trendPerWeek, sd, weak, critical: criticalRisk },
  ]),
);

const POSTVENTA: CallPurposeValue[] = [
  'SUPPORT',
  'SUPPORT',
  'COMPLAINT',
  'POST_SALE',
  'SUPPORT',
  'SALES',
  'RETENTION',
  'FEEDBACK',
];
const COBRANZAS: CallPurposeValue[] = [
  'COLLECTIONS_EARLY',
  'COLLECTIONS_MID',
  'COLLECTIONS_EARLY',
  'COLLECTIONS_LATE',
  'COLLECTIONS_MID',
];
const OVERALL = ['Buena gestión en general.', 'Revisar los puntos marcados con el coach.', 'Llamada correcta.', null];
const DISPUTE_REASONS = [
  'Creo que la nota no refleja la llamada: el cliente quedó conforme y lo dijo al final.',
  'En el minuto indicado sí le expliqué las condiciones; se oye en la grabación.',
  'El cliente pidió no esperar y por eso no ofrecí alternativas; lo dejé anotado.',
];

export interface AgentCall {
  agentEmail: string;
  agentId: string;
  callId: string;
  externalId: string;
  startedAt: Date;
  purpose: CallPurposeValue;
  /** null when the call waits to be evaluated. */
  evaluationId: string | null;
  status: EvaluationStatus | null;
  answers: Record<string, AnswerValue>;
}

export interface WeeksInput {
  /** The agents (e-mails of the cast) whose calls these are. */
  agents: string[];
  /** The Monday after the last week: the calls fall in the `weeks` weeks before it. */
  until: Date;
  weeks: number;
  /** Calls per agent and week (1–5), on different weekdays; default 2. */
  callsPerWeek?: number;
  /** Prefix of the calls' external ids, e.g. `PV` → `PV-260216-0007`. */
  prefix: string;
  seed?: number;
  /** No call after this instant (the journey's "now"). */
  notAfter?: Date;
  /**
   * The evaluation of each call: its status (null: not evaluated, the call waits in the queue) and,
   * for a dispute, its decision. Default: acknowledged.
   */
  outcome?: (call: {
    agentEmail: string;
    startedAt: Date;
    week: number;
    index: number;
    lowCodes: string[];
  }) => EvaluationStatus | null | { status: 'DISPUTED' | 'RESOLVED'; decision?: 'UPHOLD' | 'AMEND' };
}

/**
 * How a call center's weeks look as of `now`: one call in six still waits to be evaluated, the
 * last week's evaluations wait for their agent, older ones have been acknowledged.
 */
export const usualOutcome =
  (now: Date): NonNullable<WeeksInput['outcome']> =>
  ({ index, startedAt }) =>
    index % 6 === 0 ? null : now.getTime() - startedAt.getTime() < WEEK ? 'SUBMITTED' : 'ACKNOWLEDGED';

const evaluatorOf = (app: TestApp, i: number) => app.cast.id(i % 2 ? 'evaluator2@demo.test' : 'evaluator@demo.test');

/** The answers an agent of this profile gives on this call (null = N/A), with the evaluator's comments and evidence. */
function answersFor(
  random: SeededRandom,
  profile: AgentProfile,
  week: number,
  call: { purpose: CallPurposeValue; direction: 'INBOUND' | 'OUTBOUND'; durationSeconds: number },
) {
  const critical = profile.critical && random.chance(profile.critical.p) ? profile.critical.code : null;
  const answers: Record<string, AnswerValue> = {};
  const comments: Record<string, string | null> = {};
  const evidence: Record<string, number> = {};
  const collections = call.purpose.startsWith('COLLECTIONS');
  for (const criterion of DEFAULT_RUBRIC) {
    const code = criterion.code;
    const na =
      criterion.naAllowed &&
      ((code === 'R6' && call.direction === 'INBOUND') ||
        (code === 'R7' && (call.purpose === 'COMPLAINT' || collections)) ||
        (code === 'R2' && (call.purpose === 'COMPLAINT' || collections || random.chance(0.3))) ||
        (code === 'R10' && random.chance(0.5)));
    if (na) {
      answers[code] = null;
      comments[code] = null;
      continue;
    }
    const mean = profile.level + (profile.trendPerWeek ?? 0) * week + (profile.weak?.[code] ?? 0);
    const value = code === critical ? 0 : Math.max(0, Math.min(4, Math.round(random.normal(mean, profile.sd ?? 0.5))));
    answers[code] = value;
    if (value <= 1) {
      evidence[code] = random.int(10, Math.max(11, call.durationSeconds - 5));
      comments[code] = `${EVIDENCE[code]} (min ${mmss(evidence[code])}).`;
    } else comments[code] = value === 4 && random.chance(0.15) ? 'Ejemplo a seguir para el equipo.' : null;
  }
  return { answers, comments, evidence };
}

/**
 * Weeks of calls of these agents, evaluated by both evaluators in turn (as `outcome` says), at fixed
 * instants: weekdays between 9:00 and 17:00 UTC, the same on every run. Returns every call.
 */
export async function buildWeeks(app: TestApp, input: WeeksInput): Promise<AgentCall[]> {
  const random = new SeededRandom(input.seed ?? 20260320);
  const perWeek = Math.min(5, Math.max(1, input.callsPerWeek ?? 2));
  const first = input.until.getTime() - input.weeks * WEEK;
  const calls: AgentCall[] = [];
  let n = 0;
  for (const [a, agentEmail] of input.agents.entries()) {
    const agent = app.cast.people[agentEmail]!;
    const profile = PROFILES[agentEmail] ?? { level: 2.8 };
    const cobranzas = Number(agentEmail.match(/^agent(\d+)@/)?.[1] ?? 0) > 5;
    for (let week = 0; week < input.weeks; week++) {
      for (let k = 0; k < perWeek; k++) {
        const weekday = (a + 2 * k + week) % 5;
        const startedAt = new Date(
          first +
            week * WEEK +
            weekday * DAY +
            (9 + ((a * 2 + k * 3 + week) % 8)) * 3600_000 +
            ((a * 11 + k * 17 + week * 7) % 60) * 60_000,
        );
        if (input.notAfter && startedAt.getTime() > input.notAfter.getTime() - 2 * 3600_000) continue;
        n += 1;
        const purpose = random.pick(cobranzas ? COBRANZAS : POSTVENTA);
        const direction =
          cobranzas || purpose === 'POST_SALE' || purpose === 'FEEDBACK' || (purpose === 'SALES' && random.chance(0.6))
            ? 'OUTBOUND'
            : 'INBOUND';
        const durationSeconds = random.int(150, 720);
        // As a call center's system numbers them: a prefix, the day, a running number.
        const externalId = `${input.prefix}-${isoDay(startedAt).slice(2).replace(/-/g, '')}-${String(n).padStart(4, '0')}`;
        const callId = await createCall(app, {
          agentId: agent.id,
          startedAt,
          externalId,
          durationSeconds,
          direction,
          purpose,
          holdSeconds: random.chance(0.4) ? random.int(10, 180) : 0,
          transfers: random.chance(0.15) ? 1 : 0,
          customerRef: `C-${random.int(100000, 999999)}`,
          transcript: callTranscript(random, purpose, agent.name, durationSeconds),
        });
        const { answers, comments, evidence } = answersFor(random, profile, week, { purpose, direction, durationSeconds });
        const lowCodes = Object.entries(answers)
          .filter(([, v]) => v !== null && v <= 2)
          .map(([code]) => code);
        const decided = input.outcome
          ? input.outcome({ agentEmail, startedAt, week, index: n, lowCodes })
          : ('ACKNOWLEDGED' as const);
        const outcome = typeof decided === 'string' || decided === null ? { status: decided } : decided;
        const call: AgentCall = {
          agentEmail,
          agentId: agent.id,
          callId,
          externalId,
          startedAt,
          purpose,
          evaluationId: null,
          status: outcome.status,
          answers,
        };
        calls.push(call);
        if (outcome.status === null) continue;
        const evaluatorId = evaluatorOf(app, n);
        const submittedAt = new Date(
          Math.min(startedAt.getTime() + random.int(3, 30) * 3600_000, (input.notAfter ?? JOURNEY_NOW).getTime() - 3600_000),
        );
        const r5 = answers['R5'] ?? 3;
        const r8 = answers['R8'] ?? 3;
        const supervisorRequested = random.chance(0.15);
        const evaluation: EvaluationInput = {
          callId,
          evaluatorId,
          answers: outcome.status === 'DRAFT' ? Object.fromEntries(Object.entries(answers).slice(0, 4)) : answers,
          comments,
          evidence,
          status: outcome.status,
          submittedAt,
          resolution: r5 >= 3 ? 'RESOLVED' : r5 === 2 ? 'PARTIAL' : 'UNRESOLVED',
          supervisorRequested,
          supervisorProvided: supervisorRequested ? r8 >= 2 : null,
          comment: random.pick(OVERALL),
        };
        if (outcome.status === 'DISPUTED' || outcome.status === 'RESOLVED') {
          evaluation.dispute = {
            codes: lowCodes.slice(0, 2).length ? lowCodes.slice(0, 2) : ['R1'],
            reason: DISPUTE_REASONS[n % DISPUTE_REASONS.length]!,
            decision: 'decision' in outcome ? outcome.decision : undefined,
            resolvedBy: evaluatorOf(app, n + 1),
            at: new Date(submittedAt.getTime() + 20 * 3600_000),
          };
        }
        call.evaluationId = await createEvaluation(app, evaluation);
      }
    }
  }
  return calls;
}

/** The agents of the cast's two teams, as the journeys build their weeks. */
export const POSTVENTA_AGENTS = [
  'agent1@demo.test',
  'agent2@demo.test',
  'agent3@demo.test',
  'agent4@demo.test',
  'agent5@demo.test',
];
export const COBRANZAS_AGENTS = [
  'agent6@demo.test',
  'agent7@demo.test',
  'agent8@demo.test',
  'agent9@demo.test',
  'agent10@demo.test',
];

/**
 * Weeks of calls up to the journey's "now" with the usual outcome: the last of the `weeks` weeks is
 * the current one, no call is after JOURNEY_NOW, and evaluations are as `usualOutcome` says.
 */
export function buildWeeksToNow(app: TestApp, input: Omit<WeeksInput, 'until' | 'notAfter' | 'outcome'>): Promise<AgentCall[]> {
  return buildWeeks(app, {
    ...input,
    until: daysAfter(startOfWeek(JOURNEY_NOW), 7),
    notAfter: JOURNEY_NOW,
    outcome: usualOutcome(JOURNEY_NOW),
  });
}

export interface PlanWithSessions extends Omit<PlanInput, 'agentId' | 'coachId'> {
  agent: string;
  coach: string;
  /** Sessions, oldest first: date, what was done, what was agreed, whether the agent confirmed it. */
  sessions?: Array<{ date: string; notes: string; agreedActions?: string; acknowledged?: boolean }>;
}

/**
 * What Carmen (coach@) works on with two Postventa agents in every journey that tells their story;
 * the dates, status and sessions are each journey's own.
 */
export const POSTVENTA_PLANS = {
  agent2: {
    agent: 'agent2@demo.test',
    coach: 'coach@demo.test',
    focusCodes: ['R1', 'R3'],
    methods: ['ROLE_PLAY', 'CALL_REVIEW'],
    targetFocusScore: 70,
    notes: 'Identificar bien la necesidad y no dejar silencios.',
  },
  agent4: {
    agent: 'agent4@demo.test',
    coach: 'coach@demo.test',
    focusCodes: ['R4'],
    methods: ['DIALECTIC', 'SOCRATIC_QUESTIONING'],
    targetFocusScore: 80,
    notes: 'Razonar con argumentos ante clientes difíciles.',
  },
} satisfies Record<string, Omit<PlanWithSessions, 'startDate' | 'dueDate'>>;

/** A coaching plan of a cast agent by a cast coach, with its sessions; returns its id. */
export async function buildPlan(app: TestApp, input: PlanWithSessions): Promise<string> {
  const { agent, coach, sessions = [], ...plan } = input;
  const coachId = app.cast.id(coach);
  const planId = await createPlan(app, { ...plan, agentId: app.cast.id(agent), coachId });
  for (const session of sessions) {
    await createCoachingSession(app, {
      planId,
      date: session.date,
      notes: session.notes,
      agreedActions: session.agreedActions ?? null,
      createdBy: coachId,
      acknowledgedAt: session.acknowledged ? new Date(`${session.date}T17:00:00Z`) : null,
    });
  }
  return planId;
}

/** Session notes of a plan's weekly meetings, as a coach writes them. */
export const SESSION_NOTES = [
  {
    notes: 'Escuchamos juntos dos llamadas de la semana: le cuesta confirmar la necesidad antes de proponer.',
    agreedActions: 'Repetir con sus palabras lo que pide el cliente antes de ofrecer nada.',
  },
  {
    notes: 'Role play de una reclamación por factura: mejor tono, todavía deja silencios largos.',
    agreedActions: 'Avisar antes de poner en espera y decir cuánto tardará.',
  },
  {
    notes: 'Revisión de los avances: las dos últimas llamadas cierran con fecha de seguimiento.',
    agreedActions: 'Mantenerlo y comentar una llamada difícil en la próxima sesión.',
  },
];
