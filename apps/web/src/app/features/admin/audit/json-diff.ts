/** One line of a before/after comparison: a path into the record and its two values. */
export interface DiffLine {
  /** Dotted path, e.g. `answers.R5.value`. */
  path: string;
  before: string | undefined;
  after: string | undefined;
  change: 'added' | 'removed' | 'changed' | 'same';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Compares two JSON snapshots of a record key by key. Nested objects are walked (so a change deep
 * inside an evaluation's answers shows as `answers.R5.value`); arrays and scalars are compared
 * whole and shown as compact JSON. Keys keep the order they first appear in (before, then after).
 */
export function diffJson(beforeText: string | null, afterText: string | null): DiffLine[] {
  const before = flatten(parse(beforeText));
  const after = flatten(parse(afterText));
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  return paths.map((path) => {
    const b = before.get(path);
    const a = after.get(path);
    const change = b === undefined ? 'added' : a === undefined ? 'removed' : a === b ? 'same' : 'changed';
    return { path, before: b, after: a, change };
  });
}

function parse(text: string | null): Json {
  if (text === null || text === '') return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

function flatten(value: Json, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    // An empty object is a value of its own (`{}`), not the absence of one.
    if (!entries.length && prefix) into.set(prefix, '{}');
    for (const [key, child] of entries) flatten(child, prefix ? `${prefix}.${key}` : key, into);
    return into;
  }
  // A whole record that is null (no "before" for a creation) has no lines.
  if (value === null && !prefix) return into;
  into.set(prefix || '(value)', typeof value === 'string' ? value : JSON.stringify(value));
  return into;
}
