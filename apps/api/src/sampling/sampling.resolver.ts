import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { badInput } from '../common/errors.js';
import type { GqlContext } from '../common/loaders.js';
import { LocalDateScalar } from '../common/local-date.scalar.js';
import { TeamModel, toTeamModel } from '../team/models/team.model.js';
import { SamplingPlanInput } from './dto/sampling.inputs.js';
import {
  AssignmentModel,
  SampleAdviceModel,
  SamplingCoverageModel,
  SamplingPlanModel,
  toSamplingPlanModel,
} from './models/sampling.model.js';
import { toAssignmentModels } from './assignment.resolver.js';
import { AssignmentService } from './assignment.service.js';
import { SampleAdviceService } from './sample-advice.service.js';
import { SampleDrawService } from './sample-draw.service.js';
import { SamplingPlanService } from './sampling-plan.service.js';
import type { SamplingPlanEntity } from './entities/sampling-plan.entity.js';

const MAX_COVERAGE_WEEKS = 104;

/** Sampling plans, their draws, coverage and advice (docs/rubric.md#sampling). */
@Resolver(() => SamplingPlanModel)
export class SamplingResolver {
  constructor(
    private readonly plans: SamplingPlanService,
    private readonly draws: SampleDrawService,
    private readonly assignments: AssignmentService,
    private readonly advice: SampleAdviceService,
  ) {}

  @Allow('sampling.read')
  @Query(() => [SamplingPlanModel], { description: 'Every sampling plan, active ones first, by name.' })
  async samplingPlans(): Promise<SamplingPlanModel[]> {
    return this.toModels(await this.plans.list());
  }

  @Allow('sampling.read')
  @Query(() => SamplingPlanModel, { nullable: true, description: 'null when there is no such plan.' })
  async samplingPlan(@Args('id', { type: () => ID }) id: string): Promise<SamplingPlanModel | null> {
    const plan = await this.plans.get(id);
    return plan ? (await this.toModels([plan]))[0]! : null;
  }

  @Allow('sampling.manage')
  @Mutation(() => SamplingPlanModel)
  async createSamplingPlan(@CurrentActor() actor: Actor, @Args('input') input: SamplingPlanInput): Promise<SamplingPlanModel> {
    return (await this.toModels([await this.plans.create(actor, input)]))[0]!;
  }

  @Allow('sampling.manage')
  @Mutation(() => SamplingPlanModel, {
    description: 'Replaces the plan’s settings; `active: false` pauses it. A seed left out keeps the plan’s.',
  })
  async updateSamplingPlan(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: SamplingPlanInput,
  ): Promise<SamplingPlanModel> {
    return (await this.toModels([await this.plans.update(actor, id, input)]))[0]!;
  }

  @Allow('sampling.manage')
  @Mutation(() => [AssignmentModel], {
    description:
      'Draws the plan’s week and assigns the calls. Idempotent: a week already drawn is returned as it is. `dryRun`: the draw it would make, nothing written.',
  })
  async drawSample(
    @CurrentActor() actor: Actor,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('weekStart', { type: () => LocalDateScalar }) weekStart: string,
    @Args('dryRun', { type: () => Boolean, nullable: true }) dryRun?: boolean | null,
  ): Promise<AssignmentModel[]> {
    const { assignments } = await this.draws.draw(actor, planId, weekStart, dryRun ?? false);
    return toAssignmentModels(assignments, this.assignments);
  }

  @Allow('sampling.read')
  @Query(() => [SamplingCoverageModel], { description: 'The plan’s drawn weeks, newest first (at most `weeks`, default 12).' })
  async samplingCoverage(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('weeks', { type: () => Int, nullable: true }) weeks?: number | null,
  ): Promise<SamplingCoverageModel[]> {
    const count = weeks ?? 12;
    if (!Number.isInteger(count) || count < 1 || count > MAX_COVERAGE_WEEKS)
      throw badInput(`weeks must be between 1 and ${MAX_COVERAGE_WEEKS}.`, 'weeks');
    await this.plans.require(planId);
    return this.assignments.coverage(planId, count);
  }

  @Allow('sampling.read')
  @Query(() => [SampleAdviceModel], {
    description: 'Sample advice for every active agent of the plan’s teams, at the plan’s target margin.',
  })
  async samplingAdvice(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
  ): Promise<SampleAdviceModel[]> {
    return this.advice.forPlan(await this.plans.require(planId), from, to);
  }

  @Allow('progress.read')
  @Query(() => SampleAdviceModel, {
    description:
      'How sure the agent’s mean score over [from, to) is, and how many more evaluations would reach the target margin (default 5).',
  })
  async sampleAdvice(
    @CurrentActor() actor: Actor,
    @Args('agentId', { type: () => ID }) agentId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('targetMargin', { type: () => Number, nullable: true }) targetMargin?: number | null,
  ): Promise<SampleAdviceModel> {
    return this.advice.forAgent(actor, agentId, from, to, targetMargin);
  }

  @ResolveField(() => [TeamModel], { description: 'The plan’s teams that exist (see missingTeamIds).' })
  async teams(@Parent() plan: SamplingPlanModel, @Context() ctx: GqlContext): Promise<TeamModel[]> {
    const teams = await Promise.all(plan.teamIds.map((id) => ctx.loaders.teamById.load(id)));
    return teams.flatMap((team) => (team ? [toTeamModel(team)] : []));
  }

  private async toModels(plans: SamplingPlanEntity[]): Promise<SamplingPlanModel[]> {
    const existing = await this.plans.existingTeamIds([...new Set(plans.flatMap((p) => p.teamIds))]);
    return plans.map((plan) => toSamplingPlanModel(plan, existing));
  }
}
