import { Inject, Injectable } from '@nestjs/common';
import { addLocalDays, assignEvaluators, assignmentDueDate, drawWeek, isWeekStart, localDayStart } from '@decalogo/scoring';
import type { DrawnCall, PlannedAssignment, SamplingCandidate } from '@decalogo/scoring';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { badInput } from '../common/errors.js';
import { TransactionalConnection } from '../common/transactional-connection.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { AssignmentEntity } from './entities/assignment.entity.js';
import type { SamplingPlanEntity } from './entities/sampling-plan.entity.js';
import { SamplingPlanService } from './sampling-plan.service.js';

/** A week's draw as it was (or would be) written: the assignments, and the calls nobody could take. */
export interface DrawResult {
  assignments: AssignmentEntity[];
  /** Whether this call wrote it (false: the week had been drawn already, or a preview). */
  written: boolean;
}

interface EligibleRow {
  id: string;
  agent_id: string;
  purpose: string;
  team_id: string;
}

/**
 * Draws a plan's week (docs/rubric.md#sampling): one statement reads every eligible call of every
 * agent of the plan's teams, libs/scoring draws and balances them, and one statement writes the
 * assignments — the same three steps for ten agents or a thousand. A draw happens once per plan
 * and week: the first draw inserts the week's `sampling_draw` row, and a second one — repeated, or
 * racing the first in another request or process — waits on that row's primary key, finds it and
 * writes nothing.
 */
