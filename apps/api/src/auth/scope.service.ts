import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '../common/roles.js';
import { TeamCoachEntity } from '../team/entities/team-coach.entity.js';
import type { Actor } from './actor.js';
import { hasRole } from './actor.js';

/** Which teams a caller may see: the one place record-level (team) scope is decided. */
export type TeamScope = { all: true } | { all: false; teamIds: string[] };

@Injectable()
export class ScopeService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async coachedTeamIds(actorId: string): Promise<string[]> {
    const links = await this.dataSource.getRepository(TeamCoachEntity).findBy({ userId: actorId });
    return links.map((link) => link.teamId);
  }

  /** ADMIN and EVALUATOR see every team; a COACH the teams they coach; anyone their own team. */
  async visibleTeams(actor: Actor): Promise<TeamScope> {
    if (hasRole(actor, Role.ADMIN, Role.EVALUATOR)) return { all: true };
    const teamIds = new Set<string>(hasRole(actor, Role.COACH) ? await this.coachedTeamIds(actor.id) : []);
    if (actor.teamId) teamIds.add(actor.teamId);
    return { all: false, teamIds: [...teamIds] };
  }
}
