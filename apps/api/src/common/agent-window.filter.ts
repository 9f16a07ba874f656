import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsUUID } from 'class-validator';

/** The filters calls and evaluations share: whose calls, and when the calls happened. */
@InputType({ isAbstract: true })
export abstract class AgentWindowFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'agentId must be a user id' })
  agentId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a team id' })
  teamId?: string;

  @Field({ nullable: true, description: 'Calls that started at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field({ nullable: true, description: 'Calls that started before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
