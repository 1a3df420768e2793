import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuthModule } from '../auth/auth.module';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { FeedModule } from '../feed/feed.module';
import { ClusterService } from './cluster.service';

/** Replicas (issue 9): the leader lease and the Redis links between replicas; idle without PostgreSQL + REDIS_URL. */
@Module({
  imports: [BotBridgeModule, FeedModule, AlertsModule, AuthModule],
  providers: [ClusterService],
  exports: [ClusterService],
})
export class ClusterModule {}
