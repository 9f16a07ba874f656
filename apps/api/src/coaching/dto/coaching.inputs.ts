import { Redacted } from '../../common/redacted.decorator.js';
import { Field, Float, ID, InputType, PartialType, PickType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CoachingMethod } from '../../common/graphql-enums.js';
import { LocalDateScalar } from '../../common/local-date.scalar.js';

@InputType()
export class CreateCoachingPlanInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'agentId must be a user id' })
  agentId!: string;

  @Field(() => [String], { description: '1–3 criterion codes of the active rubric.' })
  @ArrayMinSize(1, { message: 'focusCodes must name 1 to 3 criteria' })
  @ArrayMaxSize(3, { message: 'focusCodes must name 1 to 3 criteria' })
  @ArrayUnique({ message: 'focusCodes must not repeat a criterion' })
  @IsString({ each: true })
  focusCodes!: string[];

  @Field(() => [CoachingMethod])
  @ArrayMinSize(1, { message: 'methods must name at least one method' })
  @ArrayUnique({ message: 'methods must not repeat a method' })
  @IsEnum(CoachingMethod, { each: true })
  methods!: CoachingMethod[];

  @Field(() => Float, { description: 'The focus score to reach, 0–100.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'targetFocusScore must be between 0 and 100' })
  @Max(100, { message: 'targetFocusScore must be between 0 and 100' })
  targetFocusScore!: number;

  /** The Date scalar has checked the format; the decorator lets it through the whitelist. */
  @Field(() => LocalDateScalar)
  @IsString()
  startDate!: string;

  @Field(() => LocalDateScalar)
  @IsString()
  dueDate!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @Redacted()
  notes?: string | null;
}

/**
 * The fields of an active plan that may change, each optional, with the rules and the redaction
 * of `CreateCoachingPlanInput` (inherited, not repeated). A field left out keeps its value; null is
 * refused except for `notes`, where it clears them.
 */
@InputType({
  description:
    'What to change in an active plan; fields left out keep their value. The start date cannot change: the baseline (the 30 days before it) is defined by it.',
})
export class UpdateCoachingPlanInput extends PartialType(
  PickType(CreateCoachingPlanInput, ['focusCodes', 'methods', 'targetFocusScore', 'dueDate', 'notes'] as const),
  // Validate a null as the value it is (a plan always has a goal), so only `notes`, optional in the create input, may be null.
  { skipNullProperties: false },
) {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'After the start date, which stays as it is: the baseline is measured over the 30 days before it.',
  })
  override dueDate?: string;
}

@InputType()
export class CoachingSessionInput {
  @Field(() => LocalDateScalar)
  @IsString()
  date!: string;

  @Field()
  @IsString()
  @Length(1, 10000, { message: 'notes must say what was worked on' })
  @Redacted()
  notes!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @Redacted()
  agreedActions?: string | null;
}
