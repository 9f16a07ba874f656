import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CoachingMethod, CoachingPlanStatus } from '../../common/graphql-enums.js';
import { LocalDateScalar } from '../../common/local-date.scalar.js';
import type { CoachingSessionEntity } from '../entities/coaching-session.entity.js';

@ObjectType('CoachingSession')
export class CoachingSessionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field()
  notes!: string;

  @Field(() => String, { nullable: true })
  agreedActions!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the coached agent acknowledged the session.' })
  acknowledgedAt!: Date | null;
}

@ObjectType('CoachingPlan')
export class CoachingPlanModel {
  @Field(() => ID)
  id!: string;

  @Field(() => [String])
  focusCodes!: string[];

  @Field(() => [CoachingMethod])
  methods!: CoachingMethod[];

  @Field(() => Float)
  targetFocusScore!: number;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  dueDate!: string;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => CoachingPlanStatus)
  status!: CoachingPlanStatus;

  @Field(() => Float, { nullable: true, description: 'Mean focus score over the 30 days before the start.' })
  baseline!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean focus score from the start to the earlier of the due date and now.' })
  current!: number | null;

  @Field(() => Float, { nullable: true })
  delta!: number | null;

  @Field(() => Int)
  evaluationsSinceStart!: number;

  @Field({ description: 'current ≥ target with at least 3 evaluations; for a completed plan, as recorded on completion.' })
  achieved!: boolean;

  @Field(() => [CoachingSessionModel])
  sessions!: CoachingSessionModel[];

  @Field(() => Int, {
    description:
      'Goes up with every change to the plan (not with its sessions); updateCoachingPlan, and completeCoachingPlan / cancelCoachingPlan when given it, refuse a stale one with CONFLICT.',
  })
  version!: number;

  /** For the `agent` and `coach` field resolvers. */
  agentId!: string;
  coachId!: string;
}

export const toSessionModel = (s: CoachingSessionEntity): CoachingSessionModel => ({
  id: s.id,
  date: s.date,
  notes: s.notes,
  agreedActions: s.agreedActions,
  acknowledgedAt: s.acknowledgedAt,
});
