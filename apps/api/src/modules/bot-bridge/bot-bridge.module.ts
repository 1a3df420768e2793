import { Module } from '@nestjs/common';
import { EventsModule } from '../../common/events/events.module';
import { BotBridgeService } from './bot-bridge.service';
import { BotHealthProbe } from './bot-health.probe';
import { BotHttpClient } from './bot-http.client';

/** The only module that talks to the bot. Importers get the bridge, the health probe and the event bus. */
@Module({
  imports: [EventsModule],
  providers: [BotHttpClient, BotHealthProbe, BotBridgeService],
  exports: [BotHealthProbe, BotBridgeService, EventsModule],
})
export class BotBridgeModule {}
