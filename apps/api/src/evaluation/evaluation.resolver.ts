import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { disputeClosesAt } from '@decalogo/scoring';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { CallModel, toCallModel } from '../call/models/call.model.js';
import { toConnection } from '../common/connection.js';
import type { GqlContext } from '../common/loaders.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { CriterionModel, RubricVersionModel, toCriterionModel, toRubricVersionModel } from '../rubric/models/rubric.model.js';
import { UserModel, toUserModel } from '../user/models/user.model.js';
import { DisputeInput, EvaluationFilter, EvaluationInput, ResolveDisputeInput } from './dto/evaluation.inputs.js';
import { evaluationCursor, EvaluationService } from './evaluation.service.js';
import {
  AnswerModel,
  DisputeModel,
  EvaluationConnection,
  EvaluationModel,
  toDisputeModel,
  toEvaluationModel,
} from './models/evaluation.model.js';

@Resolver(() => EvaluationModel)
export class EvaluationResolver {
  constructor(
    private readonly evaluationService: EvaluationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Allow('evaluation.read')
  @Query(() => EvaluationModel, { nullable: true, description: 'null when it does not exist or you may not see it.' })
  async evaluation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<EvaluationModel | null> {
    const evaluation = await this.evaluationService.get(actor, id);
    return evaluation ? toEvaluationModel(evaluation) : null;
  }

  @Allow('evaluation.read')
  @Query(() => EvaluationConnection, { description: 'Newest calls first; `first` defaults to 50, at most 100.' })
  async evaluations(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => EvaluationFilter, nullable: true }) filter?: EvaluationFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<EvaluationConnection> {
    const page = await this.evaluationService.list(actor, filter ?? {}, first, after);
    return toConnection(page, toEvaluationModel, evaluationCursor);
  }

  @Allow('evaluation.start')
  @Mutation(() => EvaluationModel, { description: 'A DRAFT against the active rubric version.' })
  async startEvaluation(
    @CurrentActor() actor: Actor,
    @Args('callId', { type: () => ID }) callId: string,
  ): Promise<EvaluationModel> {
    return toEvaluationModel(await this.evaluationService.start(actor, callId));
  }

  @Allow('evaluation.save')
  @Mutation(() => EvaluationModel, { description: 'Saves a draft; a stale version is CONFLICT and changes nothing.' })
  async saveEvaluation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: EvaluationInput,
  ): Promise<EvaluationModel> {
    return toEvaluationModel(await this.evaluationService.save(actor, id, version, input));
  }

  @Allow('evaluation.submit')
  @Mutation(() => EvaluationModel, { description: 'Checks the answers, computes the score on the server and freezes them.' })
  async submitEvaluation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<EvaluationModel> {
    return toEvaluationModel(await this.evaluationService.submit(actor, id, version));
  }

  @Allow('evaluation.acknowledge')
  @Mutation(() => EvaluationModel)
  async acknowledgeEvaluation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<EvaluationModel> {
    return toEvaluationModel(await this.evaluationService.acknowledge(actor, id));
  }

  @Allow('evaluation.dispute')
  @Mutation(() => EvaluationModel, {
    description: 'Once, within DISPUTE_WINDOW_DAYS of submission, and not after acknowledging.',
  })
  async disputeEvaluation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: DisputeInput,
  ): Promise<EvaluationModel> {
    return toEvaluationModel(await this.evaluationService.dispute(actor, id, input));
  }

  @Allow('dispute.resolve')
  @Mutation(() => EvaluationModel, { description: 'UPHOLD or AMEND (recomputes the score); by someone other than the author.' })
  async resolveDispute(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ResolveDisputeInput,
  ): Promise<EvaluationModel> {
    return toEvaluationModel(await this.evaluationService.resolveDispute(actor, id, input));
  }

  @ResolveField(() => CallModel)
  async call(@Parent() e: EvaluationModel, @Context() ctx: GqlContext): Promise<CallModel> {
    return toCallModel((await ctx.loaders.callById.load(e.callId))!);
  }

  @ResolveField(() => UserModel)
  async evaluator(@Parent() e: EvaluationModel, @Context() ctx: GqlContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.userById.load(e.evaluatorId))!);
  }

  @ResolveField(() => UserModel)
  async agent(@Parent() e: EvaluationModel, @Context() ctx: GqlContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.userById.load(e.agentId))!);
  }

  @ResolveField(() => RubricVersionModel)
  async rubricVersion(@Parent() e: EvaluationModel, @Context() ctx: GqlContext): Promise<RubricVersionModel> {
    return toRubricVersionModel((await ctx.loaders.rubricVersionById.load(e.rubricVersionId))!);
  }

  @ResolveField(() => [AnswerModel], { description: 'In rubric order; a criterion not answered yet is absent.' })
  async answers(@Parent() e: EvaluationModel, @Context() ctx: GqlContext): Promise<AnswerModel[]> {
    const [rows, criteria] = await Promise.all([
      ctx.loaders.answersByEvaluation.load(e.id),
      ctx.loaders.criteriaByVersion.load(e.rubricVersionId),
    ]);
    const position = new Map(criteria.map((c) => [c.code, c.position]));
    return rows
      .sort((a, b) => (position.get(a.criterionCode) ?? 0) - (position.get(b.criterionCode) ?? 0))
      .map((row) => ({
        value: row.value,
        notApplicable: row.notApplicable,
        comment: row.comment,
        evidenceSeconds: row.evidenceSeconds,
        code: row.criterionCode,
        rubricVersionId: row.rubricVersionId,
      }));
  }

  @ResolveField(() => Date, {
    nullable: true,
    description: 'Until when the agent may dispute it (DISPUTE_WINDOW_DAYS after submission); null unless SUBMITTED.',
  })
  disputableUntil(@Parent() e: EvaluationModel): Date | null {
    if (e.status !== 'SUBMITTED' || !e.submittedAt) return null;
    return disputeClosesAt(e.submittedAt, this.config.disputeWindowDays, this.config.orgTimeZone);
  }

  @ResolveField(() => DisputeModel, { nullable: true })
  async dispute(@Parent() e: EvaluationModel, @Context() ctx: GqlContext): Promise<DisputeModel | null> {
    const dispute = await ctx.loaders.disputeByEvaluation.load(e.id);
    return dispute ? toDisputeModel(dispute) : null;
  }
}

@Resolver(() => AnswerModel)
export class AnswerResolver {
  @ResolveField(() => CriterionModel)
  async criterion(@Parent() answer: AnswerModel, @Context() ctx: GqlContext): Promise<CriterionModel> {
    const criteria = await ctx.loaders.criteriaByVersion.load(answer.rubricVersionId);
    return toCriterionModel(criteria.find((c) => c.code === answer.code)!);
  }
}
