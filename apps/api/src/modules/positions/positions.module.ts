import { Module } from '@nestjs/common';
import { PermissionGuard } from '../../common/auth/permission.guard';
import { ActorThrottlerGuard } from '../../common/rate-limit/actor-throttler.guard';
import { AuthModule } from '../auth/auth.module';
import { BotBridgeModule } from '../bot-bridge/bot-bridge.module';
import { PositionsHotRead } from './positions-hot-read';
import { PositionsController } from './positions.controller';
import { PositionsService } from './positions.service';

@Module({
  imports: [BotBridgeModule, AuthModule],
  controllers: [PositionsController],
  // The hot read runs the same guards as the global pipeline (its own instances of them, over the
  // same shared caches and rate-limit storage).
  providers: [PositionsService, PositionsHotRead, PermissionGuard, ActorThrottlerGuard],
  exports: [PositionsHotRead],
})
export class PositionsModule {}
