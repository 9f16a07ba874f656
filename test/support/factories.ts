import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { computeScore, DEFAULT_RUBRIC } from '@decalogo/scoring';
import type { AnswerValue } from '@decalogo/scoring';
import { hashPassword } from '../../apps/api/src/auth/password.js';
import { parseTranscript } from '../../apps/api/src/call/transcript.js';
import type { Role } from '../../apps/api/src/common/roles.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TEAMS } from '../../apps/api/src/seed/demo-accounts.js';
import type { TestApp } from './test-app.js';

/**
 * Factories: each test builds exactly the world it asserts on — people, calls at given times,
 * evaluations with given answers in a given status, plans — straight into its own database, so no
 * test leans on the demo's random composition, on today's date or on the test before it.
 * Everything a factory writes is what the API itself would have written (scores from libs/scoring,
 * transcripts through the API's parser).
 */

const db = (app: TestApp): DataSource => app.server.database.dataSource;
const unique = () => randomBytes(4).toString('hex');

let passwordHash: Promise<string> | null = null;
/** The test password's hash, computed once per file (argon2id is slow on purpose). */
const testPasswordHash = () => (passwordHash ??= hashPassword(DEMO_PASSWORD));

export const TEST_PASSWORD = DEMO_PASSWORD;

export interface Person {
  id: string;
  email: string;
  name: string;
}

export async function createTeam(app: TestApp, name = `Equipo ${unique()}`): Promise<{ id: string; name: string }> {
  const [row] = (await db(app).query(`INSERT INTO team (name) VALUES ($1) RETURNING id`, [name])) as Array<{ id: string }>;
  return { id: row!.id, name };
}

