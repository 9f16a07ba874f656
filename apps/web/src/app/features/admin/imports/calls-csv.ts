import { csvRecord } from '@decalogo/scoring';
import type { CallPurpose } from '../../../graphql-types';

/** The columns of docs/csv.md#columns, in the order the example file uses. */
export const CSV_COLUMNS: ReadonlyArray<{ name: string; required: boolean }> = [
  { name: 'external_id', required: true },
  { name: 'agent_email', required: true },
  { name: 'started_at', required: true },
  { name: 'duration_seconds', required: true },
  { name: 'direction', required: true },
  { name: 'purpose', required: true },
  { name: 'hold_seconds', required: false },
  { name: 'transfers', required: false },
  { name: 'customer_ref', required: false },
  { name: 'recording_url', required: false },
  { name: 'transcript', required: false },
];

export const CALL_PURPOSES = [
  'SUPPORT',
  'SALES',
  'RETENTION',
  'POST_SALE',
  'COMPLAINT',
  'COLLECTIONS_EARLY',
  'COLLECTIONS_MID',
  'COLLECTIONS_LATE',
  'FEEDBACK',
  'OTHER',
] as const satisfies readonly CallPurpose[];

/**
 * A small valid file to start from: every column, one call with a transcript (a quoted field
 * spanning lines) and one with only the required values. The agent emails are placeholders.
 */
export function exampleCsv(agentEmail: string): string {
  const rows: string[][] = [
    CSV_COLUMNS.map((c) => c.name),
    [
      'CALL-0001',
      agentEmail,
      '2026-11-02T09:30:00+01:00',
      '312',
      'INBOUND',
      'SUPPORT',
      '45',
      '0',
      'CUST-8812',
      'https://recordings.example.com/CALL-0001.mp3',
      'AGENT: [00:01] Buenos días, le atiende Lucía.\nCUSTOMER: [00:05] Hola, no tengo internet desde ayer.',
    ],
    ['CALL-0002', agentEmail, '2026-11-02T10:05:00+01:00', '187', 'OUTBOUND', 'RETENTION', '', '', '', '', ''],
  ];
  // The same writer as the API's exports: no cell can start a spreadsheet formula.
  return rows.map((row) => csvRecord(row, ',')).join('');
}

/**
 * How many calls a file holds: records after the header, not lines (a quoted transcript spans
 * lines), empty lines skipped as the server skips them. Only for showing progress before the
 * server has counted; the server's count wins once it has one.
 */
export function countRecords(text: string): number {
  let records = 0;
  let inQuotes = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      inQuotes = !inQuotes;
      content = true;
    } else if (ch === 10 /* \n */ && !inQuotes) {
      if (content) records += 1;
      content = false;
    } else if (ch !== 13 /* \r */ && ch !== 0xfeff /* BOM */) {
      content = true;
    }
  }
  if (content) records += 1;
  return Math.max(0, records - 1);
}
