import { Injectable } from '@nestjs/common';
import { Role } from '../common/roles.js';
import { TeamCoachEntity } from '../team/entities/team-coach.entity.js';
import { UserEntity } from '../user/entities/user.entity.js';
import type { Actor } from './actor.js';
import { hasRole } from './actor.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

/** Which teams a caller may see. */
export type TeamScope = { all: true } | { all: false; teamIds: string[] };

/**
 * Record-level permissions (docs/api.md#permissions), decided in this one place:
 * which teams, agents, calls and evaluations a caller may read, and the SQL that narrows a list
 * to them.
 */
@Injectable()
export class ScopeService {
  constructor(private readonly db: TransactionalConnection) {}

  async coachedTeamIds(actorId: string): Promise<string[]> {
    const links = await this.db.getRepository(TeamCoachEntity).findBy({ userId: actorId });
    return links.map((link) => link.teamId);
  }

  /** ADMIN and EVALUATOR see every team; a COACH the teams they coach; anyone their own team. */
  async visibleTeams(actor: Actor): Promise<TeamScope> {
    if (hasRole(actor, Role.ADMIN, Role.EVALUATOR)) return { all: true };
    const teamIds = new Set<string>(hasRole(actor, Role.COACH) ? await this.coachedTeamIds(actor.id) : []);
    if (actor.teamId) teamIds.add(actor.teamId);
    return { all: false, teamIds: [...teamIds] };
  }

  /** Whether the caller coaches the team the agent is in now. */
  async coachesAgent(actor: Actor, agentId: string): Promise<boolean> {
    if (!hasRole(actor, Role.COACH)) return false;
    const agent = await this.db.getRepository(UserEntity).findOneBy({ id: agentId });
    if (!agent?.teamId) return false;
    return (await this.coachedTeamIds(actor.id)).includes(agent.teamId);
  }

  /**
   * Coaching plans are created, edited, logged, completed and cancelled by an ADMIN or a COACH
   * of the team the agent is in now.
   */
  async managesCoachingOf(actor: Actor, agentId: string): Promise<boolean> {
    return hasRole(actor, Role.ADMIN) || (await this.coachesAgent(actor, agentId));
  }

  /** Calls: ADMIN and EVALUATOR all, a COACH those of the agents they coach. */
  async canReadCall(actor: Actor, agentId: string): Promise<boolean> {
    if (hasRole(actor, Role.ADMIN, Role.EVALUATOR)) return true;
    return this.coachesAgent(actor, agentId);
  }

  /**
   * Evaluations: a draft only by whoever writes it; a submitted one by ADMIN, EVALUATOR, its
   * author, the coaches of the agent's team and the agent.
   */
  async canReadEvaluation(actor: Actor, evaluation: { status: string; evaluatorId: string; agentId: string }): Promise<boolean> {
    if (evaluation.evaluatorId === actor.id) return true;
    if (evaluation.status === 'DRAFT') return false;
    if (hasRole(actor, Role.ADMIN, Role.EVALUATOR)) return true;
    if (evaluation.agentId === actor.id) return true;
    return this.coachesAgent(actor, evaluation.agentId);
  }

  /**
   * A WHERE fragment over `call` alias `c` limiting a list of calls to what the caller may
   * read, or null when they may read all.
   */
  async callListScope(actor: Actor): Promise<{ sql: string; params: Record<string, unknown> } | null> {
    if (hasRole(actor, Role.ADMIN, Role.EVALUATOR)) return null;
    const coached = hasRole(actor, Role.COACH) ? await this.coachedTeamIds(actor.id) : [];
    if (!coached.length) return { sql: 'false', params: {} };
    return {
      sql: 'c.agent_id IN (SELECT u.id FROM app_user u WHERE u.team_id IN (:...scopeTeams))',
      params: { scopeTeams: coached },
    };
  }

  /** The same for evaluations, alias `e`. */
  async evaluationListScope(actor: Actor): Promise<{ sql: string; params: Record<string, unknown> }> {
    const params: Record<string, unknown> = { scopeActor: actor.id };
    const ownDrafts = `e.evaluator_id = :scopeActor`;
    if (hasRole(actor, Role.ADMIN, Role.EVALUATOR)) return { sql: `(e.status <> 'DRAFT' OR ${ownDrafts})`, params };
    const visible = ['e.agent_id = :scopeActor'];
    const coached = hasRole(actor, Role.COACH) ? await this.coachedTeamIds(actor.id) : [];
    if (coached.length) {
      visible.push('e.agent_id IN (SELECT u.id FROM app_user u WHERE u.team_id IN (:...scopeTeams))');
      params['scopeTeams'] = coached;
    }
    return { sql: `((e.status <> 'DRAFT' AND (${visible.join(' OR ')})) OR ${ownDrafts})`, params };
  }
}
