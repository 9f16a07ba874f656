import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow } from '../auth/allow.decorator.js';
import { decodeCursor, pageSize, toConnection, toPage } from '../common/connection.js';
import type { GqlContext } from '../common/loaders.js';
import { UserModel, toUserModel } from '../user/models/user.model.js';
import { AuditEntryEntity } from './entities/audit-entry.entity.js';
import { AuditEntryConnection, AuditEntryModel, toAuditEntryModel } from './models/audit-entry.model.js';

const auditCursor = (e: AuditEntryEntity) => ({ at: e.at.toISOString(), id: e.id });

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Allow('ReadAuditLog')
  @Query(() => AuditEntryConnection, { description: 'Newest first; `entityId` narrows to one record’s history.' })
  async auditLog(
    @Args('entityId', { type: () => ID, nullable: true }) entityId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AuditEntryConnection> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const query = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (entityId) query.andWhere('a.entity_id = :entityId', { entityId });
    if (cursor) query.andWhere('(a.at, a.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.at, cursorId: cursor.id });
    const rows = await query
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(size + 1)
      .getMany();
    return toConnection(toPage(rows, size, auditCursor), toAuditEntryModel, auditCursor);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'null for changes made by the system (migrations, seeding).' })
  async actor(@Parent() entry: AuditEntryModel, @Context() ctx: GqlContext): Promise<UserModel | null> {
    if (!entry.actorId) return null;
    const user = await ctx.loaders.userById.load(entry.actorId);
    return user ? toUserModel(user) : null;
  }
}
