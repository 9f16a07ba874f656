import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { coachingResult, DAY_MS, localDate, planDisplayStatus } from '@decalogo/scoring';
import { AccessService, LIST_COLUMNS } from '../access/access.service.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, conflict, forbidden, notFound } from '../common/errors.js';
import type { CoachingPlanStatus } from '../common/graphql-enums.js';
import { dayStart } from '../common/local-date.scalar.js';
import { Role } from '../common/roles.js';
import { ProgressService } from '../progress/progress.service.js';
import { CriterionEntity } from '../rubric/entities/criterion.entity.js';
import { RubricVersionEntity } from '../rubric/entities/rubric-version.entity.js';
import { UserEntity } from '../user/entities/user.entity.js';
import type { CoachingSessionInput, CreateCoachingPlanInput, UpdateCoachingPlanInput } from './dto/coaching.inputs.js';
import { CoachingPlanEntity } from './entities/coaching-plan.entity.js';
import { CoachingSessionEntity } from './entities/coaching-session.entity.js';
import type { CoachingPlanModel } from './models/coaching.model.js';
import { toSessionModel } from './models/coaching.model.js';
import { APP_CONFIG } from '../config/config.token.js';
import type { AppConfig } from '../config/config.js';
import { Clock } from '../common/clock.js';
import { writeVersioned } from '../common/versioned-write.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

const BASELINE_MS = 30 * DAY_MS;

