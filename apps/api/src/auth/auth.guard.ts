import { Injectable, Logger } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mayTake } from '@decalogo/access';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { forbidden, unauthenticated } from '../common/errors.js';
import type { Locale, Role } from '../common/roles.js';
import type { Actor } from './actor.js';
import { POLICY_METADATA } from './allow.decorator.js';
import type { Policy } from './allow.decorator.js';
import { TokenService } from './token.service.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

export type RequestWithActor = Request & { actor?: Actor };

/**
 * The global guard: fails closed. An operation with no declared policy is refused; any other
 * needs a valid token of an active user whose token version still matches.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly db: TransactionalConnection,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      this.logger.error(`No policy declared for ${context.getClass().name}.${context.getHandler().name}`);
      throw forbidden();
    }
    if (policy.public) return true;

    const request = requestOf(context);
    const actor = await this.authenticate(request);
    // The roles come from the access table (libs/access): none of the caller's may take the action → FORBIDDEN.
    if (!mayTake(actor.roles, policy.action)) throw forbidden();
    request.actor = actor;
    return true;
  }

  private async authenticate(request: RequestWithActor): Promise<Actor> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthenticated();
    const claims = this.tokens.verify(match[1]!);
    if (!claims) throw unauthenticated('Your session is invalid or has expired. Sign in again.');
    // Every request checks the user afresh (deactivation and sign-out take effect at once); plain
    // SQL because it runs on every request and the ORM's query building costs more than the query.
    const [user] = (await this.db.manager.query(
      `SELECT id, email, roles, team_id, locale, active, token_version FROM app_user WHERE id = $1`,
      [claims.sub],
    )) as Array<{
      id: string;
      email: string;
      roles: Role[];
      team_id: string | null;
      locale: Locale;
      active: boolean;
      token_version: number;
    }>;
    if (!user || !user.active || user.token_version !== claims.tv) {
      throw unauthenticated('Your session is no longer valid. Sign in again.');
    }
    return { id: user.id, email: user.email, roles: user.roles, teamId: user.team_id, locale: user.locale };
  }
}

export function requestOf(context: ExecutionContext): RequestWithActor {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithActor }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithActor>();
}
