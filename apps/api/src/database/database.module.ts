import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../common/config/env.schema';
import { buildDataSourceOptions } from './database-options';
import { DatabaseHealthRepository } from './database-health.repository';
import { SqlDatabase } from './sql-database';

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
    }),
  ],
  providers: [DatabaseHealthRepository, SqlDatabase],
  exports: [DatabaseHealthRepository, SqlDatabase],
})
export class DatabaseModule {}
