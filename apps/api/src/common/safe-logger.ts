import { ConsoleLogger } from '@nestjs/common';

/**
 * Logs without the values a failed statement carried (README.md, Security). A database
 * error as TypeORM throws it holds the SQL, every parameter (a new user's password hash, a
 * comment, a transcript) and PostgreSQL's `detail` ("Key (email)=(…) already exists", "Failing
 * row contains (…)"); printed as it is, all of it would reach the log. What is kept is what an
 * operator acts on: the SQLSTATE code, the constraint, table, column and type, and the message
 * with any quoted value blanked.
 */

/** The fields of a PostgreSQL error that name things, never values. */
const NAMING_FIELDS = ['code', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const;

type Facts = Partial<Record<(typeof NAMING_FIELDS)[number], string>>;

/** A database error: TypeORM's QueryFailedError (it carries the query and its parameters) or the driver's own. */
function isDatabaseError(error: Error): boolean {
  const e = error as Error & Record<string, unknown>;
  if ('driverError' in e || 'parameters' in e || 'query' in e) return true;
  return typeof e['code'] === 'string' && /^[0-9A-Z]{5}$/.test(e['code']) && 'severity' in e;
}

function factsOf(error: Error): Facts {
  const source = ((error as { driverError?: unknown }).driverError ?? error) as Record<string, unknown>;
  const facts: Facts = {};
  for (const field of NAMING_FIELDS) {
    const value = source[field] ?? (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' && value) facts[field] = value;
  }
  return facts;
}

/**
 * PostgreSQL quotes names and values alike (`constraint "app_user_email_key"`, `type uuid:
 * "abc"`): a quoted part stays only when it is one of the error's own names.
 */
function blankValues(message: string, facts: Facts): string {
  const names = new Set(Object.values(facts));
  return message.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, inner: string) => (names.has(inner) ? whole : '"…"'));
}

const frames = (stack: string | undefined) => (stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));

/** One line for a log: the error's name, its message and, for a database error, its code and names only. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!isDatabaseError(error)) return `${error.name}: ${error.message}`;
  const facts = factsOf(error);
  const named = Object.entries(facts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${error.name}: ${blankValues(error.message, facts)}${named ? ` (${named})` : ''}`;
}

/**
 * The error as it may be logged: a database error becomes a plain Error with the same name, the
 * blanked message, the stack frames and the naming fields, and nothing else; one that merely
 * wraps one (`cause`) keeps its own message with the cause made safe; any other error is itself.
 */
export function safeForLog(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error) || depth > 5) return value;
  if (isDatabaseError(value)) {
    const facts = factsOf(value);
    const message = blankValues(value.message, facts);
    const safe = new Error(message);
    safe.name = value.name;
    safe.stack = [`${value.name}: ${message}`, ...frames(value.stack)].join('\n');
    return Object.assign(safe, facts);
  }
  const cause = (value as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const safeCause = safeForLog(cause, depth + 1);
    if (safeCause !== cause) {
      const copy = new Error(value.message, { cause: safeCause });
      copy.name = value.name;
      copy.stack = value.stack;
      return copy;
    }
  }
  return value;
}

/**
 * The app's logger: Nest's console logger, with every error handed to it made safe first. Nest's
 * exception handlers log an unexpected error as the object itself, so this is where a failed
 * statement would otherwise be printed with its parameters.
 */
export class SafeLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    super.log(safeForLog(message), ...rest.map((v) => safeForLog(v)));
  }
  override error(message: unknown, ...rest: unknown[]): void {
    super.error(safeForLog(message), ...rest.map((v) => safeForLog(v)));
  }
  override warn(message: unknown, ...rest: unknown[]): void {
    super.warn(safeForLog(message), ...rest.map((v) => safeForLog(v)));
  }
  override debug(message: unknown, ...rest: unknown[]): void {
    super.debug(safeForLog(message), ...rest.map((v) => safeForLog(v)));
  }
  override verbose(message: unknown, ...rest: unknown[]): void {
    super.verbose(safeForLog(message), ...rest.map((v) => safeForLog(v)));
  }
  override fatal(message: unknown, ...rest: unknown[]): void {
    super.fatal(safeForLog(message), ...rest.map((v) => safeForLog(v)));
  }
}
