import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { FeedModule } from '../feed/feed.module';
import { ConfigVersionEntity } from './config-version.entity';
import { ConfigVersionsRepository } from './config-versions.repository';
import { ConfigController } from './config.controller';
import { ConfigService } from './config.service';

@Module({
  imports: [TypeOrmModule.forFeature([ConfigVersionEntity]), BotBridgeModule, FeedModule],
  controllers: [ConfigController],
  providers: [ConfigVersionsRepository, ConfigService],
})
export class BotConfigModule {}
