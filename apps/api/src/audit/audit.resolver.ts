import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator.js';
import { decodeCursor, pageSize, toConnection } from '../common/connection.js';
import type { GqlContext } from '../common/loaders.js';
import { UserModel, toUserModel } from '../user/models/user.model.js';
import { AuditService, auditCursor } from './audit.service.js';
import { parseAuditLogFilter } from './dto/audit-log.filter.js';
import { AuditEntryConnection, AuditEntryModel, toAuditEntryModel } from './models/audit-entry.model.js';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Allow('audit.read')
  @Query(() => AuditEntryConnection, {
    description: 'Newest first; `entityId` narrows to one record’s history. Every filter is optional; they combine (AND).',
  })
  async auditLog(
    @Args('entityId', { type: () => ID, nullable: true }) entityId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('entityType', { type: () => String, nullable: true, description: 'Exact record type, e.g. User, Team, Evaluation.' })
    entityType?: string,
    @Args('actorId', { type: () => ID, nullable: true, description: 'Changes made by this user.' }) actorId?: string,
    @Args('action', { type: () => String, nullable: true, description: 'Exact action, e.g. user.create.' }) action?: string,
    @Args('from', { type: () => Date, nullable: true, description: 'Entries at or after this instant.' }) from?: Date,
    @Args('to', { type: () => Date, nullable: true, description: 'Entries before this instant.' }) to?: Date,
  ): Promise<AuditEntryConnection> {
    const filter = parseAuditLogFilter({ entityId, entityType, actorId, action, from, to });
    const page = await this.audit.list(filter, pageSize(first), decodeCursor(after));
    return toConnection(page, toAuditEntryModel, auditCursor);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'null for changes made by the system (migrations, seeding).' })
  async actor(@Parent() entry: AuditEntryModel, @Context() ctx: GqlContext): Promise<UserModel | null> {
    if (!entry.actorId) return null;
    const user = await ctx.loaders.userById.load(entry.actorId);
    return user ? toUserModel(user) : null;
  }
}
