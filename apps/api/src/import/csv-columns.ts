import type { CallColumn, RawCallFields } from '../call/call-fields.js';
import { quoteValue } from '../common/text.js';

/** The CSV columns of docs/csv.md#columns and the call field each one fills. */
export const CSV_COLUMNS: Record<CallColumn, keyof RawCallFields | 'agentEmail'> = {
  external_id: 'externalId',
  agent_email: 'agentEmail',
  started_at: 'startedAt',
  duration_seconds: 'durationSeconds',
  direction: 'direction',
  purpose: 'purpose',
  hold_seconds: 'holdSeconds',
  transfers: 'transfers',
  customer_ref: 'customerRef',
  recording_url: 'recordingUrl',
  transcript: 'transcript',
};

export const REQUIRED_COLUMNS: readonly CallColumn[] = [
  'external_id',
  'agent_email',
  'started_at',
  'duration_seconds',
  'direction',
  'purpose',
];

export interface HeaderProblem {
  column: string | null;
  message: string;
}

/** Checks the header row; returns the column index of each known column. */
export function readHeader(header: readonly string[]): { indexes: Map<CallColumn, number>; problems: HeaderProblem[] } {
  const indexes = new Map<CallColumn, number>();
  const problems: HeaderProblem[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (!(name in CSV_COLUMNS)) {
      // The name is the file's own: quoted short, whatever its length (docs/csv.md).
      const quoted = quoteValue(raw);
      problems.push({
        column: quoted,
        message: `unknown column "${quoted}"; the columns are ${Object.keys(CSV_COLUMNS).join(', ')}`,
      });
    } else if (indexes.has(name as CallColumn)) {
      problems.push({ column: name, message: `column ${name} appears twice` });
    } else {
      indexes.set(name as CallColumn, index);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!indexes.has(column)) problems.push({ column, message: `the header has no ${column} column (required)` });
  }
  return { indexes, problems };
}
