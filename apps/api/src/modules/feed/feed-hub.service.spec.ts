import { afterEach, describe, expect, it } from 'vitest';
import type { Server, Socket } from 'socket.io';
import type { AppConfig } from '../../common/config/env.schema';
import type { FeedEventLog } from './event-log';
import { FeedHub } from './feed-hub.service';

// The slow-consumer bound: a socket whose unsent backlog passes a limit is closed and counted,
// so one stalled client cannot grow the server's memory. Sockets are stand-ins here: filling a
// real loopback socket's kernel buffers takes minutes at the feed's rates.

const config = {
  ws: { heartbeatMs: 60_000, batchMs: 100, maxBacklogMessages: 100, maxBacklogBytes: 1_000_000 },
} as unknown as AppConfig;
const log = { currentSeq: () => 0 } as unknown as FeedEventLog;
const logger = { warn: () => undefined, info: () => undefined } as never;

function socketWith(writeBuffer: number, bufferedAmount: number) {
  const socket = {
    data: { feed: { actor: { name: 'alice' }, channels: null, pending: null } },
    conn: { writeBuffer: new Array(writeBuffer), transport: { socket: { bufferedAmount } } },
    closed: false,
    disconnect() {
      socket.closed = true;
    },
  };
  return socket;
}

describe('FeedHub slow consumers', () => {
  let hub: FeedHub | undefined;
  afterEach(() => hub?.onApplicationShutdown());

  it('closes and counts only the sockets whose backlog passes the message or byte bound', () => {
    hub = new FeedHub(log, config, logger);
    const fine = socketWith(10, 1000);
    const manyMessages = socketWith(101, 0);
    const manyBytes = socketWith(0, 1_000_001);
    const sockets = new Map<string, unknown>([
      ['a', fine],
      ['b', manyMessages],
      ['c', manyBytes],
    ]);
    hub.attach({ sockets: { sockets }, engine: { clientsCount: 3 } } as unknown as Server);
    (hub as unknown as { dropSlowConsumers(): void }).dropSlowConsumers();
    expect([fine.closed, manyMessages.closed, manyBytes.closed]).toEqual([false, true, true]);
    expect(hub.stats().disconnected_slow).toBe(2);
    expect(hub.sockets() as unknown as Socket[]).toHaveLength(3);
  });
});
