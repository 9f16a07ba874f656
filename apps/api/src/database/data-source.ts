import { DataSource } from 'typeorm';
import { DatabaseLogger } from './database-logger.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  /** Longest a single statement may run before PostgreSQL cancels it (0 = no limit). */
  statementTimeoutMs?: number;
}

/** The one DataSource definition, used by the app, the migration CLI and the tests. */
export function createDataSource({ url, poolSize, statementTimeoutMs = 0 }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    // The schema changes only through migrations/.
    synchronize: false,
    // Never a statement's parameters in the log (README.md, Security).
    logger: new DatabaseLogger(),
    poolSize,
    extra: {
      max: poolSize,
      // Waiting for a connection, or for an answer, is bounded on this side too: a stall the server
      // cannot see (a read that waits behind the caller's own open transaction on the embedded
      // database) becomes a clear error that rolls the request back, never a hung process.
      connectionTimeoutMillis: 10_000,
      ...(statementTimeoutMs > 0 ? { query_timeout: statementTimeoutMs + 5_000 } : {}),
      // No request can hold a connection (or its locks) for ever: a runaway statement is
      // cancelled, and a transaction left idle by a lost client is ended.
      ...(statementTimeoutMs > 0
        ? { statement_timeout: statementTimeoutMs, idle_in_transaction_session_timeout: Math.max(statementTimeoutMs, 60_000) }
        : {}),
    },
  });
}