/** A person of the given roles (password TEST_PASSWORD), in `teamId`, coaching `coaches`. */
export async function createPerson(
  app: TestApp,
  input: {
    roles: Array<Role | keyof typeof Role>;
    email?: string;
    name?: string;
    teamId?: string | null;
    coaches?: string[];
    locale?: 'es' | 'en';
    active?: boolean;
  },
): Promise<Person> {
  const email = input.email ?? `${input.roles[0]!.toLowerCase()}-${unique()}@test.example`;
  const name = input.name ?? `Persona ${email.split('@')[0]}`;
  const [row] = (await db(app).query(
    `INSERT INTO app_user (email, name, roles, password_hash, locale, team_id, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [email, name, input.roles, await testPasswordHash(), input.locale ?? 'es', input.teamId ?? null, input.active ?? true],
  )) as Array<{ id: string }>;
  for (const teamId of input.coaches ?? []) {
    await db(app).query(`INSERT INTO team_coach (team_id, user_id) VALUES ($1, $2)`, [teamId, row!.id]);
  }
  return { id: row!.id, email, name };
}

/**
 * The people of the demo organisation — the same e-mails, names, roles and teams — and nothing
 * else: no calls, no evaluations, no plans. What a test needs beyond people it creates itself.
 */
export interface Cast {
  teams: Record<(typeof DEMO_TEAMS)[number], string>;
  /** By e-mail, e.g. `cast.people['agent1@demo.test'].id`. */
  people: Record<string, Person>;
  id(email: string): string;
}

export async function createCast(app: TestApp): Promise<Cast> {
  const teams = {} as Cast['teams'];
  for (const name of DEMO_TEAMS) teams[name] = (await createTeam(app, name)).id;
  const people: Record<string, Person> = {};
  for (const account of DEMO_ACCOUNTS) {
    people[account.email] = await createPerson(app, {
      email: account.email,
      name: account.name,
      roles: account.roles,
      teamId: account.team ? teams[account.team as keyof Cast['teams']] : null,
      coaches: account.coaches ? [teams[account.coaches as keyof Cast['teams']]] : [],
    });
  }
  return {
    teams,
    people,
    id(email) {
      const person = people[email];
      if (!person) throw new Error(`no one in the cast has the e-mail ${email}`);
      return person.id;
    },
  };
}

export interface CallInput {
  agentId: string;
  startedAt: Date;
  externalId?: string;
  durationSeconds?: number;
  direction?: 'INBOUND' | 'OUTBOUND';
  purpose?: string;
  holdSeconds?: number | null;
  transfers?: number | null;
  customerRef?: string | null;
  recordingUrl?: string | null;
  /** One turn per line, `AGENT:` / `CUSTOMER:`, optionally `[mm:ss]`: the API's own format. */
  transcript?: string;
}

export const DEFAULT_TRANSCRIPT =
  'AGENT: [00:01] Buenos días, le atiende Lucía.\nCUSTOMER: [00:05] Hola, no tengo internet.\nAGENT: [00:20] Lo reviso ahora mismo.';

/** A call of `agentId` at `startedAt`; returns its id. */
export async function createCall(app: TestApp, input: CallInput): Promise<string> {
  const parsed = parseTranscript(input.transcript ?? DEFAULT_TRANSCRIPT);
  if ('error' in parsed) throw new Error(`createCall: ${parsed.error}`);
  const [row] = (await db(app).query(
    `INSERT INTO call (external_id, agent_id, started_at, duration_seconds, direction, purpose, hold_seconds, transfers,
                       customer_ref, recording_url, transcript)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb) RETURNING id`,
    [
      input.externalId ?? `F-${unique()}`,
      input.agentId,
      input.startedAt,
      input.durationSeconds ?? 300,
      input.direction ?? 'INBOUND',
      input.purpose ?? 'SUPPORT',
      input.holdSeconds ?? 0,
      input.transfers ?? 0,
      input.customerRef ?? null,
      input.recordingUrl ?? null,
      JSON.stringify(parsed.turns),
    ],
  )) as Array<{ id: string }>;
  return row!.id;
}

export type EvaluationStatus = 'DRAFT' | 'SUBMITTED' | 'ACKNOWLEDGED' | 'DISPUTED' | 'RESOLVED';

export interface EvaluationInput {
  callId: string;
  evaluatorId: string;
  /** Value per criterion code (null = N/A); codes left out are unanswered (drafts only). */
  answers: Record<string, AnswerValue>;
  status?: EvaluationStatus;
  /** When it was submitted; default one hour after the call. */
  submittedAt?: Date;
  acknowledgedAt?: Date;
  resolution?: 'RESOLVED' | 'PARTIAL' | 'UNRESOLVED';
  supervisorRequested?: boolean;
  supervisorProvided?: boolean | null;
  comment?: string | null;
  /** The dispute of a DISPUTED or RESOLVED evaluation. */
  dispute?: { codes: string[]; reason?: string; decision?: 'UPHOLD' | 'AMEND'; resolvedBy?: string; at?: Date };
  /** Evidence offset per code, in seconds. */
  evidence?: Record<string, number>;
  /** The evaluator's comment per code; by default a 0 or 1 gets a short one and the rest none. */
  comments?: Record<string, string | null>;
}

/** All ten rules answered `value`, with `overrides` (null = N/A). */
export const allAnswers = (value: number, overrides: Record<string, AnswerValue> = {}): Record<string, AnswerValue> =>
  Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.code, c.code in overrides ? overrides[c.code]! : value]));

/**
 * An evaluation of a call against the published rubric, in the given status, with the score the
 * API computes on submission. Returns its id.
 */
export async function createEvaluation(app: TestApp, input: EvaluationInput): Promise<string> {
  const status = input.status ?? 'SUBMITTED';
  const [call] = (await db(app).query(`SELECT agent_id, started_at FROM call WHERE id = $1`, [input.callId])) as Array<{
    agent_id: string;
    started_at: Date;
  }>;
  if (!call) throw new Error(`createEvaluation: no call ${input.callId}`);
  const [rubric] = (await db(app).query(`SELECT id FROM rubric_version WHERE status = 'PUBLISHED'`)) as Array<{ id: string }>;
  const scored = status === 'DRAFT' ? null : computeScore(DEFAULT_RUBRIC, input.answers);
  const submittedAt = status === 'DRAFT' ? null : (input.submittedAt ?? new Date(call.started_at.getTime() + 3600_000));
  const acknowledgedAt = status === 'ACKNOWLEDGED' ? (input.acknowledgedAt ?? new Date(submittedAt!.getTime() + 3600_000)) : null;
  const [row] = (await db(app).query(
    `INSERT INTO evaluation (call_id, evaluator_id, agent_id, call_started_at, rubric_version_id, status, resolution,
       supervisor_requested, supervisor_provided, comment, score, raw_score, critical_failure, submitted_at, acknowledged_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [
      input.callId,
      input.evaluatorId,
      call.agent_id,
      call.started_at,
      rubric!.id,
      status,
      status === 'DRAFT' ? (input.resolution ?? null) : (input.resolution ?? 'RESOLVED'),
      status === 'DRAFT' ? (input.supervisorRequested ?? null) : (input.supervisorRequested ?? false),
      input.supervisorProvided ?? null,
      input.comment ?? null,
      scored?.score ?? null,
      scored?.rawScore ?? null,
      scored?.criticalFailure ?? null,
      submittedAt,
      acknowledgedAt,
    ],
  )) as Array<{ id: string }>;
  const id = row!.id;
  for (const [code, value] of Object.entries(input.answers)) {
    await db(app).query(
      `INSERT INTO evaluation_answer (evaluation_id, criterion_code, rubric_version_id, value, not_applicable, comment, evidence_seconds)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        code,
        rubric!.id,
        value,
        value === null,
        input.comments && code in input.comments
          ? input.comments[code]
          : value !== null && value <= 1
            ? `${code}: el agente no lo hizo`
            : null,
        input.evidence?.[code] ?? null,
      ],
    );
  }
  if (status === 'DISPUTED' || status === 'RESOLVED') {
    const dispute = input.dispute ?? { codes: [Object.keys(input.answers)[0]!] };
    const resolved = status === 'RESOLVED';
    await db(app).query(
      `INSERT INTO dispute (evaluation_id, agent_id, codes, reason, created_at, decision, resolution_comment, resolved_by, resolved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        call.agent_id,
        dispute.codes,
        dispute.reason ?? 'La nota no refleja la llamada.',
        dispute.at ?? new Date(submittedAt!.getTime() + 3600_000),
        resolved ? (dispute.decision ?? 'UPHOLD') : null,
        resolved ? 'Revisado.' : null,
        resolved ? (dispute.resolvedBy ?? input.evaluatorId) : null,
        resolved ? new Date(submittedAt!.getTime() + 2 * 3600_000) : null,
      ],
    );
  }
  return id;
}

