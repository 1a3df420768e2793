import { Module } from '@nestjs/common';
import { DomainEventBus } from './domain-event-bus';

/** One DomainEventBus for the process: import this module wherever events are published or read. */
@Module({
  providers: [DomainEventBus],
  exports: [DomainEventBus],
})
export class EventsModule {}
