import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'server.pid';

/** The process id holding the embedded database in `dataDir`, or null when no live process does. */
export function dataDirHolder(dataDir: string): number | null {
  const file = join(dataDir, LOCK_FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive but someone else's; ESRCH: gone (a crash left the file behind).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/**
 * Marks `dataDir` as in use by this process. The embedded database must have one user at a time:
 * a second server, a backup or a restore while it runs would read or write a half-flushed copy.
 */
export function lockDataDir(dataDir: string): () => void {
  const holder = dataDirHolder(dataDir);
  if (holder !== null && holder !== process.pid) {
    throw new Error(`The embedded database in ${dataDir} is in use by process ${holder}. Stop it first.`);
  }
  const file = join(dataDir, LOCK_FILE);
  writeFileSync(file, String(process.pid));
  return () => {
    if (dataDirHolder(dataDir) === process.pid) rmSync(file, { force: true });
  };
}
