import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from 'pino';
import { ConfigModule } from './common/config/config.module';
import type { AppConfig } from './common/config/env.schema';
import { GlobalExceptionFilter } from './common/errors/global-exception.filter';
import { SpaFallback } from './common/http/spa-fallback';
import { LOGGER } from './common/logging/logger';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './modules/health/health.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [ConfigModule.forRoot(config), DatabaseModule, HealthModule],
      providers: [{ provide: LOGGER, useValue: logger }, SpaFallback, { provide: APP_FILTER, useClass: GlobalExceptionFilter }],
      exports: [LOGGER],
    };
  }
}