/** Coaching plans (docs/rubric.md#coaching-results): written by a coach of the agent's team or an admin. */
@Injectable()
export class CoachingService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly access: AccessService,
    private readonly progress: ProgressService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, input: CreateCoachingPlanInput): Promise<CoachingPlanEntity> {
    const agent = await this.db.getRepository(UserEntity).findOneBy({ id: input.agentId });
    // An agent the caller does not see is answered as an id that is no agent's.
    if (!agent || !agent.roles.includes(Role.AGENT) || !(await this.access.allows(actor, 'users.read', agent)))
      throw badInput('agentId must be the id of an agent.', 'input.agentId');
    if (!(await this.access.allows(actor, 'coaching.manage', { agentId: agent.id, coachId: actor.id })))
      throw forbidden('Coaching plans are created by a coach of the agent’s team or an administrator.');
    await this.checkPlan(this.db.manager, input.startDate, input);
    return this.db.transaction(async (manager) => {
      const plan = manager.create(CoachingPlanEntity, {
        agentId: agent.id,
        coachId: actor.id, // from the token, never from the input
        focusCodes: input.focusCodes,
        methods: input.methods,
        targetFocusScore: input.targetFocusScore,
        startDate: input.startDate,
        dueDate: input.dueDate,
        notes: input.notes?.trim() || null,
        status: 'ACTIVE',
      });
      await manager.save(plan);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'coaching.create',
        entityType: 'CoachingPlan',
        entityId: plan.id,
        after: { ...plan },
      });
      return plan;
    });
  }

  async logSession(actor: Actor, planId: string, input: CoachingSessionInput): Promise<CoachingSessionEntity> {
    return this.db.transaction(async (manager) => {
      const plan = await this.lockWritable(manager, actor, planId);
      if (plan.status !== 'ACTIVE')
        throw badInput(`This plan is ${plan.status.toLowerCase()}; sessions are logged on active plans.`, 'planId');
      const session = manager.create(CoachingSessionEntity, {
        planId,
        date: input.date,
        notes: input.notes.trim(),
        agreedActions: input.agreedActions?.trim() || null,
        createdBy: actor.id,
      });
      await manager.save(session);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'coaching.logSession',
        entityType: 'CoachingPlan',
        entityId: planId,
        after: { sessionId: session.id, date: session.date },
      });
      return session;
    });
  }

  async acknowledgeSession(actor: Actor, sessionId: string): Promise<CoachingSessionEntity> {
    return this.db.transaction(async (manager) => {
      const session = await manager.findOne(CoachingSessionEntity, {
        where: { id: sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session) throw notFound('Coaching session');
      const plan = await manager.findOneByOrFail(CoachingPlanEntity, { id: session.planId });
      await this.access.require(actor, 'coaching.acknowledge', plan, { notFound: 'Coaching session' });
      if (session.acknowledgedAt) return session;
      session.acknowledgedAt = this.clock.now();
      await manager.update(CoachingSessionEntity, { id: sessionId }, { acknowledgedAt: session.acknowledgedAt });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'coaching.acknowledgeSession',
        entityType: 'CoachingPlan',
        entityId: plan.id,
        after: { sessionId },
      });
      return session;
    });
  }

  /**
   * Changes what an active (or overdue) plan aims at. `version` is the one the caller last read:
   * the row is written by one conditional UPDATE on it, so of two edits made from the same
   * version exactly one succeeds and the other is a CONFLICT that changed nothing, with no row
   * lock needed. The start date never changes here: the baseline is defined by it.
   */
  async update(actor: Actor, planId: string, version: number, input: UpdateCoachingPlanInput): Promise<CoachingPlanEntity> {
    const changes = Object.fromEntries(
      EDITABLE.filter((key) => input[key] !== undefined).map((key) => [
        key,
        key === 'notes' ? input.notes?.trim() || null : input[key],
      ]),
    ) as PlanChanges;
    return this.db.transaction(async (manager) => {
      const plan = await manager.findOneBy(CoachingPlanEntity, { id: planId });
      if (!plan) throw notFound('Coaching plan');
      await this.access.require(actor, 'coaching.manage', plan);
      assertVersion(plan, version);
      if (plan.status !== 'ACTIVE')
        throw badInput(`This plan is ${plan.status.toLowerCase()}: a closed plan can no longer be edited.`, 'id');
      if (!Object.keys(changes).length)
        throw badInput(`input must name at least one of ${EDITABLE.join(', ')} to change.`, 'input');
      await this.checkPlan(manager, plan.startDate, changes);
      const keys = Object.keys(changes) as Array<keyof PlanChanges>;
      const before = { ...Object.fromEntries(keys.map((key) => [key, plan[key]])), version: plan.version };
      await writeVersion(manager, plan, version, changes);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'coaching.update',
        entityType: 'CoachingPlan',
        entityId: planId,
        before,
        after: { ...changes, version: plan.version },
      });
      return plan;
    });
  }

  /**
   * Completes a plan, recording whether its goal was achieved at this moment. With `version`
   * (the one the caller last read), a plan changed since is a CONFLICT; without it, whatever the
   * plan is now is closed.
   */
  async complete(actor: Actor, planId: string, version?: number | null): Promise<CoachingPlanEntity> {
    return this.close(actor, planId, 'COMPLETED', version);
  }

  async cancel(actor: Actor, planId: string, version?: number | null): Promise<CoachingPlanEntity> {
    return this.close(actor, planId, 'CANCELLED', version);
  }

  private async close(
    actor: Actor,
    planId: string,
    status: 'COMPLETED' | 'CANCELLED',
    version: number | null | undefined,
  ): Promise<CoachingPlanEntity> {
    return this.db.transaction(async (manager) => {
      const plan = await this.lockWritable(manager, actor, planId);
      if (version !== undefined && version !== null) assertVersion(plan, version);
      if (plan.status !== 'ACTIVE') throw badInput(`This plan is already ${plan.status.toLowerCase()}.`, 'id');
      const achieved = status === 'COMPLETED' ? (await this.results([plan]))[0]!.achieved : null;
      await writeVersion(manager, plan, plan.version, { status, achieved, closedAt: this.clock.now() });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: status === 'COMPLETED' ? 'coaching.complete' : 'coaching.cancel',
        entityType: 'CoachingPlan',
        entityId: planId,
        before: { status: 'ACTIVE' },
        after: { status, achieved },
      });
      return plan;
    });
  }

  async get(actor: Actor, id: string): Promise<CoachingPlanEntity | null> {
    const plan = await this.db.getRepository(CoachingPlanEntity).findOneBy({ id });
    return plan && (await this.access.allows(actor, 'coaching.read', plan)) ? plan : null;
  }

  /** Plans the caller may read: their own (agent), their teams' (coach), all (admin). */
  async list(actor: Actor, agentId?: string | null, status?: CoachingPlanStatus | null): Promise<CoachingPlanEntity[]> {
    const query = this.db.getRepository(CoachingPlanEntity).createQueryBuilder('p');
    const visible = await this.access.listScope(actor, 'coaching.read', LIST_COLUMNS.plan);
    if (visible) query.andWhere(visible.sql, visible.params);
    if (agentId) query.andWhere('p.agent_id = :agentId', { agentId });
    // Overdue means the due day is over in the organisation's time zone (planDisplayStatus).
    const today = localDate(this.clock.now(), this.config.orgTimeZone);
    if (status === 'OVERDUE') query.andWhere(`p.status = 'ACTIVE' AND p.due_date < :today`, { today });
    else if (status === 'ACTIVE') query.andWhere(`p.status = 'ACTIVE' AND p.due_date >= :today`, { today });
    else if (status) query.andWhere('p.status = :status', { status });
    return query.orderBy('p.due_date', 'ASC').addOrderBy('p.id', 'ASC').getMany();
  }

  /** Baseline, current, delta and achieved of each plan, from one query over their agents' evaluations. */
  async results(plans: CoachingPlanEntity[], now = this.clock.now()) {
    if (!plans.length) return [];
    const from = new Date(Math.min(...plans.map((p) => dayStart(p.startDate).getTime() - BASELINE_MS)));
    const to = new Date(Math.max(...plans.map((p) => dayStart(p.dueDate).getTime() + DAY_MS)));
    const rows = await this.progress.evaluations([...new Set(plans.map((p) => p.agentId))], from, to);
    return plans.map((plan) => {
      const result = coachingResult(
        rows.filter((r) => r.agentId === plan.agentId),
        {
          focusCodes: plan.focusCodes,
          targetFocusScore: plan.targetFocusScore,
          startDate: dayStart(plan.startDate),
          dueDate: dayStart(plan.dueDate),
        },
        now,
      );
      return { ...result, achieved: plan.status === 'COMPLETED' ? plan.achieved === true : result.achieved };
    });
  }

  /** GraphQL models for plans, with their results and sessions, in a constant number of queries. */
  async toModels(plans: CoachingPlanEntity[], now = this.clock.now()): Promise<CoachingPlanModel[]> {
    const [results, sessions] = await Promise.all([
      this.results(plans, now),
      plans.length
        ? this.db
            .getRepository(CoachingSessionEntity)
            .find({ where: { planId: In(plans.map((p) => p.id)) }, order: { date: 'ASC', createdAt: 'ASC' } })
        : [],
    ]);
    return plans.map((plan, i) => ({
      id: plan.id,
      agentId: plan.agentId,
      coachId: plan.coachId,
      focusCodes: plan.focusCodes,
      methods: plan.methods as CoachingPlanModel['methods'],
      targetFocusScore: plan.targetFocusScore,
      startDate: plan.startDate,
      dueDate: plan.dueDate,
      notes: plan.notes,
      status: planDisplayStatus(plan.status, plan.dueDate, now, this.config.orgTimeZone) as CoachingPlanStatus,
      version: plan.version,
      ...results[i]!,
      sessions: sessions.filter((s) => s.planId === plan.id).map(toSessionModel),
    }));
  }

  private async lockWritable(manager: EntityManager, actor: Actor, planId: string): Promise<CoachingPlanEntity> {
    const plan = await manager.findOne(CoachingPlanEntity, { where: { id: planId }, lock: { mode: 'pessimistic_write' } });
    if (!plan) throw notFound('Coaching plan');
    return this.access.require(actor, 'coaching.manage', plan);
  }

  /**
   * The rules a plan's goal obeys, for a new plan and for each change to one: the due date after
   * the start, the focus rules criteria of the active rubric. (Counts, ranges and formats are the
   * input classes' validation.)
   */
  private async checkPlan(
    manager: EntityManager,
    startDate: string,
    plan: { focusCodes?: string[]; dueDate?: string },
  ): Promise<void> {
    if (plan.dueDate !== undefined && plan.dueDate <= startDate)
      throw badInput(`dueDate must be after startDate (${startDate}).`, 'input.dueDate');
    if (!plan.focusCodes) return;
    const active = await manager.findOneByOrFail(RubricVersionEntity, { status: 'PUBLISHED' });
    const codes = new Set((await manager.findBy(CriterionEntity, { rubricVersionId: active.id })).map((c) => c.code));
    plan.focusCodes.forEach((code, i) => {
      if (!codes.has(code)) throw badInput(`${code}: not a criterion of the active rubric.`, `input.focusCodes[${i}]`);
    });
  }
}

/** The columns `updateCoachingPlan` may change. */
const EDITABLE = ['focusCodes', 'methods', 'targetFocusScore', 'dueDate', 'notes'] as const;
type PlanChanges = Partial<Pick<CoachingPlanEntity, (typeof EDITABLE)[number]>>;

function assertVersion(plan: CoachingPlanEntity, version: number): void {
  if (plan.version !== version)
    throw conflict(
      `This plan has changed since you read it (now version ${plan.version}, you sent ${version}). Reload it and try again.`,
    );
}

/** Writes `changes` and the next version while the plan is still at `version` and active (one mechanism for every versioned row). */
function writeVersion(
  manager: EntityManager,
  plan: CoachingPlanEntity,
  version: number,
  changes: Partial<CoachingPlanEntity>,
): Promise<void> {
  return writeVersioned(manager, CoachingPlanEntity, plan, version, changes, {
    also: { status: 'ACTIVE' },
    conflictMessage: 'This plan has changed since you read it. Reload it and try again.',
  });
}
