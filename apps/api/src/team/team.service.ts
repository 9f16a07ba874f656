import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, notFound } from '../common/errors.js';
import { Role } from '../common/roles.js';
import { UserService } from '../user/user.service.js';
import type { CreateTeamInput, UpdateTeamInput } from './dto/team.inputs.js';
import { TeamCoachEntity } from './entities/team-coach.entity.js';
import { TeamEntity } from './entities/team.entity.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

@Injectable()
export class TeamService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly access: AccessService,
    private readonly users: UserService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<TeamEntity[]> {
    const visible = await this.access.visibleTeams(actor);
    const repository = this.db.getRepository(TeamEntity);
    if (visible.all) return repository.find({ order: { name: 'ASC' } });
    if (!visible.teamIds.length) return [];
    return repository.find({ where: { id: In(visible.teamIds) }, order: { name: 'ASC' } });
  }

  async create(actor: Actor, input: CreateTeamInput): Promise<TeamEntity> {
    return this.db.transaction(async (manager) => {
      const name = input.name.trim();
      await this.assertNameFree(manager, name);
      const coachIds = input.coachIds ?? [];
      await this.users.requireWithRole(manager, coachIds, Role.COACH, 'input.coachIds');
      const team = manager.create(TeamEntity, { name });
      await manager.save(team);
      if (coachIds.length)
        await manager.insert(
          TeamCoachEntity,
          coachIds.map((userId) => ({ teamId: team.id, userId })),
        );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'team.create',
        entityType: 'Team',
        entityId: team.id,
        after: { name, coachIds },
      });
      return team;
    });
  }

  async update(actor: Actor, id: string, input: UpdateTeamInput): Promise<TeamEntity> {
    return this.db.transaction(async (manager) => {
      const team = await manager.findOne(TeamEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!team) throw notFound('Team');
      const oldCoachIds = (await manager.findBy(TeamCoachEntity, { teamId: id })).map((link) => link.userId);
      const before = { name: team.name, coachIds: oldCoachIds };
      if (input.name !== undefined && input.name.trim() !== team.name) {
        await this.assertNameFree(manager, input.name.trim());
        team.name = input.name.trim();
        await manager.save(team);
      }
      let coachIds = oldCoachIds;
      if (input.coachIds !== undefined) {
        coachIds = input.coachIds;
        await this.users.requireWithRole(manager, coachIds, Role.COACH, 'input.coachIds');
        await manager.delete(TeamCoachEntity, { teamId: id });
        if (coachIds.length)
          await manager.insert(
            TeamCoachEntity,
            coachIds.map((userId) => ({ teamId: id, userId })),
          );
      }
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'team.update',
        entityType: 'Team',
        entityId: id,
        before,
        after: { name: team.name, coachIds },
      });
      return team;
    });
  }

  private async assertNameFree(manager: EntityManager, name: string): Promise<void> {
    const taken = await manager.createQueryBuilder(TeamEntity, 't').where('lower(t.name) = lower(:name)', { name }).getExists();
    if (taken) throw badInput(`A team named "${name}" already exists.`, 'input.name');
  }
}
