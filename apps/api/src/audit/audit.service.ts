import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Cursor, Page } from '../common/connection.js';
import { toPage } from '../common/connection.js';
import type { AuditLogFilter } from './dto/audit-log.filter.js';
import { AuditEntryEntity } from './entities/audit-entry.entity.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** The keyset of the log's order (newest first, id breaking ties within one transaction). */
export const auditCursor = (e: AuditEntryEntity): Cursor => ({ at: e.at.toISOString(), id: e.id });

/**
 * Writes audit entries and reads the log. Writing takes the caller's transaction manager on
 * purpose: an entry is written in the same transaction as the change it records, or not at all.
 */
@Injectable()
export class AuditService {
  constructor(private readonly db: TransactionalConnection) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await manager.insert(AuditEntryEntity, {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    });
  }

  /** One page of the log, newest first; the filters are applied in SQL before the page is cut. */
  async list(filter: AuditLogFilter, size: number, cursor: Cursor | null): Promise<Page<AuditEntryEntity>> {
    const query = this.db.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (filter.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.entityType) query.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.actorId) query.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.from) query.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.at < :to', { to: filter.to });
    if (cursor) query.andWhere('(a.at, a.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.at, cursorId: cursor.id });
    const rows = await query
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(size + 1)
      .getMany();
    return toPage(rows, size, auditCursor);
  }
}
