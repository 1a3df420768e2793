import { Module } from '@nestjs/common';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { BotActionLog } from './bot-action-log';
import { CircuitBreakersRepository } from './circuit-breakers.repository';
import { HistoryCollector } from './history-collector.service';
import { HistoryController } from './history.controller';
import { HistoryDatabase } from './history-database';
import { HistoryQueryService } from './history-query.service';
import { HistoryRetentionRunner } from './history-retention-runner';
import { MetricsRetentionService } from './metrics-retention.service';
import { MetricsRepository } from './metrics.repository';
import { SeriesReader } from './series-reader';
import { TradesRepository } from './trades.repository';

/**
 * History and analytics (issue 6): the collector records metrics, trades and circuit-breaker
 * events from the bridge; the retention service rolls up and prunes them (needs
 * ScheduleModule.forRoot() once in the application module); the controller serves them.
 */
@Module({
  imports: [BotBridgeModule],
  controllers: [HistoryController],
  providers: [
    HistoryDatabase,
    MetricsRepository,
    TradesRepository,
    CircuitBreakersRepository,
    BotActionLog,
    SeriesReader,
    HistoryCollector,
    MetricsRetentionService,
    HistoryRetentionRunner,
    HistoryQueryService,
  ],
  // The alert engine reads trades: the daily PnL summary and liquidations.
  exports: [HistoryCollector, MetricsRetentionService, TradesRepository],
})
export class HistoryModule {}
