import { Module } from '@nestjs/common';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { ControlModule } from '../control/control.module';
import { FeedModule } from '../feed/feed.module';
import { HistoryModule } from '../history/history.module';
import { AlertDeliveryService } from './alert-delivery.service';
import { AlertEngineService } from './alert-engine.service';
import { AlertSettingsService } from './alert-settings.service';
import { AlertStore } from './alert-store';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { TelegramCommandsService } from './telegram/telegram-commands.service';

/** Spec 6: the rules engine, the outbox and its delivery, acks, silences, escalation, Telegram commands, and their routes. */
@Module({
  imports: [BotBridgeModule, FeedModule, ControlModule, HistoryModule],
  controllers: [AlertsController],
  providers: [AlertStore, AlertSettingsService, AlertDeliveryService, AlertEngineService, AlertsService, TelegramCommandsService],
  exports: [AlertEngineService, AlertDeliveryService, TelegramCommandsService],
})
export class AlertsModule {}
