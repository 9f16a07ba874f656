import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import cronParser from 'cron-parser';
import { join, resolve } from 'node:path';

/** Everything the process reads from its environment, validated once at start. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** A real PostgreSQL server; when absent the embedded database is used. */
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  seedDemo: boolean;
  orgTimeZone: string;
  disputeWindowDays: number;
  /** The largest CSV upload accepted, in bytes. */
  importMaxBytes: number;
  webDir: string;
  /** Origins (scheme://host[:port]) whose pages may call the API from a browser; empty = same origin only. */
  corsOrigins: string[];
  /** Proxy hops to trust for the client's address (X-Forwarded-For); 0 = connect directly. */
  trustProxyHops: number;
  /** Requests per minute one user (or, signed out, one address) may make to one API process. */
  rateLimitPerMinute: number;
  /** Longest one SQL statement may run, in milliseconds, before it is cancelled. */
  statementTimeoutMs: number;
  /** Connections per API process; null = 10 on a server, 4 on the embedded database. */
  databasePoolSize: number | null;
  /**
   * Sign-in attempts per minute per (account, address) and per device cookie before further ones
   * are refused for the rest of the minute; also wrong current passwords per user per hour.
   */
  loginFailuresPerMinute: number;
  /** Longest a client may take to send a request's headers, in milliseconds, before it is disconnected. */
  headersTimeoutMs: number;
  /** Longest a client may take to send a whole request, body included, in milliseconds. */
  requestTimeoutMs: number;
  /** Sign-in attempts per minute from one address, whatever the account. */
  loginAddressFailuresPerMinute: number;
  /** Sign-in attempts per hour on one account from all addresses before the progressive delay. */
  loginAccountFailuresPerHour: number;
  /** Password hashes and verifications at once; beyond, TOO_MANY_REQUESTS at once. */
  hashConcurrency: number;
  /** When expired sign-in attempt counters are swept (a five-field cron expression, UTC). */
  loginAttemptSweepCron: string;
  /**
   * When active sampling plans draw the week that has just ended (a five-field cron expression,
   * read in ORG_TIME_ZONE): Monday 06:00 (docs/rubric.md#sampling).
   */
  samplingDrawCron: string;
}

/** A bad configuration value; the message names the variable so an operator can fix it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

function timeZone(env: Env, name: string): string {
  const raw = env[name]?.trim() || 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: raw });
  } catch {
    throw new ConfigError(name, `must be an IANA time zone such as Europe/Madrid, got "${raw}"`);
  }
  return raw;
}

function databaseUrl(env: Env): string | null {
  const raw = env['DATABASE_URL']?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'must be a URL such as postgres://user@host:5432/db');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got "${url.protocol}"`);
  }
  return raw;
}

/**
 * The signing secret. Production must be given one (a generated secret would differ per API
 * process and log everybody out on restart); elsewhere one is generated once and kept in the
 * data folder so sessions survive restarts.
 */
function jwtSecret(env: Env, nodeEnv: AppConfig['nodeEnv'], dataDir: string): string {
  const raw = env['JWT_SECRET'];
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
    return raw;
  }
  if (nodeEnv === 'production') {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production (at least 32 random characters)');
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** A five-field cron expression (minute hour day month weekday, UTC), such as `*\/10 * * * *`. */
function cron(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim() || fallback;
  const fields = raw.split(/\s+/);
  let valid = fields.length === 5;
  try {
    if (valid) cronParser.parseExpression(raw, { tz: 'UTC' });
  } catch {
    valid = false;
  }
  if (!valid) throw new ConfigError(name, `must be a five-field cron expression such as "*/10 * * * *", got "${raw}"`);
  return fields.join(' ');
}

function origins(env: Env, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      // reported below
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
      throw new ConfigError(name, `must be a comma-separated list of origins such as https://qa.example.com, got "${value}"`);
    }
    return url.origin;
  });
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const rawNodeEnv = env['NODE_ENV']?.trim() || 'development';
  if (!['development', 'production', 'test'].includes(rawNodeEnv)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${rawNodeEnv}"`);
  }
  const nodeEnv = rawNodeEnv as AppConfig['nodeEnv'];
  const dataDir = resolve(cwd, env['DATA_DIR']?.trim() || '.data');
  const dbUrl = databaseUrl(env);
  // Demo accounts have published passwords: never in production unless asked for, and on a
  // real server only when asked for (it may hold real people).
  const seedDefault = nodeEnv !== 'production' && dbUrl === null;
  return {
    nodeEnv,
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env['HOST']?.trim() || '0.0.0.0',
    databaseUrl: dbUrl,
    dataDir,
    jwtSecret: jwtSecret(env, nodeEnv, dataDir),
    jwtExpiresInSeconds: integer(env, 'JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    seedDemo: bool(env, 'SEED_DEMO', seedDefault),
    orgTimeZone: timeZone(env, 'ORG_TIME_ZONE'),
    disputeWindowDays: integer(env, 'DISPUTE_WINDOW_DAYS', 14, 1, 365),
    importMaxBytes: integer(env, 'IMPORT_MAX_BYTES', 100 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
    webDir: resolve(cwd, env['WEB_DIR']?.trim() || 'dist/web/browser'),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1200, 10, 1_000_000),
    loginFailuresPerMinute: integer(env, 'LOGIN_FAILURES_PER_MINUTE', 10, 1, 1000),
    loginAddressFailuresPerMinute: integer(env, 'LOGIN_ADDRESS_FAILURES_PER_MINUTE', 30, 1, 10_000),
    loginAccountFailuresPerHour: integer(env, 'LOGIN_ACCOUNT_FAILURES_PER_HOUR', 20, 1, 10_000),
    hashConcurrency: integer(env, 'HASH_CONCURRENCY', 2 * availableParallelism(), 1, 1024),
    loginAttemptSweepCron: cron(env, 'LOGIN_ATTEMPT_SWEEP_CRON', '*/10 * * * *'),
    samplingDrawCron: cron(env, 'SAMPLING_DRAW_CRON', '0 6 * * 1'),
    statementTimeoutMs: integer(env, 'STATEMENT_TIMEOUT_MS', 30_000, 100, 3_600_000),
    databasePoolSize: env['DATABASE_POOL_SIZE']?.trim() ? integer(env, 'DATABASE_POOL_SIZE', 10, 1, 100) : null,
    ...requestTimeouts(env),
  };
}

/** Node refuses a headers timeout longer than the whole request's, so the pair is checked together. */
function requestTimeouts(env: Env): { headersTimeoutMs: number; requestTimeoutMs: number } {
  const headersTimeoutMs = integer(env, 'HEADERS_TIMEOUT_MS', 10_000, 100, 600_000);
  const requestTimeoutMs = integer(env, 'REQUEST_TIMEOUT_MS', 60_000, 100, 3_600_000);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      'HEADERS_TIMEOUT_MS',
      `must not be longer than REQUEST_TIMEOUT_MS (${requestTimeoutMs}), got ${headersTimeoutMs}`,
    );
  }
  return { headersTimeoutMs, requestTimeoutMs };
}
