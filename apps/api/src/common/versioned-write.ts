import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict } from './errors.js';

/** A row that counts its writes: the optimistic lock of evaluations and coaching plans. */
export interface Versioned extends ObjectLiteral {
  id: string;
  version: number;
}

/**
 * The one optimistic-locking write: `changes` and the next version in one UPDATE that only matches
 * the row while it is still at `version` (and `also`, e.g. still active). When another writer got
 * there first it matches nothing, and that is a CONFLICT carrying `conflictMessage`; the caller's
 * transaction rolls back, so nothing else of the request is kept. On success `row` holds what
 * was written.
 */
export async function writeVersioned<T extends Versioned>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  row: T,
  version: number,
  changes: Partial<T>,
  options: { also?: Partial<T>; conflictMessage: string },
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: version + 1 } as never)
    .where({ ...(options.also ?? {}), id: row.id, version })
    .execute();
  if (!result.affected) throw conflict(options.conflictMessage);
  Object.assign(row, changes, { version: version + 1 });
}
