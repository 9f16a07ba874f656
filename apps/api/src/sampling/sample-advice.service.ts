import { Injectable } from '@nestjs/common';
import { sampleAdvice } from '@decalogo/scoring';
import type { Actor } from '../auth/actor.js';
import { badInput } from '../common/errors.js';
import { TransactionalConnection } from '../common/transactional-connection.js';
import { assertWindow, ProgressService } from '../progress/progress.service.js';
import { UserEntity } from '../user/entities/user.entity.js';
import type { SamplingPlanEntity } from './entities/sampling-plan.entity.js';

export const DEFAULT_TARGET_MARGIN = 5;

export interface AgentAdvice extends ReturnType<typeof sampleAdvice> {
  agentId: string;
}

/**
 * Sample advice (docs/rubric.md#sample-advice): per agent, the margin of error of the mean score
 * over a window of call time and how many more evaluations would bring it to the target. The
 * scores of every agent asked about come from one statement; libs/scoring does the arithmetic.
 */
@Injectable()
export class SampleAdviceService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly progress: ProgressService,
  ) {}

  /** One agent, read as agentProgress is read (ADMIN, the agent's coaches, the agent). */
  async forAgent(actor: Actor, agentId: string, from: Date, to: Date, targetMargin?: number | null): Promise<AgentAdvice> {
    const margin = checkArguments(from, to, targetMargin);
    await this.progress.assertMayReadAgent(actor, agentId);
    return (await this.advise([agentId], from, to, margin))[0]!;
  }

  /** Every active agent of the plan's teams, by name, at the plan's target margin. */
  async forPlan(plan: SamplingPlanEntity, from: Date, to: Date): Promise<AgentAdvice[]> {
    checkArguments(from, to, plan.targetMargin);
    const agents = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.team_id = ANY(:teamIds::uuid[])', { teamIds: plan.teamIds })
      .andWhere(`'AGENT' = ANY(u.roles) AND u.active`)
      .orderBy('u.name')
      .addOrderBy('u.id')
      .getMany();
    return this.advise(
      agents.map((a) => a.id),
      from,
      to,
      plan.targetMargin,
    );
  }

  private async advise(agentIds: string[], from: Date, to: Date, targetMargin: number): Promise<AgentAdvice[]> {
    if (!agentIds.length) return [];
    // Submitted evaluations only (drafts are not scores), by call time, as the agent's progress counts them.
    const rows = (await this.db.manager.query(
      `SELECT e.agent_id, array_agg(e.score ORDER BY e.call_started_at) AS scores
         FROM evaluation e
        WHERE e.agent_id = ANY($1::uuid[]) AND e.status <> 'DRAFT' AND e.call_started_at >= $2 AND e.call_started_at < $3
        GROUP BY e.agent_id`,
      [agentIds, from, to],
    )) as Array<{ agent_id: string; scores: number[] }>;
    const scores = new Map(rows.map((r) => [r.agent_id, r.scores.map(Number)]));
    return agentIds.map((agentId) => ({ agentId, ...sampleAdvice(scores.get(agentId) ?? [], targetMargin) }));
  }
}

function checkArguments(from: Date, to: Date, targetMargin: number | null | undefined): number {
  assertWindow(from, to);
  const margin = targetMargin ?? DEFAULT_TARGET_MARGIN;
  if (!Number.isFinite(margin) || margin < 0.1 || margin > 100)
    throw badInput('targetMargin must be between 0.1 and 100 points.', 'targetMargin');
  return margin;
}
