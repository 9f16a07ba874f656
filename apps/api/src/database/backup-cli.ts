import { loadConfig } from '../config/config.js';
import { backupDatabase, restoreDatabase } from './backup.js';

/**
 * `npm run db:backup -- <file-or-folder>` and `npm run db:restore -- <file-or-folder>`, against
 * DATABASE_URL or the embedded database in DATA_DIR (see README.md, "Backups").
 */
async function main(): Promise<void> {
  const [command, path] = process.argv.slice(2);
  const config = loadConfig();
  if (!path || (command !== 'backup' && command !== 'restore')) {
    throw new Error('Usage: npm run db:backup -- <path>   |   npm run db:restore -- <path>');
  }
  if (command === 'backup') {
    process.stdout.write(`Backed up to ${await backupDatabase(config, path)}\n`);
  } else {
    process.stdout.write(`Restored from ${await restoreDatabase(config, path)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
