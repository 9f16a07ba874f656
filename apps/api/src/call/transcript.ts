import { redactSensitive } from '../common/redact.js';
import { quoteValue } from '../common/text.js';
import type { TranscriptTurnValue } from './entities/call.entity.js';

export const MAX_TRANSCRIPT_LENGTH = 200_000;
const TURN = /^(?:\[(\d{1,3}):([0-5]\d)\]\s*)?(AGENT|CUSTOMER)\s*:\s*(?:\[(\d{1,3}):([0-5]\d)\]\s*)?(.*)$/i;

export type TranscriptResult = { turns: TranscriptTurnValue[] } | { error: string };

/**
 * Parses the transcript text format (docs/csv.md#transcript-format): one turn per line, each
 * `AGENT:` or `CUSTOMER:` prefixed, with an optional `[mm:ss]` offset before or after the prefix
 * (`[01:05] AGENT: Buenos días` or `AGENT: [01:05] Buenos días`). Blank lines are skipped. Card
 * numbers and security codes are masked here, the one way in for every transcript (the API and CSV
 * imports alike).
 */
export function parseTranscript(text: string): TranscriptResult {
  if (text.length > MAX_TRANSCRIPT_LENGTH) return { error: `is longer than ${MAX_TRANSCRIPT_LENGTH} characters` };
  const turns: TranscriptTurnValue[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const match = TURN.exec(line);
    if (!match) return { error: `turn ${turns.length + 1} ("${quoteValue(line, 40)}") must start with AGENT: or CUSTOMER:` };
    const minutes = match[1] ?? match[4];
    const seconds = match[2] ?? match[5];
    const said = match[6]!.trim();
    if (!said) return { error: `turn ${turns.length + 1} has no text` };
    turns.push({
      speaker: match[3]!.toUpperCase() as 'AGENT' | 'CUSTOMER',
      text: redactSensitive(said),
      offsetSeconds: minutes !== undefined ? Number(minutes) * 60 + Number(seconds) : null,
    });
  }
  return { turns };
}
