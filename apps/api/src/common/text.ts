/**
 * Text from outside, checked and quoted. PostgreSQL's `text` cannot hold U+0000, and `jsonb`
 * refuses a lone UTF-16 surrogate (`\ud800` without its pair), so either would fail a write deep
 * inside a service; they are refused at the edge instead (docs/api.md, Errors).
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a string as text, or null when it is fine. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it holds an unpaired surrogate)';
  return null;
}

/** How many characters of a value from outside an error message quotes (docs/csv.md). */
export const QUOTE_LENGTH = 80;

/**
 * A value from outside as a message may quote it: at most `max` characters (code points, so an
 * emoji is never cut in half), an ellipsis where it was cut, a NUL shown as ␀ and a lone surrogate
 * as U+FFFD, so the message can be stored as JSON and read back. Reads no further than it keeps,
 * so a value of any size costs the same.
 */
export function quoteValue(value: string, max = QUOTE_LENGTH): string {
  let out = '';
  let count = 0;
  for (const char of value) {
    if (count === max) return `${out}…`;
    out += char === '\u0000' ? '␀' : char.length === 1 && LONE_SURROGATE.test(char) ? '\ufffd' : char;
    count += 1;
  }
  return out;
}
