import pg from 'pg';
import { JOBS_APPLICATION_NAME } from '../../apps/api/src/common/scheduled-jobs.js';

/**
 * Counts the SQL statements sent by the app's `pg` clients in this process while `run` runs. The
 * job queue's own connections (which poll on a timer, whatever the request does) are not counted.
 */
export async function countStatements(run: () => Promise<unknown>): Promise<number> {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const applicationName = (this as unknown as { connectionParameters?: { application_name?: string } }).connectionParameters
      ?.application_name;
    if (applicationName !== JOBS_APPLICATION_NAME) count += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return count;
}
