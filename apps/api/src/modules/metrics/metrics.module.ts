import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { FeedModule } from '../feed/feed.module';
import { MetricsCollectors } from './metrics-collectors';
import { MetricsController } from './metrics.controller';

/** GET /metrics for Prometheus (issue 9): the registry's instruments plus what is read at scrape time. */
@Module({
  imports: [BotBridgeModule, FeedModule, AlertsModule],
  controllers: [MetricsController],
  providers: [MetricsCollectors],
})
export class MetricsModule {}
