import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Logger } from 'pino';
import { AuthenticationGuard } from './common/auth/authentication.guard';
import { PermissionGuard } from './common/auth/permission.guard';
import { RouteMetadata } from './common/auth/route-metadata';
import { ConfigModule } from './common/config/config.module';
import type { AppConfig } from './common/config/env.schema';
import { GlobalExceptionFilter } from './common/errors/global-exception.filter';
import { SpaFallback } from './common/http/spa-fallback';
import { LogFlush, LOGGER } from './common/logging/logger';
import { MetricsCoreModule } from './common/metrics/metrics';
import { ActorThrottlerGuard } from './common/rate-limit/actor-throttler.guard';
import { throttlerOptions } from './common/rate-limit/rate-limits';
import { RedisThrottlerStorage } from './common/rate-limit/redis-throttler-storage';
import { InMemoryThrottlerStorage } from './common/rate-limit/throttler-storage';
import { SecurityModule } from './common/security/security.module';
import { DatabaseModule } from './database/database.module';
import { AlertsModule } from './modules/alerts/alerts.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BackupsModule } from './modules/backups/backups.module';
import { BotReadApiModule } from './modules/status/bot-read-api.module';
import { BotConfigModule } from './modules/config/config.module';
import { ClusterModule } from './modules/cluster/cluster.module';
import { LeadershipModule } from './modules/cluster/leadership';
import { ControlModule } from './modules/control/control.module';
import { FeedModule } from './modules/feed/feed.module';
import { HealthModule } from './modules/health/health.module';
import { HistoryModule } from './modules/history/history.module';
import { IdentityModule } from './modules/identity/identity.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        MetricsCoreModule,
        ScheduleModule.forRoot(),
        LeadershipModule,
        SecurityModule,
        ThrottlerModule.forRoot(
          throttlerOptions(
            config.http.unauthenticatedPerMinute,
            config.http.roleLimitMultiplier,
            config.redisUrl
              ? new RedisThrottlerStorage(config.redisUrl, (fields, message) => logger.warn(fields, message))
              : new InMemoryThrottlerStorage(),
          ),
        ),
        AuditModule,
        IdentityModule,
        UsersModule,
        ApiKeysModule,
        AuthModule,
        HealthModule,
        BotReadApiModule,
        FeedModule,
        ControlModule,
        BotConfigModule,
        AlertsModule,
        HistoryModule,
        BackupsModule,
        MetricsModule,
        ClusterModule,
      ],
      providers: [
        { provide: LOGGER, useValue: logger },
        LogFlush,
        RouteMetadata,
        SpaFallback,
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
        // Order matters: who is calling, then how often, then may they.
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: ActorThrottlerGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
      ],
      exports: [LOGGER, RouteMetadata],
    };
  }
}
