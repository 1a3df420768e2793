import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../common/config/env.schema';
import { buildDataSourceOptions } from './database-options';
import { DatabaseHealthRepository } from './database-health.repository';
import { SqlDatabase } from './sql-database';

/** Replicas that start together take turns at the migrations (one session-level advisory lock). */
const MIGRATION_LOCK_KEY = 7_341_092_119;

/**
 * Opens the database and brings its schema up to date. On PostgreSQL several API replicas may
 * boot at once (compose with API_REPLICAS): the migrations run under an advisory lock, so the
 * first replica migrates and the others find nothing left to do.
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  if (options.type !== 'postgres' || !options.migrationsRun) return new DataSource(options).initialize();
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: options.migrationsTransactionMode ?? 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  } finally {
    await runner.release().catch(() => undefined);
  }
  return dataSource;
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config.database),
        // Keep retrying at boot a little (PostgreSQL may still be starting in compose).
        retryAttempts: 5,
        retryDelay: 2000,
      }),
      dataSourceFactory: (options) => openDataSource(options!),
    }),
  ],
  providers: [DatabaseHealthRepository, SqlDatabase],
  exports: [DatabaseHealthRepository, SqlDatabase],
})
export class DatabaseModule {}
