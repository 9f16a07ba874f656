import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CallPurpose } from '../../common/graphql-enums.js';

/** A sampling plan as an administrator writes it (docs/rubric.md#sampling); the same input creates and changes one. */
@InputType()
export class SamplingPlanInput {
  @Field()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120, { message: 'name must be at most 120 characters' })
  name!: string;

  @Field(() => [ID], { description: 'The teams whose agents’ calls are drawn.' })
  @ArrayMinSize(1, { message: 'teamIds must name at least one team' })
  @ArrayMaxSize(200, { message: 'teamIds must name at most 200 teams' })
  @ArrayUnique({ message: 'teamIds must not repeat a team' })
  @IsUUID('all', { each: true, message: 'teamIds must be team ids' })
  teamIds!: string[];

  @Field(() => Int, { description: 'n: calls drawn per agent and week, 1–50.' })
  @IsInt({ message: 'callsPerAgentPerWeek must be a whole number' })
  @Min(1, { message: 'callsPerAgentPerWeek must be between 1 and 50' })
  @Max(50, { message: 'callsPerAgentPerWeek must be between 1 and 50' })
  callsPerAgentPerWeek!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Share n among the purposes in proportion to their calls (default false).',
  })
  @IsOptional()
  @IsBoolean()
  stratifyByPurpose?: boolean | null;

  @Field(() => [CallPurpose], { nullable: true, description: 'The eligible purposes; left out: every purpose.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'purposes must name at least one purpose, or be left out for every purpose' })
  @ArrayUnique({ message: 'purposes must not repeat a purpose' })
  @IsEnum(CallPurpose, { each: true, message: 'purposes must be call purposes' })
  purposes?: CallPurpose[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The draw’s key; left out: a random one is made when the plan is created.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'seed must not be empty' })
  @MaxLength(200, { message: 'seed must be at most 200 characters' })
  seed?: string | null;

  @Field(() => Float, { nullable: true, description: 'The margin of error to aim for, in points (default 5).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'targetMargin must be a number' })
  @Min(0.1, { message: 'targetMargin must be between 0.1 and 100 points' })
  @Max(100, { message: 'targetMargin must be between 0.1 and 100 points' })
  targetMargin?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the coaches of a call’s team also take its assignments (default false).',
  })
  @IsOptional()
  @IsBoolean()
  includeCoaches?: boolean | null;

  @Field(() => Float, { nullable: true, description: 'The share (0–1) of each draw taken from risk-flagged calls (default 0).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'flaggedShare must be a number' })
  @Min(0, { message: 'flaggedShare must be between 0 and 1' })
  @Max(1, { message: 'flaggedShare must be between 0 and 1' })
  flaggedShare?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the plan draws each week (default true); false pauses it.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}
