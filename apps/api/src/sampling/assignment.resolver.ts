import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { CallModel, toCallModel } from '../call/models/call.model.js';
import { AssignmentReason, AssignmentStatus } from '../common/graphql-enums.js';
import type { GqlContext } from '../common/loaders.js';
import { LocalDateScalar } from '../common/local-date.scalar.js';
import { EvaluationModel, toEvaluationModel } from '../evaluation/models/evaluation.model.js';
import { UserModel, toUserModel } from '../user/models/user.model.js';
import { AssignmentService, MAX_ASSIGNMENTS } from './assignment.service.js';
import type { AssignmentEntity } from './entities/assignment.entity.js';
import { AssignmentModel, SampleAdviceModel, SamplingPlanModel, toSamplingPlanModel } from './models/sampling.model.js';

/** Models of assignments: OVERDUE read from the due date; `reason` completed by its field resolver. */
export function toAssignmentModels(rows: AssignmentEntity[], service: AssignmentService): AssignmentModel[] {
  const today = service.today();
  return rows.map((a) => ({
    id: a.id,
    weekStart: a.weekStart,
    dueDate: a.dueDate,
    status: service.statusOf(a, today),
    reasonKind: a.reason === 'RISK_FLAG' ? AssignmentReason.RISK_FLAG : AssignmentReason.PLAN,
    reason: '',
    callId: a.callId,
    evaluatorId: a.evaluatorId,
    planId: a.planId,
    evaluationId: a.evaluationId,
  }));
}

/** The queue of drawn calls (docs/rubric.md#sampling). */
@Resolver(() => AssignmentModel)
export class AssignmentResolver {
  constructor(private readonly service: AssignmentService) {}

  @Allow('assignments.read')
  @Query(() => [AssignmentModel], {
    description: `Your assignments (an administrator: anybody's), not done first, oldest due first; at most \`first\` (default 100, at most ${MAX_ASSIGNMENTS}).`,
  })
  async assignments(
    @CurrentActor() actor: Actor,
    @Args('evaluatorId', { type: () => ID, nullable: true }) evaluatorId?: string | null,
    @Args('status', { type: () => AssignmentStatus, nullable: true }) status?: AssignmentStatus | null,
    @Args('weekStart', { type: () => LocalDateScalar, nullable: true }) weekStart?: string | null,
    @Args('planId', { type: () => ID, nullable: true }) planId?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
  ): Promise<AssignmentModel[]> {
    const rows = await this.service.list(actor, { evaluatorId, status, weekStart, planId, first });
    return toAssignmentModels(rows, this.service);
  }

  @ResolveField(() => CallModel)
  async call(@Parent() a: AssignmentModel, @Context() ctx: GqlContext): Promise<CallModel> {
    return toCallModel((await ctx.loaders.callById.load(a.callId))!);
  }

  @ResolveField(() => UserModel)
  async evaluator(@Parent() a: AssignmentModel, @Context() ctx: GqlContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.userById.load(a.evaluatorId))!);
  }

  @ResolveField(() => SamplingPlanModel, { nullable: true, description: 'null for a plan since removed.' })
  async plan(@Parent() a: AssignmentModel, @Context() ctx: GqlContext): Promise<SamplingPlanModel | null> {
    const plan = a.planId ? await ctx.loaders.samplingPlanById.load(a.planId) : null;
    return plan ? toSamplingPlanModel(plan) : null;
  }

  @ResolveField(() => String)
  async reason(@Parent() a: AssignmentModel, @Context() ctx: GqlContext): Promise<string> {
    const plan = a.planId ? await ctx.loaders.samplingPlanById.load(a.planId) : null;
    const name = plan?.name ?? '—';
    return a.reasonKind === AssignmentReason.RISK_FLAG ? `${name} · risk flag` : name;
  }

  @ResolveField(() => EvaluationModel, {
    nullable: true,
    description: 'Its evaluation once begun (the assignee’s; a draft only to its author).',
  })
  async evaluation(
    @Parent() a: AssignmentModel,
    @Context() ctx: GqlContext,
    @CurrentActor() actor: Actor,
  ): Promise<EvaluationModel | null> {
    const evaluation = a.evaluationId ? await ctx.loaders.evaluationById.load(a.evaluationId) : null;
    if (!evaluation || (evaluation.status === 'DRAFT' && evaluation.evaluatorId !== actor.id)) return null;
    return toEvaluationModel(evaluation);
  }
}

@Resolver(() => SampleAdviceModel)
export class SampleAdviceResolver {
  @ResolveField(() => UserModel)
  async agent(@Parent() advice: SampleAdviceModel, @Context() ctx: GqlContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.userById.load(advice.agentId))!);
  }
}
