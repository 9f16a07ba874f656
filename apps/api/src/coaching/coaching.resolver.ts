import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { CoachingPlanStatus } from '../common/graphql-enums.js';
import type { GqlContext } from '../common/loaders.js';
import { UserModel, toUserModel } from '../user/models/user.model.js';
import { CoachingService } from './coaching.service.js';
import { CoachingSessionInput, CreateCoachingPlanInput, UpdateCoachingPlanInput } from './dto/coaching.inputs.js';
import { CoachingPlanModel, CoachingSessionModel, toSessionModel } from './models/coaching.model.js';

const VERSION_ARG = {
  type: () => Int,
  nullable: true,
  description: 'The version last read: when given and stale, CONFLICT and nothing changes; when left out, the plan as it is now.',
} as const;

@Resolver(() => CoachingPlanModel)
export class CoachingResolver {
  constructor(private readonly coaching: CoachingService) {}

  @Allow('coaching.read')
  @Query(() => CoachingPlanModel, { nullable: true, description: 'null when it does not exist or you may not see it.' })
  async coachingPlan(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CoachingPlanModel | null> {
    const plan = await this.coaching.get(actor, id);
    return plan ? (await this.coaching.toModels([plan]))[0]! : null;
  }

  @Allow('coaching.read')
  @Query(() => [CoachingPlanModel], {
    description: 'The plans you may read (your own, your teams’, or all for admins), earliest due first.',
  })
  async coachingPlans(
    @CurrentActor() actor: Actor,
    @Args('agentId', { type: () => ID, nullable: true }) agentId?: string,
    @Args('status', { type: () => CoachingPlanStatus, nullable: true }) status?: CoachingPlanStatus,
  ): Promise<CoachingPlanModel[]> {
    return this.coaching.toModels(await this.coaching.list(actor, agentId, status));
  }

  @Allow('coaching.manage')
  @Mutation(() => CoachingPlanModel)
  async createCoachingPlan(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateCoachingPlanInput,
  ): Promise<CoachingPlanModel> {
    return (await this.coaching.toModels([await this.coaching.create(actor, input)]))[0]!;
  }

  @Allow('coaching.manage')
  @Mutation(() => CoachingSessionModel)
  async logCoachingSession(
    @CurrentActor() actor: Actor,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('input') input: CoachingSessionInput,
  ): Promise<CoachingSessionModel> {
    return toSessionModel(await this.coaching.logSession(actor, planId, input));
  }

  @Allow('coaching.acknowledge')
  @Mutation(() => CoachingSessionModel, { description: 'By the coached agent.' })
  async acknowledgeCoachingSession(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CoachingSessionModel> {
    return toSessionModel(await this.coaching.acknowledgeSession(actor, id));
  }

  @Allow('coaching.manage')
  @Mutation(() => CoachingPlanModel, {
    description:
      'Changes an active (or overdue) plan; `version` is the one last read: a stale one is CONFLICT and changes nothing.',
  })
  async updateCoachingPlan(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateCoachingPlanInput,
  ): Promise<CoachingPlanModel> {
    return (await this.coaching.toModels([await this.coaching.update(actor, id, version, input)]))[0]!;
  }

  @Allow('coaching.manage')
  @Mutation(() => CoachingPlanModel, { description: 'Records whether the goal was achieved at this moment.' })
  async completeCoachingPlan(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', VERSION_ARG) version?: number | null,
  ): Promise<CoachingPlanModel> {
    return (await this.coaching.toModels([await this.coaching.complete(actor, id, version)]))[0]!;
  }

  @Allow('coaching.manage')
  @Mutation(() => CoachingPlanModel)
  async cancelCoachingPlan(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', VERSION_ARG) version?: number | null,
  ): Promise<CoachingPlanModel> {
    return (await this.coaching.toModels([await this.coaching.cancel(actor, id, version)]))[0]!;
  }

  @ResolveField(() => UserModel)
  async agent(@Parent() plan: CoachingPlanModel, @Context() ctx: GqlContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.userById.load(plan.agentId))!);
  }

  @ResolveField(() => UserModel)
  async coach(@Parent() plan: CoachingPlanModel, @Context() ctx: GqlContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.userById.load(plan.coachId))!);
  }
}
