import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/config.js';
import { dataDirHolder } from './data-dir-lock.js';

/** The schema pg-boss keeps its queue in (common/scheduled-jobs.ts; repeated to keep this CLI free of Nest). */
const PG_BOSS_SCHEMA = 'pgboss';

type BackupConfig = Pick<AppConfig, 'databaseUrl' | 'dataDir'>;

/** Runs a PostgreSQL client program, failing with its own error output. */
function run(program: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(program, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', (error) =>
      fail(new Error(`${program} could not start (${error.message}); install the PostgreSQL client programs.`)),
    );
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${program} failed (exit ${code}): ${errors.trim()}`))));
  });
}

function assertEmbeddedIdle(dataDir: string): void {
  const holder = dataDirHolder(dataDir);
  if (holder !== null) {
    throw new Error(`The embedded database in ${dataDir} is in use by process ${holder}: stop the server first.`);
  }
}

/**
 * Backs the database up to `target`: with a server, a `pg_dump` custom-format archive (taken from
 * a consistent snapshot, so the API may keep running); with the embedded database, a copy of its
 * data folder, refused while a server has it open.
 */
export async function backupDatabase(config: BackupConfig, target: string): Promise<string> {
  const destination = resolve(target);
  if (existsSync(destination)) throw new Error(`${destination} already exists: choose a new name for the backup.`);
  if (config.databaseUrl) {
    // pg-boss's schema holds only its job queue (the sweep of sign-in counters), which pg-boss
    // recreates at start: it stays out of the backup.
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      `--exclude-schema=${PG_BOSS_SCHEMA}`,
      `--file=${destination}`,
      `--dbname=${config.databaseUrl}`,
    ]);
    return destination;
  }
  const pgdata = join(config.dataDir, 'pgdata');
  if (!existsSync(pgdata)) throw new Error(`There is no embedded database in ${config.dataDir} to back up.`);
  assertEmbeddedIdle(config.dataDir);
  cpSync(pgdata, destination, { recursive: true });
  return destination;
}

/**
 * Replaces the database with a backup. With a server, `pg_restore --clean` in one transaction:
 * if anything fails, the database is left as it was. With the embedded database, the data folder
 * is swapped for the copy; the folder it replaces is kept beside it, named with the time.
 */
export async function restoreDatabase(config: BackupConfig, source: string): Promise<string> {
  const backup = resolve(source);
  if (!existsSync(backup)) throw new Error(`There is no backup at ${backup}.`);
  if (config.databaseUrl) {
    if (!statSync(backup).isFile()) throw new Error(`${backup} is not a pg_dump archive (a file).`);
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${config.databaseUrl}`,
      backup,
    ]);
    return backup;
  }
  if (!statSync(backup).isDirectory() || !existsSync(join(backup, 'PG_VERSION'))) {
    throw new Error(`${backup} is not a copy of an embedded database folder.`);
  }
  assertEmbeddedIdle(config.dataDir);
  mkdirSync(config.dataDir, { recursive: true });
  const pgdata = join(config.dataDir, 'pgdata');
  const incoming = join(config.dataDir, 'pgdata.restoring');
  rmSync(incoming, { recursive: true, force: true });
  cpSync(backup, incoming, { recursive: true });
  if (existsSync(pgdata))
    renameSync(pgdata, join(config.dataDir, `pgdata.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`));
  renameSync(incoming, pgdata);
  return backup;
}
