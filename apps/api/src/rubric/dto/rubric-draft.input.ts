import { Field, Float, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsNumber, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

@InputType()
export class CriterionInput {
  @Field({ description: 'Stable code such as R1; keep it when the rule means the same thing.' })
  @IsString()
  @MaxLength(16)
  code!: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  weight!: number;

  @Field()
  @IsBoolean()
  critical!: boolean;

  @Field()
  @IsBoolean()
  naAllowed!: boolean;

  @Field()
  @IsString()
  @MaxLength(300)
  titleEs!: string;

  @Field()
  @IsString()
  @MaxLength(300)
  titleEn!: string;

  @Field()
  @IsString()
  @MaxLength(4000)
  listenForEs!: string;

  @Field()
  @IsString()
  @MaxLength(4000)
  listenForEn!: string;
}

@InputType()
export class RubricDraftInput {
  @Field(() => [CriterionInput], { description: 'The full, ordered list of criteria (replaces the draft’s list).' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria!: CriterionInput[];
}
