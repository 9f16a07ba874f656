import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { toConnection } from '../common/connection.js';
import type { GqlContext } from '../common/loaders.js';
import { EvaluationModel, toEvaluationModel } from '../evaluation/models/evaluation.model.js';
import { UserModel, toUserModel } from '../user/models/user.model.js';
import { callCursor, CallService } from './call.service.js';
import { CallFilter, CreateCallInput } from './dto/call.inputs.js';
import { CallConnection, CallModel, toCallModel } from './models/call.model.js';

@Resolver(() => CallModel)
export class CallResolver {
  constructor(private readonly callService: CallService) {}

  @Allow('calls.read')
  @Query(() => CallModel, { nullable: true, description: 'null when it does not exist or you may not see it.' })
  async call(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<CallModel | null> {
    const call = await this.callService.get(actor, id);
    return call ? toCallModel(call) : null;
  }

  @Allow('calls.read')
  @Query(() => CallConnection, { description: 'Newest first; `first` defaults to 50, at most 100.' })
  async calls(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => CallFilter, nullable: true }) filter?: CallFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<CallConnection> {
    const page = await this.callService.list(actor, filter ?? {}, first, after);
    return toConnection(page, toCallModel, callCursor);
  }

  @Allow('calls.create')
  @Mutation(() => CallModel)
  async createCall(@CurrentActor() actor: Actor, @Args('input') input: CreateCallInput): Promise<CallModel> {
    return toCallModel(await this.callService.create(actor, input));
  }

  @ResolveField(() => UserModel)
  async agent(@Parent() call: CallModel, @Context() ctx: GqlContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.userById.load(call.agentId))!);
  }

  @ResolveField(() => [EvaluationModel], { description: 'The evaluations of this call you may see.' })
  async evaluations(@Parent() call: CallModel, @Context() ctx: GqlContext): Promise<EvaluationModel[]> {
    return (await ctx.loaders.visibleEvaluationsByCall.load(call.id)).map(toEvaluationModel);
  }
}
