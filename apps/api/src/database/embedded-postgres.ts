import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './data-dir-lock.js';

/**
 * The connection pool size used against the embedded database. PGlite is one database session:
 * its socket server runs every connection's statements in that one session, so two connections
 * would share (and roll back) each other's transactions. One connection keeps transactions whole;
 * code never needs a second one inside a transaction (see docs/architecture.md).
 */
export const EMBEDDED_POOL_SIZE = 1;

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs PostgreSQL in-process (PGlite) behind a loopback socket, so the app talks to it through
 * the same `pg` driver, migrations and SQL as a production server.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dbDir = join(dataDir, 'pgdata');
  mkdirSync(dbDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir: dbDir });
  } catch (error) {
    unlock();
    throw error;
  }
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: EMBEDDED_POOL_SIZE * 2,
  });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      unlock();
    },
  };
}
