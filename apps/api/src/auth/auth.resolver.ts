import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UserModel, toUserModel } from '../user/models/user.model.js';
import { UserService } from '../user/user.service.js';
import type { Actor } from './actor.js';
import { Allow } from './allow.decorator.js';
import { AuthService } from './auth.service.js';
import type { RequestWithActor } from './auth.guard.js';
import { CurrentActor } from './current-actor.decorator.js';
import { AuthPayloadModel } from './models/auth-payload.model.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Allow('session.signIn')
  @Mutation(() => AuthPayloadModel, {
    description:
      'Wrong password and unknown email give the same answer. Too many attempts (per account and address, per address, per account: see docs/api.md) answer TOO_MANY_REQUESTS with retryAfterSeconds. Sets a device cookie that lets this browser past the account-wide limit later.',
  })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context('req') req: RequestWithActor,
  ): Promise<AuthPayloadModel> {
    const { token, expiresAt, user } = await this.auth.login(email, password, req.ip ?? 'unknown', req.headers.cookie);
    const device = this.auth.deviceCookie(user.email, req.secure);
    req.res?.cookie(device.name, device.value, device.options);
    // From here on the caller is this user: the payload's account fields are their own.
    req.actor = { id: user.id, email: user.email, roles: user.roles, teamId: user.teamId, locale: user.locale };
    return { accessToken: token, expiresAt, user: toUserModel(user) };
  }

  @Allow('session.use')
  @Mutation(() => Boolean, { description: 'Signs out everywhere: every token issued so far stops working.' })
  async logout(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.auth.logout(actor.id);
    return true;
  }

  @Allow('session.use')
  @Query(() => UserModel)
  async me(@CurrentActor() actor: Actor): Promise<UserModel> {
    return toUserModel(await this.users.get(actor.id));
  }
}
