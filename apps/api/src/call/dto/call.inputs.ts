import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { AgentWindowFilter } from '../../common/agent-window.filter.js';
import { CallDirection, CallPurpose } from '../../common/graphql-enums.js';

@InputType()
export class CreateCallInput {
  @Field()
  @IsString()
  @MaxLength(200)
  externalId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'agentId must be a user id' })
  agentId!: string;

  @Field()
  @IsDate()
  startedAt!: Date;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  durationSeconds!: number;

  @Field(() => CallDirection)
  @IsEnum(CallDirection)
  direction!: CallDirection;

  @Field(() => CallPurpose)
  @IsEnum(CallPurpose)
  purpose!: CallPurpose;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  holdSeconds?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  transfers?: number | null;

  @Field(() => String, { nullable: true, description: 'An opaque id, never a name or phone number.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  customerRef?: string | null;

  @Field(() => String, { nullable: true, description: 'http:// or https:// only.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  recordingUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'One turn per line: `[mm:ss] AGENT: …` or `CUSTOMER: …`.' })
  @IsOptional()
  @IsString()
  transcript?: string | null;
}

@InputType()
export class CallFilter extends AgentWindowFilter {
  @Field(() => CallDirection, { nullable: true })
  @IsOptional()
  @IsEnum(CallDirection)
  direction?: CallDirection;

  @Field(() => CallPurpose, { nullable: true })
  @IsOptional()
  @IsEnum(CallPurpose)
  purpose?: CallPurpose;

  @Field({ nullable: true, description: 'true: calls with a submitted evaluation; false: calls with none.' })
  @IsOptional()
  @IsBoolean()
  evaluated?: boolean;

  @Field({
    nullable: true,
    description:
      'true: calls drawn by a sampling plan (in someone’s queue); false: calls no plan drew — the ones to pick by hand.',
  })
  @IsOptional()
  @IsBoolean()
  assigned?: boolean;
}
