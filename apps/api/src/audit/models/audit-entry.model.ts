import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/connection.js';
import type { AuditEntryEntity } from '../entities/audit-entry.entity.js';

@ObjectType('AuditEntry', { description: 'Who did what to which record, when, with the record before and after.' })
export class AuditEntryModel {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field()
  action!: string;

  @Field()
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => String, { nullable: true, description: 'JSON of the record before the change.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the record after the change.' })
  after!: string | null;

  /** For the `actor` field resolver. */
  actorId!: string | null;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection extends Connection(AuditEntryModel, 'AuditEntry') {}

export const toAuditEntryModel = (e: AuditEntryEntity): AuditEntryModel => ({
  id: e.id,
  at: e.at,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  before: e.before === null ? null : JSON.stringify(e.before),
  after: e.after === null ? null : JSON.stringify(e.after),
  actorId: e.actorId,
});
