import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Role } from '../common/graphql-enums.js';
import type { GqlContext } from '../common/loaders.js';
import { TeamModel, toTeamModel } from '../team/models/team.model.js';
import { CreateUserInput, UpdateUserInput } from './dto/user.inputs.js';
import { UserModel, toUserModel } from './models/user.model.js';
import { UserService } from './user.service.js';

@Resolver(() => UserModel)
export class UserResolver {
  constructor(private readonly userService: UserService) {}

  @Allow('users.read')
  @Query(() => [UserModel], { description: 'ADMIN, EVALUATOR: everybody; COACH: the people of their teams; others: themselves.' })
  async users(
    @CurrentActor() actor: Actor,
    @Args('role', { type: () => Role, nullable: true }) role?: Role | null,
    @Args('teamId', { type: () => ID, nullable: true }) teamId?: string | null,
  ): Promise<UserModel[]> {
    return (await this.userService.list(actor, { role, teamId })).map(toUserModel);
  }

  @Allow('users.manage')
  @Mutation(() => UserModel)
  async createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<UserModel> {
    return toUserModel(await this.userService.create(actor, input));
  }

  @Allow('users.update')
  @Mutation(() => UserModel, { description: 'ADMIN: any field of anyone; a user: their own locale and password.' })
  async updateUser(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateUserInput,
  ): Promise<UserModel> {
    return toUserModel(await this.userService.update(actor, id, input));
  }

  @ResolveField(() => TeamModel, { nullable: true })
  async team(@Parent() user: UserModel, @Context() ctx: GqlContext): Promise<TeamModel | null> {
    if (!user.teamId) return null;
    const team = await ctx.loaders.teamById.load(user.teamId);
    return team ? toTeamModel(team) : null;
  }
}
