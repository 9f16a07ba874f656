import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { roundHalfAwayFromZero } from '@decalogo/scoring';
import { Connection } from '../../common/connection.js';
import { DisputeDecision, EvaluationStatus, Resolution } from '../../common/graphql-enums.js';
import type { DisputeEntity } from '../entities/dispute.entity.js';
import type { EvaluationEntity } from '../entities/evaluation.entity.js';

@ObjectType('Answer')
export class AnswerModel {
  @Field(() => Int, { nullable: true, description: '0–4; null is N/A.' })
  value!: number | null;

  @Field({ description: 'true when answered N/A (value is then null).' })
  notApplicable!: boolean;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Int, { nullable: true, description: 'Where in the call the evidence is, in seconds.' })
  evidenceSeconds!: number | null;

  /** For the `criterion` field resolver. */
  code!: string;
  rubricVersionId!: string;
}

@ObjectType('Dispute')
export class DisputeModel {
  @Field(() => ID)
  id!: string;

  @Field(() => [String])
  codes!: string[];

  @Field()
  reason!: string;

  @Field()
  createdAt!: Date;

  @Field(() => DisputeDecision, { nullable: true })
  decision!: DisputeDecision | null;

  @Field(() => String, { nullable: true })
  resolutionComment!: string | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
}

@ObjectType('Evaluation')
export class EvaluationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => EvaluationStatus)
  status!: EvaluationStatus;

  @Field(() => Int, { description: 'Send it back with saveEvaluation / submitEvaluation (optimistic locking).' })
  version!: number;

  @Field(() => Resolution, { nullable: true })
  resolution!: Resolution | null;

  @Field(() => Boolean, { nullable: true })
  supervisorRequested!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  supervisorProvided!: boolean | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Float, { nullable: true, description: '0–100, one decimal; null while DRAFT.' })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: 'The score before a critical failure zeroes it; null while DRAFT.' })
  rawScore!: number | null;

  @Field(() => Boolean, { nullable: true })
  criticalFailure!: boolean | null;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field()
  callStartedAt!: Date;

  /** For field resolvers. */
  callId!: string;
  evaluatorId!: string;
  agentId!: string;
  rubricVersionId!: string;
}

@ObjectType('EvaluationConnection')
export class EvaluationConnection extends Connection(EvaluationModel, 'Evaluation') {}

const rounded = (value: number | null) => (value === null ? null : roundHalfAwayFromZero(value, 1));

export const toEvaluationModel = (e: EvaluationEntity): EvaluationModel => ({
  id: e.id,
  status: e.status as EvaluationStatus,
  version: e.version,
  resolution: e.resolution as Resolution | null,
  supervisorRequested: e.supervisorRequested,
  supervisorProvided: e.supervisorProvided,
  comment: e.comment,
  score: rounded(e.score),
  rawScore: rounded(e.rawScore),
  criticalFailure: e.criticalFailure,
  submittedAt: e.submittedAt,
  acknowledgedAt: e.acknowledgedAt,
  callStartedAt: e.callStartedAt,
  callId: e.callId,
  evaluatorId: e.evaluatorId,
  agentId: e.agentId,
  rubricVersionId: e.rubricVersionId,
});

export const toDisputeModel = (d: DisputeEntity): DisputeModel => ({
  id: d.id,
  codes: d.codes,
  reason: d.reason,
  createdAt: d.createdAt,
  decision: d.decision as DisputeDecision | null,
  resolutionComment: d.resolutionComment,
  resolvedAt: d.resolvedAt,
});
