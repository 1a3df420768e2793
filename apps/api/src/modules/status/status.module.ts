import { Module } from '@nestjs/common';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { StatusController } from './status.controller';
import { StatusService } from './status.service';

@Module({
  imports: [BotBridgeModule],
  controllers: [StatusController],
  providers: [StatusService],
})
export class StatusModule {}
