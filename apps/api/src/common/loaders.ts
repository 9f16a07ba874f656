import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { DataSource } from 'typeorm';
import { CriterionEntity } from '../rubric/entities/criterion.entity.js';
import { TeamCoachEntity } from '../team/entities/team-coach.entity.js';
import { TeamEntity } from '../team/entities/team.entity.js';
import { SamplingPlanEntity } from '../sampling/entities/sampling-plan.entity.js';
import { UserEntity } from '../user/entities/user.entity.js';
import type { RequestWithActor } from '../auth/auth.guard.js';
import { TransactionalConnection } from './transactional-connection.js';
import { AccessService, LIST_COLUMNS } from '../access/access.service.js';
import { CallEntity } from '../call/entities/call.entity.js';
import { DisputeEntity } from '../evaluation/entities/dispute.entity.js';
import { EvaluationAnswerEntity } from '../evaluation/entities/evaluation-answer.entity.js';
import { EvaluationEntity } from '../evaluation/entities/evaluation.entity.js';
import { RubricVersionEntity } from '../rubric/entities/rubric-version.entity.js';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Per-request batch loaders for every relation a list can ask for, so a page of N items costs a
 * constant number of queries rather than one per row.
 */
function byId<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await load([...ids]);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/**
 * The loaders of one request. They read through the request's TransactionalConnection like the
 * services do, so a loader called inside a mutation's transaction reads that transaction, never a
 * second connection (docs/architecture.md, "Transactions").
 */
export function createLoaders(dataSource: DataSource, req?: RequestWithActor) {
  const db = new TransactionalConnection(dataSource);
  const users = () => db.getRepository(UserEntity);
  const access = new AccessService(db);
  return {
    userById: byId((ids) => users().findBy({ id: In(ids) })),
    callById: byId((ids) => db.getRepository(CallEntity).findBy({ id: In(ids) })),
    evaluationById: byId((ids) => db.getRepository(EvaluationEntity).findBy({ id: In(ids) })),
    samplingPlanById: byId((ids) => db.getRepository(SamplingPlanEntity).findBy({ id: In(ids) })),
    rubricVersionById: byId((ids) => db.getRepository(RubricVersionEntity).findBy({ id: In(ids) })),
    answersByEvaluation: new DataLoader<string, EvaluationAnswerEntity[]>(async (ids) => {
      const rows = await db.getRepository(EvaluationAnswerEntity).findBy({ evaluationId: In([...ids]) });
      const groups = groupBy(rows, (row) => row.evaluationId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    disputeByEvaluation: new DataLoader<string, DisputeEntity | null>(async (ids) => {
      const rows = await db.getRepository(DisputeEntity).findBy({ evaluationId: In([...ids]) });
      const map = new Map(rows.map((row) => [row.evaluationId, row]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    /** The evaluations of each call that this request's caller may read. */
    visibleEvaluationsByCall: new DataLoader<string, EvaluationEntity[]>(async (callIds) => {
      const actor = req?.actor;
      if (!actor) return callIds.map(() => []);
      const visible = await access.listScope(actor, 'evaluation.read', LIST_COLUMNS.evaluation);
      const query = db.getRepository(EvaluationEntity).createQueryBuilder('e').where('e.call_id IN (:...callIds)', { callIds });
      if (visible) query.andWhere(visible.sql, visible.params);
      const rows = await query.orderBy('e.created_at').getMany();
      const groups = groupBy(rows, (row) => row.callId);
      return callIds.map((id) => groups.get(id) ?? []);
    }),
    teamById: new DataLoader<string, TeamEntity | null>(async (ids) => {
      const rows = await db.getRepository(TeamEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    agentsByTeam: new DataLoader<string, UserEntity[]>(async (teamIds) => {
      const rows = await users()
        .createQueryBuilder('u')
        .where('u.team_id IN (:...teamIds)', { teamIds })
        .andWhere(`'AGENT' = ANY(u.roles)`)
        .orderBy('u.name')
        .getMany();
      const groups = groupBy(rows, (row) => row.teamId!);
      return teamIds.map((id) => groups.get(id) ?? []);
    }),
    coachesByTeam: new DataLoader<string, UserEntity[]>(async (teamIds) => {
      const links = await db.getRepository(TeamCoachEntity).findBy({ teamId: In([...teamIds]) });
      const coachIds = [...new Set(links.map((link) => link.userId))];
      const coaches = coachIds.length ? await users().find({ where: { id: In(coachIds) }, order: { name: 'ASC' } }) : [];
      return teamIds.map((teamId) => {
        const ids = new Set(links.filter((link) => link.teamId === teamId).map((link) => link.userId));
        return coaches.filter((coach) => ids.has(coach.id));
      });
    }),
    criteriaByVersion: new DataLoader<string, CriterionEntity[]>(async (versionIds) => {
      const rows = await db
        .getRepository(CriterionEntity)
        .find({ where: { rubricVersionId: In([...versionIds]) }, order: { position: 'ASC' } });
      const groups = groupBy(rows, (row) => row.rubricVersionId);
      return versionIds.map((id) => groups.get(id) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface GqlContext {
  req: RequestWithActor;
  loaders: Loaders;
}
