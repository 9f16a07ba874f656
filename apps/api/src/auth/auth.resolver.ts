import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { UserModel, toUserModel } from '../user/models/user.model.js';
import { UserService } from '../user/user.service.js';
import type { Actor } from './actor.js';
import { Allow } from './allow.decorator.js';
import { AuthService } from './auth.service.js';
import { CurrentActor } from './current-actor.decorator.js';
import { AuthPayloadModel } from './models/auth-payload.model.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Allow('Public')
  @Mutation(() => AuthPayloadModel, {
    description:
      'Wrong password and unknown email give the same answer. After too many failures in a minute (per email or address): TOO_MANY_REQUESTS.',
  })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context('req') req: Request,
  ): Promise<AuthPayloadModel> {
    const { token, expiresAt, user } = await this.auth.login(email, password, req.ip ?? 'unknown');
    return { accessToken: token, expiresAt, user: toUserModel(user) };
  }

  @Allow('SignedIn')
  @Mutation(() => Boolean, { description: 'Signs out everywhere: every token issued so far stops working.' })
  async logout(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.auth.logout(actor.id);
    return true;
  }

  @Allow('SignedIn')
  @Query(() => UserModel)
  async me(@CurrentActor() actor: Actor): Promise<UserModel> {
    return toUserModel(await this.users.get(actor.id));
  }
}
