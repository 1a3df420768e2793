import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AppMetaModule } from '../app-meta/app-meta.module';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { ClusterModule } from '../cluster/cluster.module';
import { FeedModule } from '../feed/feed.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [BotBridgeModule, AppMetaModule, FeedModule, AlertsModule, ClusterModule],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
