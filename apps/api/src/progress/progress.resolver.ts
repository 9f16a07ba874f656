import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { CriterionModel, toCriterionModel } from '../rubric/models/rubric.model.js';
import { toTeamModel } from '../team/models/team.model.js';
import { toUserModel } from '../user/models/user.model.js';
import { AgentProgressModel, TeamOverviewModel, toFigures } from './models/progress.model.js';
import { ProgressService } from './progress.service.js';

@Resolver()
export class ProgressResolver {
  constructor(private readonly progress: ProgressService) {}

  @Allow('ReadProgress')
  @Query(() => AgentProgressModel, {
    description: 'RUBRIC.md §4 over calls in [from, to). ADMIN, the agent’s coaches, the agent.',
  })
  async agentProgress(
    @CurrentActor() actor: Actor,
    @Args('agentId', { type: () => ID }) agentId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
  ): Promise<AgentProgressModel> {
    const { agent, figures } = await this.progress.agentProgress(actor, agentId, from, to);
    return { agent: toUserModel(agent), ...toFigures(figures) };
  }

  @Allow('ReadTeamOverview')
  @Query(() => TeamOverviewModel, {
    description: 'Every agent’s figures, the team’s, and the criterion × agent matrix. ADMIN and the team’s coaches.',
  })
  async teamOverview(
    @CurrentActor() actor: Actor,
    @Args('teamId', { type: () => ID }) teamId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
  ): Promise<TeamOverviewModel> {
    const overview = await this.progress.teamOverview(actor, teamId, from, to);
    return {
      team: toTeamModel(overview.team),
      figures: toFigures(overview.figures),
      agents: overview.agents.map(({ agent, figures }) => ({ agent: toUserModel(agent), ...toFigures(figures) })),
      matrix: overview.matrix,
    };
  }

  @Allow('ReadProgress')
  @Query(() => [CriterionModel], {
    description: 'Up to 3 criteria with the lowest mean over the last 90 days, ties to the heavier.',
  })
  async suggestedFocus(
    @CurrentActor() actor: Actor,
    @Args('agentId', { type: () => ID }) agentId: string,
  ): Promise<CriterionModel[]> {
    return (await this.progress.suggestedFocus(actor, agentId)).map(toCriterionModel);
  }
}
