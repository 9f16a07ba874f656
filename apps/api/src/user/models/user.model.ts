import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import { forbidden } from '../../common/errors.js';
import { decide } from '@decalogo/access';
import { Role } from '../../common/graphql-enums.js';
import type { GqlContext } from '../../common/loaders.js';
import type { UserEntity } from '../entities/user.entity.js';

/**
 * A person's account details (roles, status, language) are for staff — administrators,
 * evaluators, coaches — and for the person themself. An agent sees colleagues, evaluators and
 * coaches by name and work email only; asking for more is FORBIDDEN, whatever path through the
 * graph leads there.
 */
const staffOrSelf: FieldMiddleware = async (ctx: MiddlewareContext<UserModel, GqlContext>, next: NextFn) => {
  const actor = ctx.context.req.actor;
  if (actor && decide('users.details', actor, { owner: ctx.source.id }, false).allowed) return next();
  throw forbidden(`Only staff can see another person’s ${ctx.info?.fieldName ?? 'details'}.`);
};

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  name!: string;

  @Field(() => [Role], { middleware: [staffOrSelf], description: 'Staff and the person themself only.' })
  roles!: Role[];

  @Field({ middleware: [staffOrSelf], description: 'Staff and the person themself only.' })
  active!: boolean;

  @Field({ middleware: [staffOrSelf], description: 'es or en. Staff and the person themself only.' })
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
