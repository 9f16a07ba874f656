import { Inject, Injectable } from '@nestjs/common';
import { isWeekStart, localDate } from '@decalogo/scoring';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { badInput } from '../common/errors.js';
import { AssignmentStatus } from '../common/graphql-enums.js';
import { TransactionalConnection } from '../common/transactional-connection.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { AssignmentEntity } from './entities/assignment.entity.js';

export const MAX_ASSIGNMENTS = 500;

export interface AssignmentFilter {
  evaluatorId?: string | null;
  status?: AssignmentStatus | null;
  weekStart?: string | null;
  planId?: string | null;
  first?: number | null;
}

export interface CoverageRow {
  weekStart: string;
  drawn: number;
  started: number;
  done: number;
  overdue: number;
  unassigned: number;
}

/**
 * Assignments after the draw (docs/rubric.md#sampling): the queue, their state as evaluations begin
 * and are submitted, and each drawn week's coverage. OVERDUE is read, not stored: an assignment not
 * done after its due date (organisation time), so it needs no job to turn it.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Today in the organisation's calendar: an assignment is overdue from the day after its due date. */
  today(): string {
    return localDate(this.clock.now(), this.config.orgTimeZone);
  }

  statusOf(assignment: Pick<AssignmentEntity, 'status' | 'dueDate'>, today = this.today()): AssignmentStatus {
    if (assignment.status === 'DONE') return AssignmentStatus.DONE;
    return assignment.dueDate < today ? AssignmentStatus.OVERDUE : (assignment.status as AssignmentStatus);
  }

  /**
   * The assignments the actor may read — their own; an administrator anybody's — not done first,
   * oldest due first. Someone else's queue asked for by anyone but an administrator is refused.
   */
  async list(actor: Actor, filter: AssignmentFilter): Promise<AssignmentEntity[]> {
    if (filter.weekStart && !isWeekStart(filter.weekStart))
      throw badInput('weekStart must be a Monday (YYYY-MM-DD).', 'weekStart');
    const first = filter.first ?? 100;
    if (!Number.isInteger(first) || first < 1 || first > MAX_ASSIGNMENTS)
      throw badInput(`first must be between 1 and ${MAX_ASSIGNMENTS}.`, 'first');
    const scope = await this.access.listScope(actor, 'assignments.read', { owner: 'a.evaluator_id' });
    if (scope && filter.evaluatorId && filter.evaluatorId !== actor.id)
      throw badInput('You may read only your own assignments.', 'evaluatorId');
    const today = this.today();
    const query = this.db.getRepository(AssignmentEntity).createQueryBuilder('a');
    if (scope) query.andWhere(scope.sql, scope.params);
    if (filter.evaluatorId) query.andWhere('a.evaluator_id = :evaluatorId', { evaluatorId: filter.evaluatorId });
    if (filter.weekStart) query.andWhere('a.week_start = :weekStart', { weekStart: filter.weekStart });
    if (filter.planId) query.andWhere('a.plan_id = :planId', { planId: filter.planId });
    switch (filter.status) {
      case AssignmentStatus.DONE:
        query.andWhere(`a.status = 'DONE'`);
        break;
      case AssignmentStatus.OVERDUE:
        query.andWhere(`a.status <> 'DONE' AND a.due_date < :today`, { today });
        break;
      case AssignmentStatus.OPEN:
      case AssignmentStatus.STARTED:
        query.andWhere('a.status = :status AND a.due_date >= :today', { status: filter.status, today });
        break;
      default:
    }
    return query
      .orderBy(`CASE WHEN a.status = 'DONE' THEN 1 ELSE 0 END`)
      .addOrderBy('a.due_date', 'ASC')
      .addOrderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(first)
      .getMany();
  }

  /** An evaluation of an assigned call begun by its assignee: OPEN → STARTED. Runs in the evaluation's transaction. */
  async markStarted(manager: EntityManager, callId: string, evaluatorId: string, evaluationId: string): Promise<void> {
    await manager.query(
      `UPDATE assignment SET status = 'STARTED', started_at = $4, evaluation_id = $3
        WHERE call_id = $1 AND evaluator_id = $2 AND status = 'OPEN'`,
      [callId, evaluatorId, evaluationId, this.clock.now()],
    );
  }

  /** Its evaluation submitted: STARTED → DONE. Runs in the evaluation's transaction. */
  async markDone(manager: EntityManager, evaluationId: string): Promise<void> {
    await manager.query(`UPDATE assignment SET status = 'DONE', done_at = $2 WHERE evaluation_id = $1 AND status <> 'DONE'`, [
      evaluationId,
      this.clock.now(),
    ]);
  }

  /** Per drawn week of the plan, newest first: drawn, started, done, overdue (one statement). */
  async coverage(planId: string, weeks: number): Promise<CoverageRow[]> {
    const rows = (await this.db.manager.query(
      `SELECT to_char(d.week_start, 'YYYY-MM-DD') AS week_start, d.unassigned,
              count(a.id)::int AS drawn,
              (count(a.id) FILTER (WHERE a.status = 'DONE'))::int AS done,
              (count(a.id) FILTER (WHERE a.status <> 'DONE' AND a.due_date < $3))::int AS overdue,
              (count(a.id) FILTER (WHERE a.status = 'STARTED' AND a.due_date >= $3))::int AS started
         FROM sampling_draw d
         LEFT JOIN assignment a ON a.plan_id = d.plan_id AND a.week_start = d.week_start
        WHERE d.plan_id = $1
        GROUP BY d.week_start, d.unassigned
        ORDER BY d.week_start DESC
        LIMIT $2`,
      [planId, weeks, this.today()],
    )) as Array<{ week_start: string; unassigned: number; drawn: number; done: number; overdue: number; started: number }>;
    return rows.map((r) => ({
      weekStart: r.week_start,
      drawn: r.drawn,
      started: r.started,
      done: r.done,
      overdue: r.overdue,
      unassigned: r.unassigned,
    }));
  }
}
