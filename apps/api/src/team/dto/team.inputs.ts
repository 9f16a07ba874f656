import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsOptional, IsString, IsUUID, Length } from 'class-validator';

@InputType()
export class CreateTeamInput {
  @Field()
  @IsString()
  @Length(1, 120, { message: 'name must be between 1 and 120 characters' })
  name!: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'coachIds must be user ids' })
  coachIds?: string[];
}

@InputType()
export class UpdateTeamInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'name must be between 1 and 120 characters' })
  name?: string;

  @Field(() => [ID], { nullable: true, description: 'The full list of coaches (replaces the current one).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'coachIds must be user ids' })
  coachIds?: string[];
}