/** A call and its evaluation in one step; returns both ids. */
export async function createEvaluatedCall(
  app: TestApp,
  call: CallInput,
  evaluation: Omit<EvaluationInput, 'callId'>,
): Promise<{ callId: string; evaluationId: string }> {
  const callId = await createCall(app, call);
  return { callId, evaluationId: await createEvaluation(app, { ...evaluation, callId }) };
}

/**
 * Evaluated calls of one agent by evaluator@, one per `[startedAt, R3, R4]`: those two rules
 * answered as given, every other rule 3, so a plan focused on R3 + R4 scores 25 × (R3 + R4) / 2
 * on each call.
 */
export async function createR3R4Evaluations(app: TestApp, agentId: string, rows: Array<[Date, number, number]>): Promise<void> {
  const evaluatorId = app.cast.id('evaluator@demo.test');
  for (const [startedAt, r3, r4] of rows) {
    await createEvaluatedCall(app, { agentId, startedAt }, { evaluatorId, answers: allAnswers(3, { R3: r3, R4: r4 }) });
  }
}

export interface PlanInput {
  agentId: string;
  coachId: string;
  focusCodes?: string[];
  methods?: string[];
  targetFocusScore?: number;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  dueDate: string;
  notes?: string | null;
  status?: 'ACTIVE' | 'COMPLETED' | 'CANCELLED';
  /** When a completed or cancelled plan was closed; default the day after its due date. */
  closedAt?: Date;
  /** Whether a completed plan reached its goal; default false. */
  achieved?: boolean;
}

/** A coaching plan; returns its id. */
export async function createPlan(app: TestApp, input: PlanInput): Promise<string> {
  const [row] = (await db(app).query(
    `INSERT INTO coaching_plan (agent_id, coach_id, focus_codes, methods, target_focus_score, start_date, due_date, notes, status,
                                closed_at, achieved)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      input.agentId,
      input.coachId,
      input.focusCodes ?? ['R3'],
      input.methods ?? ['ROLE_PLAY'],
      input.targetFocusScore ?? 75,
      input.startDate,
      input.dueDate,
      input.notes ?? null,
      input.status ?? 'ACTIVE',
      (input.status ?? 'ACTIVE') === 'ACTIVE'
        ? null
        : (input.closedAt ?? new Date(Date.parse(`${input.dueDate}T00:00:00Z`) + 24 * 3600_000)),
      input.status === 'COMPLETED' ? (input.achieved ?? false) : null,
    ],
  )) as Array<{ id: string }>;
  return row!.id;
}

export interface SessionInput {
  planId: string;
  /** YYYY-MM-DD */
  date: string;
  notes: string;
  agreedActions?: string | null;
  createdBy: string;
  /** When the agent confirmed it; null (default) while it waits for them. */
  acknowledgedAt?: Date | null;
}

/** A session logged on a coaching plan; returns its id. */
export async function createCoachingSession(app: TestApp, input: SessionInput): Promise<string> {
  const [row] = (await db(app).query(
    `INSERT INTO coaching_session (plan_id, date, notes, agreed_actions, created_by, acknowledged_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [input.planId, input.date, input.notes, input.agreedActions ?? null, input.createdBy, input.acknowledgedAt ?? null],
  )) as Array<{ id: string }>;
  return row!.id;
}

/** `days` days (of 24 h) before `from`. */
export const daysBefore = (from: Date, days: number) => new Date(from.getTime() - days * 24 * 3600_000);
