import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { DataSource } from 'typeorm';
import { CriterionEntity } from '../rubric/entities/criterion.entity.js';
import { TeamCoachEntity } from '../team/entities/team-coach.entity.js';
import { TeamEntity } from '../team/entities/team.entity.js';
import { UserEntity } from '../user/entities/user.entity.js';
import type { RequestWithActor } from '../auth/auth.guard.js';

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
export function createLoaders(dataSource: DataSource) {
  const users = dataSource.getRepository(UserEntity);
  return {
    teamById: new DataLoader<string, TeamEntity | null>(async (ids) => {
      const rows = await dataSource.getRepository(TeamEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    agentsByTeam: new DataLoader<string, UserEntity[]>(async (teamIds) => {
      const rows = await users
        .createQueryBuilder('u')
        .where('u.team_id IN (:...teamIds)', { teamIds })
        .andWhere(`'AGENT' = ANY(u.roles)`)
        .orderBy('u.name')
        .getMany();
      const groups = groupBy(rows, (row) => row.teamId!);
      return teamIds.map((id) => groups.get(id) ?? []);
    }),
    coachesByTeam: new DataLoader<string, UserEntity[]>(async (teamIds) => {
      const links = await dataSource.getRepository(TeamCoachEntity).findBy({ teamId: In([...teamIds]) });
      const coachIds = [...new Set(links.map((link) => link.userId))];
      const coaches = coachIds.length ? await users.find({ where: { id: In(coachIds) }, order: { name: 'ASC' } }) : [];
      return teamIds.map((teamId) => {
        const ids = new Set(links.filter((link) => link.teamId === teamId).map((link) => link.userId));
        return coaches.filter((coach) => ids.has(coach.id));
      });
    }),
    criteriaByVersion: new DataLoader<string, CriterionEntity[]>(async (versionIds) => {
      const rows = await dataSource
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
