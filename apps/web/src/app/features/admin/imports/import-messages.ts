/**
 * The import's line errors come from the server in English. The usual ones are shown in the
 * interface's language (a text key and its values); anything else is shown as the server wrote it.
 */
const PATTERNS: ReadonlyArray<[RegExp, string, ReadonlyArray<string>]> = [
  [/^no agent has the email (.+)$/, 'imports.msg.noAgent', ['email']],
  [/^(\w+) is required$/, 'imports.msg.required', ['column']],
  [/^(\w+) must be a whole number of 0 or more$/, 'imports.msg.wholeNumber', ['column']],
  [/^(\w+) must be one of (.+) \(got "(.*)"\)$/, 'imports.msg.oneOf', ['column', 'values', 'got']],
  [/^started_at must be an ISO 8601 date-time with an offset/, 'imports.msg.date', []],
  [/^recording_url must be an http/, 'imports.msg.url', []],
  [/^a call with external_id (.+) already exists$/, 'imports.msg.exists', ['id']],
  [/^external_id (.+) is also on line (\d+)$/, 'imports.msg.repeated', ['id', 'line']],
  [/^the line has (\d+) fields; the header has (\d+)$/, 'imports.msg.fields', ['found', 'expected']],
  [/^the header has no (\w+) column \(required\)$/, 'imports.msg.missingColumn', ['column']],
  [/^unknown column "(.*)"; the columns are/, 'imports.msg.unknownColumn', ['column']],
  [/^column (\w+) appears twice$/, 'imports.msg.twice', ['column']],
  [/^the file has a header but no calls$/, 'imports.msg.noCalls', []],
  [/^the file is empty/, 'imports.msg.empty', []],
];

export function localizeLineError(message: string): { key: string; params: Record<string, string> } | null {
  for (const [pattern, key, names] of PATTERNS) {
    const match = message.match(pattern);
    if (match) return { key, params: Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ''])) };
  }
  return null;
}
