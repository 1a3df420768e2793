import { Module } from '@nestjs/common';
import { AppMetaModule } from '../app-meta/app-meta.module';
import { AuthModule } from '../auth/auth.module';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { ControlController } from './control.controller';
import { ControlService } from './control.service';

@Module({
  imports: [BotBridgeModule, AuthModule, AppMetaModule],
  controllers: [ControlController],
  providers: [ControlService],
  // The Telegram commands (alerts module) pause and resume through the same service.
  exports: [ControlService],
})
export class ControlModule {}
