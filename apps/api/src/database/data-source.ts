import { DataSource } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';

export interface DataSourceOptions {
  url: string;
  poolSize: number;
}

/** The one DataSource definition, used by the app, the migration CLI and the tests. */
export function createDataSource({ url, poolSize }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    // The schema changes only through migrations/.
    synchronize: false,
    poolSize,
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
  });
}
