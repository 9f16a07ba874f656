import type { ParamMap } from '@angular/router';
import type { AuditFilter } from './audit.data';

/** The filters as the form and the address bar hold them: plain strings, days as `yyyy-mm-dd`. */
export interface AuditFilterForm {
  entityType: string;
  action: string;
  actorId: string;
  entityId: string;
  fromDay: string;
  toDay: string;
}

export const EMPTY_FILTER: AuditFilterForm = { entityType: '', action: '', actorId: '', entityId: '', fromDay: '', toDay: '' };

const KEYS = Object.keys(EMPTY_FILTER) as Array<keyof AuditFilterForm>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromParams(params: ParamMap): AuditFilterForm {
  return Object.fromEntries(KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as AuditFilterForm;
}

/** Only the filters set, so the address stays short. */
export function filterToParams(form: AuditFilterForm): Record<string, string> {
  return Object.fromEntries(KEYS.filter((key) => form[key]).map((key) => [key, form[key]]));
}

/** The filters as the address writes them: which selection the rows on screen belong to. */
export function filterKey(form: AuditFilterForm): string {
  return new URLSearchParams(filterToParams(form)).toString();
}

/** What the form gets wrong before asking the server, by field. */
export function checkFilter(form: AuditFilterForm): Partial<Record<keyof AuditFilterForm, 'badId' | 'badRange'>> {
  const problems: Partial<Record<keyof AuditFilterForm, 'badId' | 'badRange'>> = {};
  if (form.entityId && !UUID.test(form.entityId.trim())) problems.entityId = 'badId';
  if (form.fromDay && form.toDay && form.toDay < form.fromDay) problems.toDay = 'badRange';
  return problems;
}

/** The API's arguments: days in the browser's time zone, `to` the end of its day (exclusive). */
export function toAuditArgs(form: AuditFilterForm): AuditFilter {
  const startOf = (day: string) => {
    const date = DAY.test(day) ? new Date(`${day}T00:00:00`) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  };
  const from = startOf(form.fromDay);
  const toStart = startOf(form.toDay);
  const to = toStart ? new Date(toStart.getFullYear(), toStart.getMonth(), toStart.getDate() + 1) : null;
  return {
    entityType: form.entityType || null,
    action: form.action || null,
    actorId: form.actorId || null,
    entityId: form.entityId.trim() || null,
    from: from ? from.toISOString() : null,
    to: to ? to.toISOString() : null,
  };
}
