import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decalogo-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: dir, ...env }, dir);

  it('has defaults that run a demo on the embedded database', () => {
    const config = load({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, seedDemo: true, orgTimeZone: 'UTC', disputeWindowDays: 14 });
    expect(config).toMatchObject({ headersTimeoutMs: 10_000, requestTimeoutMs: 60_000 });
    // A signing secret is generated once and kept in the data folder.
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(config.jwtSecret);
    expect(load({}).jwtSecret).toBe(config.jwtSecret);
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x@y/z' }],
    ['SEED_DEMO', { SEED_DEMO: 'maybe' }],
    ['ORG_TIME_ZONE', { ORG_TIME_ZONE: 'Mars/Olympus' }],
    ['DISPUTE_WINDOW_DAYS', { DISPUTE_WINDOW_DAYS: '0' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'qa.example.com' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://qa.example.com/app' }],
    ['TRUST_PROXY_HOPS', { TRUST_PROXY_HOPS: '-1' }],
    ['RATE_LIMIT_PER_MINUTE', { RATE_LIMIT_PER_MINUTE: '0' }],
    ['LOGIN_FAILURES_PER_MINUTE', { LOGIN_FAILURES_PER_MINUTE: 'ten' }],
    ['HEADERS_TIMEOUT_MS', { HEADERS_TIMEOUT_MS: '10' }],
    ['REQUEST_TIMEOUT_MS', { REQUEST_TIMEOUT_MS: 'soon' }],
    ['HEADERS_TIMEOUT_MS', { HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '15000' }],
    ['LOGIN_ADDRESS_FAILURES_PER_MINUTE', { LOGIN_ADDRESS_FAILURES_PER_MINUTE: '0' }],
    ['LOGIN_ACCOUNT_FAILURES_PER_HOUR', { LOGIN_ACCOUNT_FAILURES_PER_HOUR: 'many' }],
    ['HASH_CONCURRENCY', { HASH_CONCURRENCY: '0' }],
    ['LOGIN_ATTEMPT_SWEEP_CRON', { LOGIN_ATTEMPT_SWEEP_CRON: 'every ten minutes' }],
    ['LOGIN_ATTEMPT_SWEEP_CRON', { LOGIN_ATTEMPT_SWEEP_CRON: '* * * *' }],
  ])('a bad %s stops the start with a message naming it', (variable, env) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('reads the allowed browser origins as a list', () => {
    expect(load({}).corsOrigins).toEqual([]);
    expect(load({ CORS_ORIGINS: 'https://qa.example.com, http://localhost:4200' }).corsOrigins).toEqual([
      'https://qa.example.com',
      'http://localhost:4200',
    ]);
  });

  it('production refuses to start without JWT_SECRET', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required when NODE_ENV=production/);
  });

  it('never seeds demo data in production or on a real server unless SEED_DEMO=true', () => {
    const secret = { JWT_SECRET: 'a'.repeat(32) };
    expect(load({ NODE_ENV: 'production', ...secret }).seedDemo).toBe(false);
    expect(load({ DATABASE_URL: 'postgres://u@h/db' }).seedDemo).toBe(false);
    expect(load({ NODE_ENV: 'production', SEED_DEMO: 'true', ...secret }).seedDemo).toBe(true);
  });
});
