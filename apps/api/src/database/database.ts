import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { createDataSource } from './data-source.js';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from './embedded-postgres.js';

export interface Database {
  dataSource: DataSource;
  /** true when this process runs PostgreSQL itself (PGlite). */
  embedded: boolean;
  close(): Promise<void>;
}

/** Connects to the configured server, or starts the embedded one, and applies pending migrations. */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'statementTimeoutMs'> & Partial<Pick<AppConfig, 'databasePoolSize'>>,
): Promise<Database> {
  const embeddedServer = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const url = config.databaseUrl ?? embeddedServer!.url;
  const dataSource = createDataSource({
    url,
    poolSize: config.databasePoolSize ?? (embeddedServer ? EMBEDDED_POOL_SIZE : 10),
    statementTimeoutMs: config.statementTimeoutMs,
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embeddedServer?.stop();
    throw error;
  }
  return {
    dataSource,
    embedded: embeddedServer !== null,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embeddedServer?.stop();
    },
  };
}