@Injectable()
export class SampleDrawService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly plans: SamplingPlanService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `actor` null: the weekly schedule. `dryRun`: what the draw would be, nothing written. */
  async draw(actor: Actor | null, planId: string, weekStart: string, dryRun = false): Promise<DrawResult> {
    if (!isWeekStart(weekStart)) throw badInput('weekStart must be a Monday (YYYY-MM-DD).', 'weekStart');
    const plan = await this.plans.require(planId);
    await this.assertTeamsExist(plan);
    if (dryRun) {
      const existing = await this.existing(this.db.manager, planId, weekStart);
      if (existing) return { assignments: existing, written: false };
      const planned = await this.plan(this.db.manager, plan, weekStart);
      return { assignments: planned.assigned.map((a) => preview(plan, weekStart, a)), written: false };
    }
    return this.db.transaction(async (manager) => {
      const claimed = (await manager.query(
        `INSERT INTO sampling_draw (plan_id, week_start, drawn_at, drawn_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (plan_id, week_start) DO NOTHING RETURNING plan_id`,
        [planId, weekStart, this.clock.now(), actor?.id ?? null],
      )) as unknown[];
      if (!claimed.length) return { assignments: (await this.existing(manager, planId, weekStart)) ?? [], written: false };
      const planned = await this.plan(manager, plan, weekStart);
      await this.write(manager, plan, weekStart, planned.assigned);
      await manager.query(`UPDATE sampling_draw SET unassigned = $3 WHERE plan_id = $1 AND week_start = $2`, [
        planId,
        weekStart,
        planned.unassigned.length,
      ]);
      const assignments = (await this.existing(manager, planId, weekStart)) ?? [];
      await this.audit.record(manager, {
        actorId: actor?.id ?? null,
        action: 'sampling.draw',
        entityType: 'SamplingPlan',
        entityId: planId,
        after: { weekStart, assignments: assignments.length, unassigned: planned.unassigned.length, scheduled: actor === null },
      });
      return { assignments, written: true };
    });
  }

  /** A plan whose team was removed does not draw: it says which team, so an administrator can fix it. */
  private async assertTeamsExist(plan: SamplingPlanEntity): Promise<void> {
    const existing = await this.plans.existingTeamIds(plan.teamIds);
    const missing = plan.teamIds.find((id) => !existing.has(id));
    if (missing)
      throw badInput(
        `The plan "${plan.name}" refers to team ${missing}, which no longer exists; remove it from the plan.`,
        'teamIds',
      );
  }

  /** The week's assignments when it has been drawn; null when it has not. */
  private async existing(manager: EntityManager, planId: string, weekStart: string): Promise<AssignmentEntity[] | null> {
    const drawn = (await manager.query(`SELECT 1 FROM sampling_draw WHERE plan_id = $1 AND week_start = $2`, [
      planId,
      weekStart,
    ])) as unknown[];
    if (!drawn.length) return null;
    return manager.find(AssignmentEntity, { where: { planId, weekStart }, order: { dueDate: 'ASC', createdAt: 'ASC' } });
  }

  private async plan(
    manager: EntityManager,
    plan: SamplingPlanEntity,
    weekStart: string,
  ): Promise<{ assigned: PlannedAssignment[]; unassigned: DrawnCall[] }> {
    const from = localDayStart(weekStart, this.config.orgTimeZone);
    const to = addLocalDays(from, 7, this.config.orgTimeZone);
    const [eligible, evaluators, coaches, open] = await Promise.all([
      manager.query(
        `SELECT c.id, c.agent_id, c.purpose, u.team_id
           FROM call c JOIN app_user u ON u.id = c.agent_id
          WHERE u.team_id = ANY($1::uuid[]) AND u.active
            AND c.started_at >= $2 AND c.started_at < $3
            AND ($4::text[] IS NULL OR c.purpose = ANY($4::text[]))
            AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.call_id = c.id)
            AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.call_id = c.id)`,
        [plan.teamIds, from, to, plan.purposes],
      ) as Promise<EligibleRow[]>,
      manager.query(`SELECT id FROM app_user WHERE active AND 'EVALUATOR' = ANY(roles) ORDER BY id`) as Promise<
        Array<{ id: string }>
      >,
      plan.includeCoaches
        ? (manager.query(
            `SELECT tc.team_id, tc.user_id FROM team_coach tc JOIN app_user u ON u.id = tc.user_id AND u.active
              WHERE tc.team_id = ANY($1::uuid[])`,
            [plan.teamIds],
          ) as Promise<Array<{ team_id: string; user_id: string }>>)
        : Promise.resolve([]),
      manager.query(
        `SELECT evaluator_id, count(*)::int AS open FROM assignment WHERE status <> 'DONE' GROUP BY evaluator_id`,
      ) as Promise<Array<{ evaluator_id: string; open: number }>>,
    ]);
    const teamOf = new Map<string, string>();
    const candidates: SamplingCandidate[] = eligible.map((row) => {
      teamOf.set(row.id, row.team_id);
      // Risk flags come from automatic pre-scoring; until a call has one, every call is drawn as "PLAN".
      return { id: row.id, agentId: row.agent_id, purpose: row.purpose, flagged: false };
    });
    const rule = {
      seed: plan.seed,
      weekStart,
      callsPerAgent: plan.callsPerAgentPerWeek,
      stratifyByPurpose: plan.stratifyByPurpose,
      flaggedShare: plan.flaggedShare,
    };
    const evaluatorIds = evaluators.map((e) => e.id);
    const coachesOf = new Map<string, string[]>();
    for (const link of coaches) coachesOf.set(link.team_id, [...(coachesOf.get(link.team_id) ?? []), link.user_id]);
    const poolOf = (call: SamplingCandidate): string[] => {
      const teamCoaches = coachesOf.get(teamOf.get(call.id) ?? '') ?? [];
      return teamCoaches.length ? [...new Set([...evaluatorIds, ...teamCoaches])] : evaluatorIds;
    };
    return assignEvaluators(drawWeek(candidates, rule), poolOf, new Map(open.map((o) => [o.evaluator_id, o.open])), rule);
  }

  /** One INSERT for the whole week, however many agents; a call another plan took meanwhile is skipped. */
  private async write(
    manager: EntityManager,
    plan: SamplingPlanEntity,
    weekStart: string,
    planned: PlannedAssignment[],
  ): Promise<void> {
    if (!planned.length) return;
    await manager.query(
      `INSERT INTO assignment (call_id, evaluator_id, reason, plan_id, week_start, due_date, created_at)
       SELECT t.call_id, t.evaluator_id, t.reason, $4, $5, $6, $7
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(call_id, evaluator_id, reason)
       ON CONFLICT (call_id) DO NOTHING`,
      [
        planned.map((p) => p.drawn.call.id),
        planned.map((p) => p.evaluatorId),
        planned.map((p) => (p.drawn.reason === 'FLAGGED' ? 'RISK_FLAG' : 'PLAN')),
        plan.id,
        weekStart,
        assignmentDueDate(weekStart),
        this.clock.now(),
      ],
    );
  }
}

/** An assignment as the draw would make it, for a preview: nothing of it is stored. */
function preview(plan: SamplingPlanEntity, weekStart: string, planned: PlannedAssignment): AssignmentEntity {
  return Object.assign(new AssignmentEntity(), {
    id: `preview:${planned.drawn.call.id}`,
    callId: planned.drawn.call.id,
    evaluatorId: planned.evaluatorId,
    planId: plan.id,
    weekStart,
    dueDate: assignmentDueDate(weekStart),
    status: 'OPEN',
    reason: planned.drawn.reason === 'FLAGGED' ? 'RISK_FLAG' : 'PLAN',
    evaluationId: null,
    createdAt: new Date(0),
    startedAt: null,
    doneAt: null,
  } satisfies AssignmentEntity);
}
