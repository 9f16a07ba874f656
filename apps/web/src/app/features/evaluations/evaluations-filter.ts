import type { ParamMap } from '@angular/router';
import type { EvaluationFilter, EvaluationStatus } from '../../graphql-types';
import { STATUSES } from './evaluations.data';

/** The list's filters as the address bar keeps them (days as `yyyy-mm-dd`, both included). */
export interface EvaluationsFilterForm {
  agentId: string;
  teamId: string;
  statuses: EvaluationStatus[];
  fromDay: string;
  toDay: string;
  criticalOnly: boolean;
}

export const EMPTY_FILTER: EvaluationsFilterForm = {
  agentId: '',
  teamId: '',
  statuses: [],
  fromDay: '',
  toDay: '',
  criticalOnly: false,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromParams(params: ParamMap): EvaluationsFilterForm {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is EvaluationStatus => STATUSES.includes(s as EvaluationStatus));
  return {
    agentId: params.get('agent') ?? '',
    teamId: params.get('team') ?? '',
    statuses,
    fromDay: params.get('from') ?? '',
    toDay: params.get('to') ?? '',
    criticalOnly: params.get('critical') === '1',
  };
}

export function filterToParams(form: EvaluationsFilterForm): Record<string, string> {
  const params: Record<string, string> = {};
  if (form.agentId) params['agent'] = form.agentId;
  if (form.teamId) params['team'] = form.teamId;
  // In the order of the workflow, whatever order they were ticked in.
  if (form.statuses.length) params['status'] = STATUSES.filter((s) => form.statuses.includes(s)).join(',');
  if (form.fromDay) params['from'] = form.fromDay;
  if (form.toDay) params['to'] = form.toDay;
  if (form.criticalOnly) params['critical'] = '1';
  return params;
}

function startOfDay(day: string): Date | null {
  const date = DAY.test(day) ? new Date(`${day}T00:00:00`) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** The API's filter: days in the browser's time zone, `to` the start of the day after (exclusive). */
export function toApiFilter(form: EvaluationsFilterForm): EvaluationFilter {
  const from = startOfDay(form.fromDay);
  const toStart = startOfDay(form.toDay);
  const to = toStart ? new Date(toStart.getFullYear(), toStart.getMonth(), toStart.getDate() + 1) : null;
  return {
    agentId: form.agentId || null,
    teamId: form.teamId || null,
    status: form.statuses.length ? STATUSES.filter((s) => form.statuses.includes(s)) : null,
    from: from ? from.toISOString() : null,
    to: to ? to.toISOString() : null,
    criticalFailure: form.criticalOnly ? true : null,
  };
}
