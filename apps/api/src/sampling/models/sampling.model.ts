import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AssignmentReason, AssignmentStatus, CallPurpose } from '../../common/graphql-enums.js';
import { LocalDateScalar } from '../../common/local-date.scalar.js';
import type { SamplingPlanEntity } from '../entities/sampling-plan.entity.js';

@ObjectType('SamplingPlan', { description: 'A plan that draws calls to evaluate each week (docs/rubric.md#sampling).' })
export class SamplingPlanModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  callsPerAgentPerWeek!: number;

  @Field()
  stratifyByPurpose!: boolean;

  @Field(() => [CallPurpose], { nullable: true, description: 'null: every purpose.' })
  purposes!: CallPurpose[] | null;

  @Field()
  seed!: string;

  @Field(() => Float)
  targetMargin!: number;

  @Field()
  includeCoaches!: boolean;

  @Field(() => Float)
  flaggedShare!: number;

  @Field()
  active!: boolean;

  @Field(() => [ID], {
    description: 'Teams of the plan that no longer exist: the plan will not draw until they are removed from it.',
  })
  missingTeamIds!: string[];

  /** For the `teams` field resolver. */
  teamIds!: string[];
}

export const toSamplingPlanModel = (plan: SamplingPlanEntity, existingTeamIds?: ReadonlySet<string>): SamplingPlanModel => ({
  id: plan.id,
  name: plan.name,
  callsPerAgentPerWeek: plan.callsPerAgentPerWeek,
  stratifyByPurpose: plan.stratifyByPurpose,
  purposes: plan.purposes as CallPurpose[] | null,
  seed: plan.seed,
  targetMargin: plan.targetMargin,
  includeCoaches: plan.includeCoaches,
  flaggedShare: plan.flaggedShare,
  active: plan.active,
  teamIds: plan.teamIds,
  missingTeamIds: existingTeamIds ? plan.teamIds.filter((id) => !existingTeamIds.has(id)) : [],
});

@ObjectType('Assignment', { description: 'A call drawn for one evaluator to score.' })
export class AssignmentModel {
  @Field(() => ID, { description: 'In a preview (drawSample with dryRun), `preview:` and the call id: nothing is stored.' })
  id!: string;

  @Field(() => LocalDateScalar)
  weekStart!: string;

  @Field(() => LocalDateScalar, { description: 'The last day to do it: the Sunday of the week after the drawn week.' })
  dueDate!: string;

  @Field(() => AssignmentStatus)
  status!: AssignmentStatus;

  @Field(() => AssignmentReason)
  reasonKind!: AssignmentReason;

  @Field({ description: 'Why it is in the queue: the plan’s name, and the risk flag when drawn for one.' })
  reason!: string;

  /** For the field resolvers. */
  callId!: string;
  evaluatorId!: string;
  planId!: string | null;
  evaluationId!: string | null;
}

@ObjectType('SampleAdvice', {
  description: 'How sure an agent’s mean score is, and how many more evaluations would reach the target margin.',
})
export class SampleAdviceModel {
  @Field(() => Int)
  evaluationCount!: number;

  @Field(() => Float, { nullable: true })
  meanScore!: number | null;

  @Field(() => Float, { nullable: true, description: '95% half-width, t(0.975, n−1) × sd / √n; null with fewer than 2.' })
  marginOfError!: number | null;

  @Field(() => Float)
  targetMargin!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The smallest k ≥ 0 that would bring the margin to the target; null with fewer than 2.',
  })
  additionalNeeded!: number | null;

  /** For the `agent` field resolver. */
  agentId!: string;
}

@ObjectType('SamplingCoverage', { description: 'What became of one plan’s drawn week.' })
export class SamplingCoverageModel {
  @Field(() => LocalDateScalar)
  weekStart!: string;

  @Field(() => Int, { description: 'Assignments made.' })
  drawn!: number;

  @Field(() => Int, { description: 'Begun, not yet submitted (and not overdue).' })
  started!: number;

  @Field(() => Int)
  done!: number;

  @Field(() => Int, { description: 'Not done after the due date.' })
  overdue!: number;

  @Field(() => Int, { description: 'Drawn calls no evaluator of the pool could take.' })
  unassigned!: number;
}
