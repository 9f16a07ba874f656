import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from './transaction.js';

/** A stand-in DataSource whose transaction fails with the given SQLSTATEs first, then succeeds. */
function failingThen(states: string[]) {
  const calls = { count: 0 };
  const dataSource = {
    async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
      calls.count += 1;
      const state = states[calls.count - 1];
      if (state) throw Object.assign(new Error(`failed with ${state}`), { driverError: { code: state } });
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { dataSource, calls };
}

describe('transactions retried on serialization failures and deadlocks', () => {
  it('runs again after a deadlock and a serialization failure, and returns the result', async () => {
    const { dataSource, calls } = failingThen(['40P01', '40001']);
    await expect(inTransaction(dataSource, async () => 'done')).resolves.toBe('done');
    expect(calls.count).toBe(3);
  });

  it('gives up after three attempts with the database error', async () => {
    const { dataSource, calls } = failingThen(['40001', '40001', '40001', '40001']);
    await expect(inTransaction(dataSource, async () => 'done')).rejects.toThrow('failed with 40001');
    expect(calls.count).toBe(3);
  });

  it('never retries other errors (a unique violation, our own CONFLICT)', async () => {
    const unique = failingThen(['23505']);
    await expect(inTransaction(unique.dataSource, async () => 'done')).rejects.toThrow('failed with 23505');
    expect(unique.calls.count).toBe(1);
    const ours = failingThen([]);
    const conflict = Object.assign(new Error('changed since you read it'), { extensions: { code: 'CONFLICT' } });
    await expect(
      inTransaction(ours.dataSource, async () => {
        throw conflict;
      }),
    ).rejects.toBe(conflict);
    expect(ours.calls.count).toBe(1);
  });
});
