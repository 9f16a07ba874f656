import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Redacted } from '../../common/redacted.decorator.js';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AgentWindowFilter } from '../../common/agent-window.filter.js';
import { DisputeDecision, EvaluationStatus, Resolution } from '../../common/graphql-enums.js';

@InputType()
export class AnswerInput {
  @Field({ description: 'The criterion code, e.g. R3.' })
  @IsString()
  @MaxLength(16)
  code!: string;

  /** Range checked by the service so the error names the criterion. */
  @Field(() => Int, {
    nullable: true,
    description: '0–4; null is N/A (only where the criterion allows it); omitted keeps the saved value.',
  })
  @IsOptional()
  @IsInt({ message: 'answers: value must be a whole number from 0 to 4, or null for N/A' })
  value?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required at submit for answers of 0 or 1: the evidence the agent can check.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @Redacted()
  comment?: string | null;

  @Field(() => Int, { nullable: true, description: 'Where in the call the evidence is, in seconds from the start.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  evidenceSeconds?: number | null;
}

@InputType()
export class EvaluationInput {
  @Field(() => [AnswerInput], {
    nullable: true,
    description: 'Answers to set, by code; criteria not listed keep their saved answer.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AnswerInput)
  answers?: AnswerInput[];

  @Field(() => Resolution, { nullable: true })
  @IsOptional()
  @IsEnum(Resolution)
  resolution?: Resolution | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  supervisorRequested?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only meaningful when a supervisor was requested.' })
  @IsOptional()
  @IsBoolean()
  supervisorProvided?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @Redacted()
  comment?: string | null;
}

@InputType()
export class DisputeInput {
  @Field(() => [String], { description: 'The criteria contested.' })
  @ArrayMinSize(1, { message: 'codes must name at least one criterion' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  codes!: string[];

  @Field()
  @IsString()
  @Length(1, 5000, { message: 'reason must be between 1 and 5000 characters' })
  @Redacted()
  reason!: string;
}

@InputType()
export class ResolveDisputeInput {
  @Field(() => DisputeDecision)
  @IsEnum(DisputeDecision)
  decision!: DisputeDecision;

  @Field(() => [AnswerInput], { nullable: true, description: 'AMEND: the new answers of the contested criteria.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AnswerInput)
  answers?: AnswerInput[];

  @Field()
  @IsString()
  @Length(1, 5000, { message: 'comment must be between 1 and 5000 characters' })
  @Redacted()
  comment!: string;
}

@InputType()
export class EvaluationFilter extends AgentWindowFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'evaluatorId must be a user id' })
  evaluatorId?: string;

  @Field(() => [EvaluationStatus], { nullable: true })
  @IsOptional()
  @IsEnum(EvaluationStatus, { each: true })
  status?: EvaluationStatus[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  criticalFailure?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  minScore?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  maxScore?: number;
}
