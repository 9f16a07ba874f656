import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { inTransaction } from './transaction.js';

/** The transaction a request is inside, if any, carried along its async calls. */
const currentTransaction = new AsyncLocalStorage<EntityManager>();

/**
 * The one way services reach the database. Outside a transaction `manager` is the pool's; inside
 * `transaction(work)` it is the transaction's, for every service the work calls — a permission
 * check, a progress read, an audit entry — so a check and the write it guards see the same
 * snapshot on one connection. Reading through a second pooled connection while a transaction is
 * open is not only inconsistent: on the embedded database the socket server serves no other
 * connection until the transaction ends, so such a read would wait for ever (docs/architecture.md,
 * "Transactions").
 */
@Injectable()
export class TransactionalConnection {
  constructor(@Inject(DataSource) readonly dataSource: DataSource) {}

  /** The open transaction's manager, or the pool's. */
  get manager(): EntityManager {
    return currentTransaction.getStore() ?? this.dataSource.manager;
  }

  getRepository<Entity extends ObjectLiteral>(target: EntityTarget<Entity>): Repository<Entity> {
    return this.manager.getRepository(target);
  }

  /** Whether the caller runs inside a transaction (a nested `transaction` joins it). */
  get inTransaction(): boolean {
    return currentTransaction.getStore() !== undefined;
  }

  /**
   * Runs `work` in a transaction (retried on deadlocks and serialization failures, see
   * `inTransaction`), with every read through this connection inside it. Called inside a
   * transaction, `work` joins the open one.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const open = currentTransaction.getStore();
    if (open) return work(open);
    return inTransaction(this.dataSource, (manager) => currentTransaction.run(manager, () => work(manager)));
  }
}
