import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { createDataSource } from './data-source.js';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from './embedded-postgres.js';

/**
 * `npm run db:migrate | db:revert | migration:generate -- Name` against DATABASE_URL, or the
 * embedded database in DATA_DIR (which must not be in use by a running server).
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const dataSource = createDataSource({ url: config.databaseUrl ?? embedded!.url, poolSize: EMBEDDED_POOL_SIZE });
  await dataSource.initialize();
  try {
    if (command === 'migrate') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}\n` : 'Nothing to migrate.\n');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('Reverted the last migration.\n');
    } else if (command === 'generate') {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
        throw new Error('Give the migration a PascalCase name: npm run migration:generate -- AddCalls');
      const sql = await dataSource.driver.createSchemaBuilder().log();
      if (!sql.upQueries.length) {
        process.stdout.write('The entities match the database: no migration needed.\n');
        return;
      }
      const stamp = Date.now();
      const quote = (query: string) => JSON.stringify(query);
      const up = sql.upQueries.map((q) => `    await q.query(${quote(q.query)});`).join('\n');
      const down = [...sql.downQueries]
        .reverse()
        .map((q) => `    await q.query(${quote(q.query)});`)
        .join('\n');
      const file = resolve('migrations', `${stamp}-${name}.ts`);
      writeFileSync(
        file,
        `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(q: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
      );
      process.stdout.write(`Wrote ${file}. Review it, then add it to apps/api/src/database/migrations.ts.\n`);
    } else {
      throw new Error('Usage: cli.js migrate | revert | generate <Name>');
    }
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
