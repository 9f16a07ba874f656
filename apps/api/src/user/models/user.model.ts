import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../common/graphql-enums.js';
import type { UserEntity } from '../entities/user.entity.js';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  name!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field()
  active!: boolean;

  @Field({ description: 'es or en' })
  locale!: string;

  /** Resolved by a field resolver through the per-request loader. */
  teamId!: string | null;
}

export function toUserModel(entity: UserEntity): UserModel {
  return {
    id: entity.id,
    email: entity.email,
    name: entity.name,
    roles: [...entity.roles],
    active: entity.active,
    locale: entity.locale,
    teamId: entity.teamId,
  };
}
