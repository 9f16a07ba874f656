import { badInput } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';

/** The audit log's filters once checked: every one optional, all of them combined with AND. */
export interface AuditLogFilter {
  entityId?: string;
  entityType?: string;
  actorId?: string;
  action?: string;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries before this instant. */
  to?: Date;
}

/** The arguments as GraphQL hands them over (a bad DateTime arrives as an Invalid Date). */
export interface AuditLogArgs {
  entityId?: string | null;
  entityType?: string | null;
  actorId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const MAX_NAME_LENGTH = 100;

function id(value: string | null | undefined, name: string, what: string): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (!isUuid(value)) throw badInput(`${name} must be ${what} id.`, name);
  return value;
}

function name(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > MAX_NAME_LENGTH) throw badInput(`${argument} must be at most ${MAX_NAME_LENGTH} characters.`, argument);
  return trimmed;
}

function instant(value: Date | null | undefined, argument: string): Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (Number.isNaN(value.getTime())) throw badInput(`${argument} must be an ISO 8601 date-time.`, argument);
  return value;
}

/** Checks the arguments at the edge, so a bad one is BAD_USER_INPUT naming it, never a SQL error. */
export function parseAuditLogFilter(args: AuditLogArgs): AuditLogFilter {
  const filter: AuditLogFilter = {
    entityId: id(args.entityId, 'entityId', 'a record'),
    entityType: name(args.entityType, 'entityType'),
    actorId: id(args.actorId, 'actorId', 'a user'),
    action: name(args.action, 'action'),
    from: instant(args.from, 'from'),
    to: instant(args.to, 'to'),
  };
  if (filter.from && filter.to && filter.to <= filter.from) throw badInput('to must be after from.', 'to');
  return filter;
}
