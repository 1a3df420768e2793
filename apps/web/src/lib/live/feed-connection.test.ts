import { FEED_ACTION, FEED_MESSAGE, type FeedServerMessage } from '@dnb/contracts';
import { QueryClient } from '@tanstack/react-query';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pnlUpdate, snapshot } from '@/testing/fixtures';
import { setAccessToken } from '../access-token';
import { FeedConnection } from './feed-connection';
import { getFeedStatus } from './feed-status';
import { LIVE_QUERY_KEY, type LiveState } from './live-state';

/** Just enough of a Socket.IO client: records what is emitted, lets the test play the server. */
class FakeSocket {
  handlers = new Map<string, (...args: unknown[]) => void>();
  emitted: unknown[] = [];
  auth: unknown;
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, handler);
    return this;
  }
  emit(event: string, body: unknown) {
    if (event === FEED_ACTION) this.emitted.push(body);
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  disconnect() {
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    this.handlers.get(event)?.(...args);
  }
  server(message: FeedServerMessage) {
    this.fire(FEED_MESSAGE, message);
  }
}

describe(FeedConnection.name, () => {
  let sockets: FakeSocket[];
  let queryClient: QueryClient;
  let connection: FeedConnection;

  beforeEach(() => {
    vi.useFakeTimers();
    setAccessToken('header.eyJzdWIiOiJ1In0.sig');
    sockets = [];
    queryClient = new QueryClient();
    connection = new FeedConnection(queryClient, {
      connect: (_url, options) => {
        const socket = new FakeSocket();
        socket.auth = options?.auth;
        sockets.push(socket);
        return socket as unknown as Socket;
      },
    });
  });

  afterEach(() => {
    connection.stop();
    vi.useRealTimers();
  });

  const live = () => queryClient.getQueryData<LiveState>(LIVE_QUERY_KEY);

  it('subscribes from 0, puts the snapshot and events in the query cache, and says Live', () => {
    connection.start();
    expect(getFeedStatus().state).toBe('connecting');
    sockets[0]!.fire('connect');
    expect(sockets[0]!.emitted).toEqual([{ action: 'subscribe', last_seq: 0 }]);
    sockets[0]!.server(snapshot(100));
    sockets[0]!.server(pnlUpdate(101, '46.20'));
    expect(live()?.positions.pos_1?.total_pnl_usd).toBe('46.20');
    expect(getFeedStatus()).toMatchObject({ state: 'live', staleSince: null });
  });

  it('resubscribes once with its last seq on a gap, and takes the catch-up', () => {
    connection.start();
    const socket = sockets[0]!;
    socket.fire('connect');
    socket.server(snapshot(100));
    socket.server(pnlUpdate(102, '50.00'));
    socket.server(pnlUpdate(103, '51.00'));
    expect(socket.emitted).toEqual([
      { action: 'subscribe', last_seq: 0 },
      { action: 'subscribe', last_seq: 100 },
    ]);
    socket.server({
      type: 'catch_up',
      from_seq: 101,
      to_seq: 103,
      timestamp: 't',
      events: [pnlUpdate(101, '49.00'), pnlUpdate(102, '50.00'), pnlUpdate(103, '51.00')],
    });
    expect(live()?.positions.pos_1?.total_pnl_usd).toBe('51.00');
    expect(live()?.seq).toBe(103);
  });

  it('reconnects with backoff after a loss, says since when data is stale, and resumes from its last seq', () => {
    connection.start();
    sockets[0]!.fire('connect');
    sockets[0]!.server(snapshot(100));
    sockets[0]!.fire('disconnect', 'transport close');
    expect(getFeedStatus().state).toBe('reconnecting');
    expect(getFeedStatus().staleSince).toBe(Date.now());
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(2);
    sockets[1]!.fire('connect_error', new Error('xhr poll error'));
    // The second wait is about 2 s.
    vi.advanceTimersByTime(1_500);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(3);
    sockets[2]!.fire('connect');
    expect(sockets[2]!.emitted).toEqual([{ action: 'subscribe', last_seq: 100 }]);
    sockets[2]!.server({ type: 'catch_up', from_seq: 101, to_seq: 100, timestamp: 't', events: [] });
    expect(getFeedStatus()).toMatchObject({ state: 'live', staleSince: null });
  });

  it('sends the connection a fresh token each time it connects', () => {
    connection.start();
    const auth = sockets[0]!.auth as (cb: (data: unknown) => void) => void;
    setAccessToken('a.eyJzdWIiOiJ2In0.b');
    let sent: unknown;
    auth((data) => (sent = data));
    expect(sent).toEqual({ token: 'a.eyJzdWIiOiJ2In0.b' });
  });

  it('renews its token over the socket when the server asks (Q8)', async () => {
    const fresh = 'h.eyJzdWIiOiJ1IiwiZXhwIjo5OTk5OTk5OTk5fQ.s';
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ access_token: fresh }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    try {
      connection.start();
      sockets[0]!.fire('connect');
      sockets[0]!.server(snapshot(100));
      sockets[0]!.server({ type: 'token_refresh_required', timestamp: 't', expires_at: 't', refresh_url: '/api/v1/auth/refresh' });
      await vi.waitFor(() => expect(sockets[0]!.emitted).toContainEqual({ action: 'refresh_token', token: fresh }));
      expect(fetchMock).toHaveBeenCalledWith('/api/v1/auth/refresh', expect.objectContaining({ method: 'POST' }));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
