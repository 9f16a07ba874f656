import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  computeProgress,
  criterionMeans,
  DAY_MS,
  suggestedFocus,
  supervisorAvailability,
  teamComparisonSuppressed,
} from '@decalogo/scoring';
import type { ScoredEvaluation, SupervisorCounts } from '@decalogo/scoring';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../auth/actor.js';
import { badInput, notFound } from '../common/errors.js';
import { Role } from '../common/roles.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { CriterionEntity } from '../rubric/entities/criterion.entity.js';
import { RubricVersionEntity } from '../rubric/entities/rubric-version.entity.js';
import { UserEntity } from '../user/entities/user.entity.js';
import { Clock } from '../common/clock.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

const MAX_WINDOW_DAYS = 3 * 366;
export const SUGGESTION_WINDOW_DAYS = 90;

type Row = ScoredEvaluation & { agentId: string };

/** One coach of a team and rule 8's chain over every team that coach coaches. */
export interface CoachAvailability extends SupervisorCounts {
  coach: UserEntity;
  supervisorAvailability: number | null;
  teamCount: number;
}

/**
 * Agent progress and team overviews (docs/rubric.md#figures-over-a-window). The figures are
 * computed by libs/scoring from the submitted evaluations of the window — one SQL statement gathers
 * them with their answers — so the numbers on screen are the library's by construction.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly db: TransactionalConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** ADMIN, a coach of the agent's team, or the agent; for anybody else the agent is NOT_FOUND, as a missing id. */
  async assertMayReadAgent(actor: Actor, agentId: string): Promise<UserEntity> {
    const agent = await this.access.require(actor, 'progress.read', agentId, { notFound: 'Agent' });
    if (!agent.roles.includes(Role.AGENT)) throw notFound('Agent');
    return agent;
  }

  /**
   * The agent's figures and, to compare with, the criterion means of the agent's whole team over
   * the same window — from one query over the team's evaluations, so an agent sees how the team
   * does without reading anybody's individual figures. Shown to the agent themselves, the team's
   * means are withheld (`teamComparisonSuppressed`) when the window holds too few colleagues'
   * evaluations for them to be anybody's but one colleague's (docs/rubric.md § "Team
   * comparison"); administrators and the agent's coaches read every colleague's figures anyway.
   */
  async agentProgress(actor: Actor, agentId: string, from: Date, to: Date, withTeam = true) {
    assertWindow(from, to);
    const agent = await this.assertMayReadAgent(actor, agentId);
    const teamAgentIds = withTeam && agent.teamId ? (await this.teamAgents(agent.teamId)).map((a) => a.id) : [];
    const rows = await this.evaluations([...new Set([agentId, ...teamAgentIds])], from, to);
    const team = new Set(teamAgentIds);
    const teamRows = rows.filter((r) => team.has(r.agentId));
    // Whoever may open the team's overview reads every colleague's figures anyway.
    const seesEveryone = agent.teamId !== null && (await this.access.allows(actor, 'team.overview', agent.teamId));
    const suppressed =
      withTeam &&
      !seesEveryone &&
      teamComparisonSuppressed(
        agentId,
        teamRows.map((r) => r.agentId),
      );
    return {
      agent,
      figures: computeProgress(
        rows.filter((r) => r.agentId === agentId),
        { timeZone: this.config.orgTimeZone },
      ),
      teamCriteria: suppressed ? [] : criterionMeans(teamRows),
      teamComparisonSuppressed: suppressed,
    };
  }

  /** `withCoaches`: also the coaches' supervisor availability (two more statements). */
  async teamOverview(actor: Actor, teamId: string, from: Date, to: Date, withCoaches: boolean) {
    assertWindow(from, to);
    const team = await this.access.require(actor, 'team.overview', teamId);
    const agents = await this.teamAgents(teamId);
    const rows = agents.length
      ? await this.evaluations(
          agents.map((a) => a.id),
          from,
          to,
        )
      : [];
    const options = { timeZone: this.config.orgTimeZone };
    const perAgent = agents.map((agent) => ({
      agent,
      figures: computeProgress(
        rows.filter((r) => r.agentId === agent.id),
        options,
      ),
    }));
    const matrix = perAgent.flatMap(({ agent, figures }) =>
      figures.criteria.map((c) => ({ code: c.code, agentId: agent.id, mean: c.mean, count: c.count })),
    );
    const coachFigures = withCoaches ? await this.coachAvailability(teamId, from, to) : [];
    return { team, figures: computeProgress(rows, options), agents: perAgent, matrix, coaches: coachFigures };
  }

  /**
   * Supervisor availability for each coach of the team (docs/rubric.md#supervisor-availability,
   * "per coach of a team"), over the submitted evaluations, calls in [from, to), of the agents of
   * every team the coach coaches — the team's own figure covers only its agents; a coach's covers
   * all their teams. SQL counts the requests with libs/scoring's conditions (supervisorCounts) for
   * all the coaches at once; the rate is libs/scoring's. Two statements however many coaches and
   * teams; ordered by coach name.
   */
  private async coachAvailability(teamId: string, from: Date, to: Date): Promise<CoachAvailability[]> {
    const counts = (await this.db.manager.query(
      `SELECT span.user_id AS coach_id,
              count(DISTINCT span.team_id)::int AS team_count,
              count(e.id) FILTER (WHERE e.supervisor_requested IS TRUE)::int AS requested,
              count(e.id) FILTER (WHERE e.supervisor_requested IS TRUE AND e.supervisor_provided IS TRUE)::int AS provided
         FROM team_coach span
         LEFT JOIN app_user u ON u.team_id = span.team_id AND 'AGENT' = ANY(u.roles)
         LEFT JOIN evaluation e
                ON e.agent_id = u.id AND e.status <> 'DRAFT' AND e.call_started_at >= $2 AND e.call_started_at < $3
        WHERE span.user_id IN (SELECT tc.user_id FROM team_coach tc WHERE tc.team_id = $1)
        GROUP BY span.user_id`,
      [teamId, from, to],
    )) as Array<{ coach_id: string; team_count: number; requested: number; provided: number }>;
    if (!counts.length) return [];
    const coaches = await this.db
      .getRepository(UserEntity)
      .find({ where: { id: In(counts.map((c) => c.coach_id)) }, order: { name: 'ASC', id: 'ASC' } });
    const byCoach = new Map(counts.map((c) => [c.coach_id, c]));
    return coaches.map((coach) => {
      const { requested, provided, team_count } = byCoach.get(coach.id)!;
      return {
        coach,
        requested,
        provided,
        supervisorAvailability: supervisorAvailability({ requested, provided }),
        teamCount: team_count,
      };
    });
  }

  /** The agents of a team (by name): the people whose evaluations make up the team's figures. */
  private teamAgents(teamId: string): Promise<UserEntity[]> {
    return this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.team_id = :teamId', { teamId })
      .andWhere(`'AGENT' = ANY(u.roles)`)
      .orderBy('u.name')
      .getMany();
  }

  /** The (up to 3) active-rubric criteria with the lowest mean over the last 90 days. */
  async suggestedFocus(actor: Actor, agentId: string, now = this.clock.now()): Promise<CriterionEntity[]> {
    await this.assertMayReadAgent(actor, agentId);
    const active = await this.db.getRepository(RubricVersionEntity).findOneByOrFail({ status: 'PUBLISHED' });
    const criteria = await this.db
      .getRepository(CriterionEntity)
      .find({ where: { rubricVersionId: active.id }, order: { position: 'ASC' } });
    const rows = await this.evaluations([agentId], new Date(now.getTime() - SUGGESTION_WINDOW_DAYS * DAY_MS), now);
    const codes = suggestedFocus(criteria, criterionMeans(rows));
    return codes.map((code) => criteria.find((c) => c.code === code)!);
  }

  /** Submitted (not draft) evaluations of these agents whose call is in [from, to), with answers. */
  async evaluations(agentIds: string[], from: Date, to: Date): Promise<Row[]> {
    const rows = (await this.db.manager.query(
      `SELECT e.agent_id, e.call_started_at, e.score, e.raw_score, e.critical_failure, e.resolution,
              e.supervisor_requested, e.supervisor_provided,
              jsonb_object_agg(a.criterion_code, CASE WHEN a.not_applicable THEN NULL ELSE a.value END) AS answers
         FROM evaluation e
         JOIN evaluation_answer a ON a.evaluation_id = e.id AND (a.value IS NOT NULL OR a.not_applicable)
        WHERE e.agent_id = ANY($1::uuid[]) AND e.status <> 'DRAFT' AND e.call_started_at >= $2 AND e.call_started_at < $3
        GROUP BY e.id
        ORDER BY e.call_started_at`,
      [agentIds, from, to],
    )) as Array<{
      agent_id: string;
      call_started_at: Date;
      score: number;
      raw_score: number;
      critical_failure: boolean;
      resolution: Row['resolution'];
      supervisor_requested: boolean | null;
      supervisor_provided: boolean | null;
      answers: Record<string, number | null>;
    }>;
    return rows.map((r) => ({
      agentId: r.agent_id,
      callStartedAt: new Date(r.call_started_at),
      score: r.score,
      rawScore: r.raw_score,
      criticalFailure: r.critical_failure,
      resolution: r.resolution,
      supervisorRequested: r.supervisor_requested,
      supervisorProvided: r.supervisor_provided,
      answers: r.answers,
    }));
  }
}

/** A window of call time as every figure takes it: `to` after `from`, at most three years. */
export function assertWindow(from: Date, to: Date): void {
  if (!(from.getTime() < to.getTime())) throw badInput('to must be after from.', 'to');
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) throw badInput('The window can span at most three years.', 'to');
}
