import type { DataSource, EntityManager } from 'typeorm';

/**
 * PostgreSQL's "try again" errors: a serialization failure and a deadlock victim. Both mean the
 * transaction was rolled back whole and running it again from the start is safe.
 */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 3;

function sqlState(error: unknown): string | undefined {
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs `work` in a transaction, running it again (up to three times, after a short random pause)
 * when PostgreSQL rolled it back as a deadlock victim or a serialization failure, so two people
 * writing at the same moment see success or a CONFLICT of ours, never a database error. `work`
 * must only touch the database: it may run more than once.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const state = sqlState(error);
      if (attempt >= ATTEMPTS || !state || !RETRYABLE.has(state)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
