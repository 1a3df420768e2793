import { Module } from '@nestjs/common';
import { BotHealthProbe } from './bot-health.probe';
import { BotHttpClient } from './bot-http.client';

/** The only module that talks to the bot. */
@Module({
  providers: [BotHttpClient, BotHealthProbe],
  exports: [BotHealthProbe],
})
export class BotBridgeModule {}
