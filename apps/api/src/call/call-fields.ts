import { CALL_DIRECTIONS, CALL_PURPOSES } from './entities/call.entity.js';
import type { CallDirectionValue, CallPurposeValue, TranscriptTurnValue } from './entities/call.entity.js';
import { quoteValue } from '../common/text.js';
import { parseTranscript } from './transcript.js';

/** A call's fields as they arrive from outside (GraphQL or a CSV line), before validation. */
export interface RawCallFields {
  externalId?: unknown;
  startedAt?: unknown;
  durationSeconds?: unknown;
  direction?: unknown;
  purpose?: unknown;
  holdSeconds?: unknown;
  transfers?: unknown;
  customerRef?: unknown;
  recordingUrl?: unknown;
  transcript?: unknown;
}

export interface ValidCallFields {
  externalId: string;
  startedAt: Date;
  durationSeconds: number;
  direction: CallDirectionValue;
  purpose: CallPurposeValue;
  holdSeconds: number | null;
  transfers: number | null;
  customerRef: string | null;
  recordingUrl: string | null;
  transcript: TranscriptTurnValue[];
}

/** The field of a call a problem is about, named as the CSV column (the GraphQL field is its camelCase). */
export type CallColumn =
  | 'external_id'
  | 'started_at'
  | 'duration_seconds'
  | 'direction'
  | 'purpose'
  | 'hold_seconds'
  | 'transfers'
  | 'customer_ref'
  | 'recording_url'
  | 'transcript'
  | 'agent_email';

export interface FieldProblem {
  column: CallColumn;
  message: string;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const MAX_INT = 2_147_483_647;

const empty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function wholeNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return null;
}

/**
 * Validates every field of a call the same way for GraphQL and CSV input (docs/csv.md#columns): required
 * values, whole numbers ≥ 0, enums, ISO 8601 instants with an offset, http(s) recording URLs,
 * the transcript format. All problems are returned, not just the first.
 */
export function validateCallFields(raw: RawCallFields): { value: ValidCallFields | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (column: CallColumn, message: string) => problems.push({ column, message });

  const externalId = typeof raw.externalId === 'string' ? raw.externalId.trim() : '';
  if (!externalId) problem('external_id', 'external_id is required');
  else if (externalId.length > 200) problem('external_id', 'external_id must be at most 200 characters');

  let startedAt: Date | null = null;
  if (empty(raw.startedAt)) problem('started_at', 'started_at is required');
  else if (raw.startedAt instanceof Date) startedAt = Number.isNaN(raw.startedAt.getTime()) ? null : raw.startedAt;
  else if (
    typeof raw.startedAt === 'string' &&
    ISO_WITH_OFFSET.test(raw.startedAt.trim()) &&
    !Number.isNaN(Date.parse(raw.startedAt))
  ) {
    startedAt = new Date(raw.startedAt.trim());
  }
  if (!empty(raw.startedAt) && !startedAt) {
    problem('started_at', 'started_at must be an ISO 8601 date-time with an offset, e.g. 2026-11-02T09:30:00+01:00');
  }

  const count = (column: CallColumn, value: unknown, required: boolean): number | null => {
    if (empty(value)) {
      if (required) problem(column, `${column} is required`);
      return null;
    }
    const n = wholeNumber(value);
    if (n === null || n < 0 || n > MAX_INT) {
      problem(column, `${column} must be a whole number of 0 or more`);
      return null;
    }
    return n;
  };
  const durationSeconds = count('duration_seconds', raw.durationSeconds, true);
  const holdSeconds = count('hold_seconds', raw.holdSeconds, false);
  const transfers = count('transfers', raw.transfers, false);

  const pick = <T extends string>(column: CallColumn, value: unknown, allowed: readonly T[]): T | null => {
    if (empty(value)) {
      problem(column, `${column} is required`);
      return null;
    }
    const v = String(value).trim().toUpperCase() as T;
    if (!allowed.includes(v)) {
      problem(column, `${column} must be one of ${allowed.join(', ')} (got "${quoteValue(String(value).trim(), 40)}")`);
      return null;
    }
    return v;
  };
  const direction = pick('direction', raw.direction, CALL_DIRECTIONS);
  const purpose = pick('purpose', raw.purpose, CALL_PURPOSES);

  let customerRef: string | null = null;
  if (!empty(raw.customerRef)) {
    customerRef = String(raw.customerRef).trim();
    if (customerRef.length > 200) problem('customer_ref', 'customer_ref must be at most 200 characters');
  }

  let recordingUrl: string | null = null;
  if (!empty(raw.recordingUrl)) {
    recordingUrl = String(raw.recordingUrl).trim();
    const url = URL.canParse(recordingUrl) ? new URL(recordingUrl) : null;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || recordingUrl.length > 2000) {
      problem('recording_url', 'recording_url must be an http:// or https:// URL');
    }
  }

  let transcript: TranscriptTurnValue[] = [];
  if (!empty(raw.transcript)) {
    const parsed = parseTranscript(String(raw.transcript));
    if ('error' in parsed) problem('transcript', `transcript: ${parsed.error}`);
    else transcript = parsed.turns;
  }

  if (problems.length) return { value: null, problems };
  return {
    value: {
      externalId,
      startedAt: startedAt!,
      durationSeconds: durationSeconds!,
      direction: direction!,
      purpose: purpose!,
      holdSeconds,
      transfers,
      customerRef,
      recordingUrl,
      transcript,
    },
    problems,
  };
}
