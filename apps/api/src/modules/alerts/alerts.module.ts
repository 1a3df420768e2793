import { Module } from '@nestjs/common';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { FeedModule } from '../feed/feed.module';
import { AlertDeliveryService } from './alert-delivery.service';
import { AlertEngineService } from './alert-engine.service';
import { AlertSettingsService } from './alert-settings.service';
import { AlertStore } from './alert-store';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/** Spec 6: the rules engine, the outbox and its delivery, acks, silences, escalation, and their routes. */
@Module({
  imports: [BotBridgeModule, FeedModule],
  controllers: [AlertsController],
  providers: [AlertStore, AlertSettingsService, AlertDeliveryService, AlertEngineService, AlertsService],
  exports: [AlertEngineService, AlertDeliveryService],
})
export class AlertsModule {}
