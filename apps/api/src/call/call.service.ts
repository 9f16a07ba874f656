import { Injectable } from '@nestjs/common';
import { AccessService, LIST_COLUMNS } from '../access/access.service.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { decodeCursor, pageSize, toPage } from '../common/connection.js';
import type { Page } from '../common/connection.js';
import { badInput } from '../common/errors.js';
import { Role } from '../common/roles.js';
import { UserEntity } from '../user/entities/user.entity.js';
import { validateCallFields } from './call-fields.js';
import type { CallFilter, CreateCallInput } from './dto/call.inputs.js';
import { CallEntity } from './entities/call.entity.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export const callCursor = (call: CallEntity) => ({ at: call.startedAt.toISOString(), id: call.id });

@Injectable()
export class CallService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateCallInput): Promise<CallEntity> {
    const { value, problems } = validateCallFields(input);
    if (!value) {
      const fields = problems.map((p) => `input.${camel(p.column)}`);
      throw badInput(problems.map((p) => p.message).join('; '), fields[0], {
        issues: problems.map((p, i) => ({ field: fields[i], message: p.message })),
      });
    }
    return this.db.transaction(async (manager) => {
      const agent = await manager.findOneBy(UserEntity, { id: input.agentId });
      if (!agent || !agent.roles.includes(Role.AGENT)) throw badInput('agentId must be the id of an agent.', 'input.agentId');
      if (await manager.exists(CallEntity, { where: { externalId: value.externalId } })) {
        throw badInput(`A call with external id ${value.externalId} already exists.`, 'input.externalId');
      }
      const call = manager.create(CallEntity, { ...value, agentId: agent.id, createdBy: actor.id });
      await manager.save(call);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'call.create',
        entityType: 'Call',
        entityId: call.id,
        after: { externalId: call.externalId, agentId: call.agentId, startedAt: call.startedAt, purpose: call.purpose },
      });
      return call;
    });
  }

  /** A call the caller may read, or null (not found and not allowed look the same). */
  async get(actor: Actor, id: string): Promise<CallEntity | null> {
    const call = await this.db.getRepository(CallEntity).findOneBy({ id });
    if (!call || !(await this.access.allows(actor, 'calls.read', call))) return null;
    return call;
  }

  /** Newest first, keyset-paginated by (started_at, id). */
  async list(actor: Actor, filter: CallFilter = {}, first?: number | null, after?: string | null): Promise<Page<CallEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const query = this.db.getRepository(CallEntity).createQueryBuilder('c');
    const scope = await this.access.listScope(actor, 'calls.read', LIST_COLUMNS.call);
    if (scope) query.andWhere(scope.sql, scope.params);
    if (filter.agentId) query.andWhere('c.agent_id = :agentId', { agentId: filter.agentId });
    if (filter.teamId)
      query.andWhere('c.agent_id IN (SELECT u.id FROM app_user u WHERE u.team_id = :teamId)', { teamId: filter.teamId });
    if (filter.direction) query.andWhere('c.direction = :direction', { direction: filter.direction });
    if (filter.purpose) query.andWhere('c.purpose = :purpose', { purpose: filter.purpose });
    if (filter.from) query.andWhere('c.started_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('c.started_at < :to', { to: filter.to });
    if (filter.evaluated !== undefined && filter.evaluated !== null) {
      const exists = `EXISTS (SELECT 1 FROM evaluation e WHERE e.call_id = c.id AND e.status <> 'DRAFT')`;
      query.andWhere(filter.evaluated ? exists : `NOT ${exists}`);
    }
    if (filter.assigned !== undefined && filter.assigned !== null) {
      const exists = `EXISTS (SELECT 1 FROM assignment a WHERE a.call_id = c.id)`;
      query.andWhere(filter.assigned ? exists : `NOT ${exists}`);
    }
    if (cursor) query.andWhere('(c.started_at, c.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.at, cursorId: cursor.id });
    const rows = await query
      .orderBy('c.started_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(size + 1)
      .getMany();
    return toPage(rows, size, callCursor);
  }
}
