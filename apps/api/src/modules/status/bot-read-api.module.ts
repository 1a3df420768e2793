import { Module } from '@nestjs/common';
import { PositionsModule } from '../positions/positions.module';
import { StatusModule } from './status.module';

/** The read routes over the bot bridge's cache: /status, /stats, /pause-state, /positions. */
@Module({
  imports: [StatusModule, PositionsModule],
})
export class BotReadApiModule {}
