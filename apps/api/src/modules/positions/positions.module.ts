import { Module } from '@nestjs/common';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { PositionsController } from './positions.controller';
import { PositionsService } from './positions.service';

@Module({
  imports: [BotBridgeModule],
  controllers: [PositionsController],
  providers: [PositionsService],
})
export class PositionsModule {}
