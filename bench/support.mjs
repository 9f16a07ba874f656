// Shared helpers for the benchmarks: a fresh database on the local PostgreSQL server, the built
// app started as its own process on it, the sizes, percentiles, and the results file.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem, tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * BENCH_SMOKE=1: every size tiny and the results in a temporary file, so that `npm test` can check
 * that the benchmarks run to the end without touching the committed bench/RESULTS.md.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';

/** A size from the environment variable `name`; else `full`, or `smoke` under BENCH_SMOKE=1. */
export function size(name, full, smoke) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return SMOKE ? smoke : full;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got "${raw}"`);
  return value;
}

/**
 * Where the results go: BENCH_RESULTS_FILE, else bench/RESULTS.md (committed), or under
 * BENCH_SMOKE=1 a file in a new temporary folder.
 */
export const RESULTS_FILE = process.env.BENCH_RESULTS_FILE
  ? resolve(process.env.BENCH_RESULTS_FILE)
  : SMOKE
    ? join(mkdtempSync(join(tmpdir(), 'decalogo-bench-smoke-')), 'RESULTS.md')
    : fileURLToPath(new URL('./RESULTS.md', import.meta.url));

/** RESULTS_FILE as a person would type it: relative to the working folder when inside it. */
export function resultsFileName() {
  const path = relative(process.cwd(), RESULTS_FILE);
  return path && !path.startsWith('..') && !isAbsolute(path) ? path : RESULTS_FILE;
}

/**
 * What every API process a benchmark starts is given, over the caller's environment. The
 * benchmarks' clients make far more than the default 1,200 requests a minute per user, and their
 * sign-ins all come from one address (the limiter keys signed-out requests by address), so the
 * request limit is lifted to its maximum. The login throttle counts every attempt while it is
 * being checked (a success gives it back), and every virtual user signs in at once from that one
 * address: its limits are lifted too, so that neither that burst nor a few failures under load
 * (reported as GraphQL errors) lock the virtual users out. The cap on concurrent password hashing
 * would refuse most of that burst at once (as it should for a real flood, tested in
 * test/integration/sign-in-abuse.spec.ts); lifted here, the benchmark measures the API with every
 * sign-in served.
 */
export const API_ENV = Object.freeze({
  RATE_LIMIT_PER_MINUTE: '1000000',
  LOGIN_FAILURES_PER_MINUTE: '1000',
  LOGIN_ADDRESS_FAILURES_PER_MINUTE: '10000',
  LOGIN_ACCOUNT_FAILURES_PER_HOUR: '10000',
  HASH_CONCURRENCY: '1024',
});

export async function createDatabase() {
  const name = `decalogo_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: SERVER_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A free TCP port on loopback. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the built API as its own process (as in production), so the benchmark's clients do not
 * share its CPU time, and its memory can be read on its own.
 */
export async function startApp(databaseUrl, env = {}) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), 'dist/api/apps/api/src/main.js'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'decalogo-bench-')),
        SEED_DEMO: 'true',
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        IMPORT_MAX_BYTES: String(1024 * 1024 * 1024),
        ...API_ENV,
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i === 600) {
      child.kill('SIGTERM');
      throw new Error(`the API did not answer ${url}/health within a minute`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid,
    /** Peak and current resident memory of the API process, in MiB (Linux /proc). */
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
      return { peakMiB: Math.round(kb('VmHWM') / 1024), rssMiB: Math.round(kb('VmRSS') / 1024) };
    },
    async close() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    },
  };
}

export async function gql(url, query, variables, token) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export async function login(url, email) {
  const data = await gql(url, 'mutation($e: String!) { login(email: $e, password: "decalogo-demo") { accessToken } }', {
    e: email,
  });
  return data.login.accessToken;
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function machine() {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
}

/** The `<!-- name:start -->…<!-- name:end -->` part of a text, markers included, or '' when absent. */
export function markedSection(text, name) {
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const endMarker = `<!-- ${name}:end -->`;
  const end = text.indexOf(endMarker, start);
  return start < 0 || end < 0 ? '' : text.slice(start, end + endMarker.length);
}

/**
 * Writes `body` between the markers of `name` in the file, replacing what was there (or appending
 * the marked section when missing), and leaves the rest of the file as it is: several benchmarks
 * share bench/RESULTS.md.
 */
export function writeMarkedSection(path, name, body) {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const section = `<!-- ${name}:start -->\n${body.trim()}\n<!-- ${name}:end -->`;
  const old = markedSection(text, name);
  const next = old ? text.replace(old, () => section) : `${text.trimEnd()}${text.trim() ? '\n\n' : ''}${section}\n`;
  writeFileSync(path, next);
}
