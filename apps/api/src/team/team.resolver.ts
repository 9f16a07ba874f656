import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { GqlContext } from '../common/loaders.js';
import { UserModel, toUserModel } from '../user/models/user.model.js';
import { CreateTeamInput, UpdateTeamInput } from './dto/team.inputs.js';
import { TeamModel, toTeamModel } from './models/team.model.js';
import { TeamService } from './team.service.js';

@Resolver(() => TeamModel)
export class TeamResolver {
  constructor(private readonly teamService: TeamService) {}

  @Allow('teams.read')
  @Query(() => [TeamModel], { description: 'ADMIN, EVALUATOR: all; COACH: the teams they coach; AGENT: their own.' })
  async teams(@CurrentActor() actor: Actor): Promise<TeamModel[]> {
    return (await this.teamService.list(actor)).map(toTeamModel);
  }

  @Allow('teams.manage')
  @Mutation(() => TeamModel)
  async createTeam(@CurrentActor() actor: Actor, @Args('input') input: CreateTeamInput): Promise<TeamModel> {
    return toTeamModel(await this.teamService.create(actor, input));
  }

  @Allow('teams.manage')
  @Mutation(() => TeamModel)
  async updateTeam(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTeamInput,
  ): Promise<TeamModel> {
    return toTeamModel(await this.teamService.update(actor, id, input));
  }

  @ResolveField(() => [UserModel])
  async agents(@Parent() team: TeamModel, @Context() ctx: GqlContext): Promise<UserModel[]> {
    return (await ctx.loaders.agentsByTeam.load(team.id)).map(toUserModel);
  }

  @ResolveField(() => [UserModel])
  async coaches(@Parent() team: TeamModel, @Context() ctx: GqlContext): Promise<UserModel[]> {
    return (await ctx.loaders.coachesByTeam.load(team.id)).map(toUserModel);
  }
}
