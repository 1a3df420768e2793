import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DatabaseEventLog } from './database-event-log';
import { FEED_EVENT_LOG } from './event-log';

/**
 * The feed's event log (FEED_EVENT_LOG). Its prune runs on @nestjs/schedule's @Interval, which
 * needs ScheduleModule.forRoot() once in the application module.
 */
@Module({
  // One provider only: an alias would make @nestjs/schedule find the @Interval twice.
  providers: [{ provide: FEED_EVENT_LOG, useClass: DatabaseEventLog }],
  exports: [FEED_EVENT_LOG],
})
export class FeedEventLogModule implements OnModuleInit {
  constructor(@Inject(FEED_EVENT_LOG) private readonly log: DatabaseEventLog) {}

  /** The migrations have run by now (TypeORM's migrationsRun, while the DataSource was built). */
  async onModuleInit(): Promise<void> {
    await this.log.init();
    this.log.enableAutoPrune();
  }
}
