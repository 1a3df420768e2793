import { ThrottlerStorageService } from '@nestjs/throttler';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InMemoryThrottlerStorage } from './throttler-storage';

describe(InMemoryThrottlerStorage.name, () => {
  afterEach(() => vi.useRealTimers());

  it('answers exactly like the library storage (sliding log, blocks, window expiry)', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const reference = new ThrottlerStorageService();
    const ours = new InMemoryThrottlerStorage();
    // A deterministic mix of keys, limits, block/no-block and time steps (some past the window).
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const calls: Array<[string, number, number, number, string]> = [
      ['default:user:a', 60_000, 20, 60_000, 'default'],
      ['default:ip:1.2.3.4', 60_000, 5, 60_000, 'default'],
      ['login:user:bob', 300_000, 5, 0, 'login'],
      ['reauth:ip:1.2.3.4', 10_000, 3, 0, 'reauth'],
    ];
    for (let i = 0; i < 3_000; i++) {
      const [key, ttl, limit, block, name] = calls[Math.floor(random() * calls.length)];
      const step = random();
      vi.advanceTimersByTime(step < 0.6 ? 0 : step < 0.97 ? Math.floor(random() * 400) : Math.floor(random() * 90_000));
      const expected = await reference.increment(key, ttl, limit, block, name);
      const actual = await ours.increment(key, ttl, limit, block, name);
      expect(actual, `call ${i} (${key})`).toEqual(expected);
    }
    reference.onApplicationShutdown();
    ours.onApplicationShutdown();
  });

  it('stays cheap with a very large number of hits in the window', () => {
    const storage = new InMemoryThrottlerStorage();
    const start = 1_700_000_000_000;
    let last;
    for (let i = 0; i < 600_000; i++) last = storage.incrementNow('k', 60_000, 50_000_000, 60_000, 'default', start + Math.floor(i / 10));
    expect(last).toMatchObject({ totalHits: 600_000, isBlocked: false });
    // 90 s later, hits that expired by then (the first 30 s and 1 ms of them) have left the window.
    expect(storage.incrementNow('k', 60_000, 50_000_000, 60_000, 'default', start + 90_000).totalHits).toBe(299_991);
    storage.onApplicationShutdown();
  });

  it('forgets idle keys on sweep, keeps blocked ones until the block ends', () => {
    const storage = new InMemoryThrottlerStorage();
    const t = 1_700_000_000_000;
    storage.incrementNow('idle', 1_000, 10, 1_000, 'default', t);
    for (let i = 0; i < 3; i++) storage.incrementNow('blocked', 1_000, 1, 30_000, 'default', t);
    storage.sweep(t + 5_000);
    expect(storage.size).toBe(1);
    storage.sweep(t + 31_000);
    expect(storage.size).toBe(0);
    storage.onApplicationShutdown();
  });
});
