import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../common/config/env.schema';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { ENTITIES } from './entities';

/**
 * The only place SQLite and PostgreSQL differ, with the migrations. Migrations run at boot;
 * the schema is never synchronized from entities.
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.driver === 'sqlite') {
    mkdirSync(dirname(database.path), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: database.path,
      enableWAL: true,
      timeout: 5000,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        // Takes effect only on a new, empty database: its space can then be handed back a few
        // pages at a time (the history's retention job) instead of by a full, locking VACUUM.
        db.pragma('auto_vacuum = INCREMENTAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
      },
      entities: ENTITIES,
      migrations: SQLITE_MIGRATIONS,
      migrationsRun: true,
      migrationsTransactionMode: 'each',
      synchronize: false,
    };
  }
  return {
    type: 'postgres',
    url: database.url,
    entities: ENTITIES,
    migrations: POSTGRES_MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 10, connectionTimeoutMillis: 5000, application_name: 'control-center-api' },
  };
}
