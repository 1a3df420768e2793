import { Inject, Injectable, Optional } from '@nestjs/common';
import type { DomainEvent } from '@dnb/contracts';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger';
import { EventBus } from './event-bus';

/**
 * The process's bus of domain events (libs/contracts/src/domain-events.ts). The bot bridge
 * publishes; alerts, history and the socket gateway subscribe. Bounded, drops counted.
 */
@Injectable()
export class DomainEventBus extends EventBus<DomainEvent> {
  constructor(@Optional() @Inject(LOGGER) logger?: Logger) {
    super(logger?.child({ component: 'domain-event-bus' }));
  }
}
