import { Args, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { selectsField } from '../common/selection.js';
import { CriterionModel, toCriterionModel } from '../rubric/models/rubric.model.js';
import { toTeamModel } from '../team/models/team.model.js';
import { toUserModel } from '../user/models/user.model.js';
import { AgentProgressModel, TeamOverviewModel, toFigures } from './models/progress.model.js';
import { ProgressService } from './progress.service.js';

@Resolver()
export class ProgressResolver {
  constructor(private readonly progress: ProgressService) {}

  @Allow('progress.read')
  @Query(() => AgentProgressModel, {
    description:
      'The figures of docs/rubric.md#figures-over-a-window over calls in [from, to). ADMIN, the agent’s coaches, the agent.',
  })
  async agentProgress(
    @CurrentActor() actor: Actor,
    @Args('agentId', { type: () => ID }) agentId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AgentProgressModel> {
    // The team's evaluations are read only when the comparison is asked for.
    const withTeam = selectsField(info, 'teamCriteria') || selectsField(info, 'teamComparisonSuppressed');
    const { agent, figures, teamCriteria, teamComparisonSuppressed } = await this.progress.agentProgress(
      actor,
      agentId,
      from,
      to,
      withTeam,
    );
    return {
      agent: toUserModel(agent),
      ...toFigures(figures),
      teamCriteria: teamCriteria.map((c) => ({ ...c })),
      teamComparisonSuppressed,
    };
  }

  @Allow('team.overview')
  @Query(() => TeamOverviewModel, {
    description: 'Every agent’s figures, the team’s, and the criterion × agent matrix. ADMIN and the team’s coaches.',
  })
  async teamOverview(
    @CurrentActor() actor: Actor,
    @Args('teamId', { type: () => ID }) teamId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TeamOverviewModel> {
    // The coaches' figures span other teams' evaluations: read only when asked for.
    const withCoaches = selectsField(info, 'coaches');
    const overview = await this.progress.teamOverview(actor, teamId, from, to, withCoaches);
    const teamFigures = toFigures(overview.figures);
    return {
      team: toTeamModel(overview.team),
      figures: teamFigures,
      // Every agent of the team compares with the team's own criterion means.
      agents: overview.agents.map(({ agent, figures }) => ({
        agent: toUserModel(agent),
        ...toFigures(figures),
        teamCriteria: teamFigures.criteria,
        // Coaches and administrators read every agent's figures: nothing to withhold.
        teamComparisonSuppressed: false,
      })),
      matrix: overview.matrix,
      coaches: overview.coaches.map(({ coach, ...figures }) => ({ coach: toUserModel(coach), ...figures })),
    };
  }

  @Allow('progress.read')
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
