import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { TeamEntity } from '../entities/team.entity.js';

@ObjectType('Team')
export class TeamModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

export const toTeamModel = (entity: TeamEntity): TeamModel => ({ id: entity.id, name: entity.name });
