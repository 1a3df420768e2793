import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuthModule } from '../auth/auth.module';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { FeedAuthService } from './feed-auth.service';
import { FeedEventLogModule } from './feed-event-log.module';
import { FeedHub } from './feed-hub.service';
import { FeedPublisher } from './feed-publisher.service';
import { FeedGateway, FeedMsgpackGateway } from './feed.gateway';

/** The real-time feed: bridge events -> sequencer/event log -> hub -> Socket.IO clients. */
@Module({
  imports: [BotBridgeModule, FeedEventLogModule, AuthModule, ApiKeysModule],
  providers: [FeedHub, FeedPublisher, FeedAuthService, FeedGateway, FeedMsgpackGateway],
  exports: [FeedHub, FeedPublisher, FeedEventLogModule],
})
export class FeedModule {}
