import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import type { ValidationOptions } from 'class-validator';
import { Role } from '../../common/graphql-enums.js';
import { LOCALES } from '../../common/roles.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from '../../auth/password.js';

const PASSWORD_RULE = `must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters`;

/**
 * A password's length in characters (code points), counted by the same function as at sign-in,
 * so a password accepted here is never refused there. The rest of the password rules need the
 * person (name, e-mail) and run in UserService (auth/password-policy.ts).
 */
function PasswordLength(min: number, max: number, options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'passwordLength',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordLength(value) >= min && passwordLength(value) <= max,
      },
    },
    options,
  );
}

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'name must be between 1 and 200 characters' })
  name!: string;

  @Field()
  @IsString()
  @PasswordLength(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: `password ${PASSWORD_RULE}` })
  password!: string;

  @Field(() => [Role])
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles!: Role[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a team id' })
  teamId?: string | null;

  @Field({ nullable: true, description: 'es (default) or en' })
  @IsOptional()
  @IsIn(LOCALES, { message: 'locale must be es or en' })
  locale?: string;
}

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'name must be between 1 and 200 characters' })
  name?: string;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @Field(() => ID, { nullable: true, description: 'null removes the user from their team' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a team id' })
  teamId?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(LOCALES, { message: 'locale must be es or en' })
  locale?: string;

  @Field({ nullable: true, description: 'A new password; changing it signs the user out everywhere.' })
  @IsOptional()
  @IsString()
  @PasswordLength(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: `password ${PASSWORD_RULE}` })
  password?: string;

  @Field({ nullable: true, description: 'Required when users change their own password.' })
  @IsOptional()
  @IsString()
  @PasswordLength(0, PASSWORD_MAX_LENGTH, { message: `currentPassword must be at most ${PASSWORD_MAX_LENGTH} characters` })
  currentPassword?: string;
}
