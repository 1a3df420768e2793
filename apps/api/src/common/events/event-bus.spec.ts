import { describe, expect, it, vi } from 'vitest';
import { DROP_LOG_INTERVAL_MS, EventBus, type BusEvent } from './event-bus';

interface TestEvent extends BusEvent {
  type: 'a' | 'b';
  n: number;
}

const settle = () => new Promise((r) => setTimeout(r, 20));
const ev = (n: number, type: 'a' | 'b' = 'a'): TestEvent => ({ type, n });

describe(EventBus.name, () => {
  it('delivers every event to every subscriber, in order', async () => {
    const bus = new EventBus<TestEvent>();
    const first: number[] = [];
    const second: number[] = [];
    bus.subscribe('first', (e) => void first.push(e.n));
    bus.subscribe('second', (e) => void second.push(e.n));
    for (let i = 0; i < 5; i += 1) bus.publish(ev(i));
    await settle();
    expect(first).toEqual([0, 1, 2, 3, 4]);
    expect(second).toEqual([0, 1, 2, 3, 4]);
  });

  it('never runs a handler inside publish()', () => {
    const bus = new EventBus<TestEvent>();
    const handler = vi.fn();
    bus.subscribe('s', handler);
    bus.publish(ev(1));
    expect(handler).not.toHaveBeenCalled();
  });

  it('keeps at most `capacity` events for a stuck subscriber, drops the oldest, and counts drops per type', async () => {
    const bus = new EventBus<TestEvent>();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const got: number[] = [];
    bus.subscribe(
      'stuck',
      async (e) => {
        got.push(e.n);
        await gate;
      },
      { capacity: 3 },
    );
    bus.publish(ev(0));
    await settle(); // event 0 is now being handled (and stuck)
    for (let i = 1; i <= 6; i += 1) bus.publish(ev(i, i % 2 ? 'b' : 'a'));
    const stats = bus.stats().subscribers[0]!;
    expect(stats.queued).toBe(3);
    expect(stats.dropped).toBe(3);
    expect(stats.dropped_by_type).toEqual({ b: 2, a: 1 }); // 1, 2, 3 dropped: b, a, b
    release();
    await settle();
    expect(got).toEqual([0, 4, 5, 6]);
    expect(bus.stats().dropped).toBe(3);
  });

  it('does not let a slow subscriber delay the publisher or another subscriber', async () => {
    const bus = new EventBus<TestEvent>();
    bus.subscribe('slow', () => new Promise<void>((r) => setTimeout(r, 1000)), { capacity: 10 });
    const fast: number[] = [];
    bus.subscribe('fast', (e) => void fast.push(e.n));
    const started = performance.now();
    for (let i = 0; i < 1000; i += 1) bus.publish(ev(i));
    expect(performance.now() - started).toBeLessThan(100);
    await settle();
    expect(fast).toHaveLength(1000);
    const slow = bus.stats().subscribers.find((s) => s.name === 'slow')!;
    expect(slow.delivered).toBe(0);
    expect(slow.dropped).toBe(1000 - 10); // publishing is synchronous: only the newest ten were kept
  });

  it('keeps delivering after a handler throws, and counts the failure', async () => {
    const bus = new EventBus<TestEvent>();
    const got: number[] = [];
    bus.subscribe('flaky', (e) => {
      if (e.n === 1) throw new Error('boom');
      got.push(e.n);
    });
    [0, 1, 2].forEach((n) => bus.publish(ev(n)));
    await settle();
    expect(got).toEqual([0, 2]);
    expect(bus.stats().subscribers[0]).toMatchObject({ delivered: 2, failed: 1 });
  });

  it('logs drops at most once per interval per subscriber, with the counts since the last line', async () => {
    let now = 0;
    const warn = vi.fn();
    const bus = new EventBus<TestEvent>({ warn } as never, () => now);
    bus.subscribe('stuck', () => new Promise<void>(() => undefined), { capacity: 1 });
    bus.publish(ev(0));
    await settle();
    for (let i = 1; i <= 50; i += 1) bus.publish(ev(i));
    expect(warn).toHaveBeenCalledTimes(1);
    now += DROP_LOG_INTERVAL_MS;
    bus.publish(ev(51));
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[1]![0]).toMatchObject({ subscriber: 'stuck', dropped_since_last_log: 49, dropped_total: 50 });
  });

  it('stops delivering after unsubscribe, and keeps the drop total', async () => {
    const bus = new EventBus<TestEvent>();
    const got: number[] = [];
    const stop = bus.subscribe('s', (e) => void got.push(e.n), { capacity: 1 });
    bus.publish(ev(0));
    bus.publish(ev(1)); // drops 0 (nothing has run yet)
    stop();
    bus.publish(ev(2));
    await settle();
    expect(got).toEqual([]);
    expect(bus.stats()).toMatchObject({ dropped: 1, subscribers: [] });
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new EventBus<TestEvent>().subscribe('s', () => undefined, { capacity: 0 })).toThrow(RangeError);
  });
});
