import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisThrottlerStorage } from '../../apps/api/src/common/rate-limit/redis-throttler-storage';
import { InMemoryThrottlerStorage } from '../../apps/api/src/common/rate-limit/throttler-storage';
import { startRedis, type RunningRedis } from '../support/redis';

const MINUTE = 60_000;
/** -0 and 0 are one answer (Math.ceil of a small negative is -0). */
const plain = <T extends { timeToExpire: number; timeToBlockExpire: number }>(r: T) => ({
  ...r,
  timeToExpire: r.timeToExpire + 0,
  timeToBlockExpire: r.timeToBlockExpire + 0,
});

describe('RedisThrottlerStorage (real redis-server)', () => {
  let redis: RunningRedis;
  const storages: RedisThrottlerStorage[] = [];
  const open = () => {
    const storage = new RedisThrottlerStorage(redis.url);
    storages.push(storage);
    return storage;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(storages.map((s) => s.onApplicationShutdown()));
    await redis?.stop();
  });

  it.each([
    ['a sliding window without a block', 0],
    ['a window with a 30 s block once over the limit', 30_000],
  ])('answers exactly as the in-memory storage for %s', async (_name, blockDuration) => {
    const memory = new InMemoryThrottlerStorage();
    const shared = open();
    const key = `same-${blockDuration}`;
    // Bursts, pauses past the window and past the block, at the same clock for both.
    const clock = [0, 1, 2, 3, 4, 5, 6, 7, 1000, 2000, 30_500, 59_999, 60_000, 60_001, 61_000, 95_000, 130_000, 130_001];
    for (const now of clock) {
      const expected = memory.incrementNow(key, MINUTE, 5, blockDuration, 'default', 1_000_000 + now);
      const got = await shared.incrementAt(key, MINUTE, 5, blockDuration, 'default', 1_000_000 + now);
      expect(plain(got), `at +${now} ms`).toEqual(plain(expected));
    }
    memory.onApplicationShutdown();
  });

  it('counts the hits of every replica against one limit', async () => {
    const [a, b] = [open(), open()];
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await (i % 2 ? a : b).increment('user:alice', MINUTE, 5, 0, 'default'));
    expect(answers.map((r) => r.totalHits)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(answers.map((r) => r.isBlocked)).toEqual([false, false, false, false, false, true]);
    expect(answers[5]!.timeToBlockExpire).toBeGreaterThan(0);
  });

  it('counts in memory, without failing a request, while Redis is down, and logs it', async () => {
    const down = await startRedis();
    const warnings: string[] = [];
    const storage = new RedisThrottlerStorage(down.url, (_fields, message) => warnings.push(message));
    storages.push(storage);
    expect((await storage.increment('user:dave', MINUTE, 2, 0, 'default')).totalHits).toBe(1);
    await down.kill();
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await storage.increment('user:dave', MINUTE, 2, 0, 'default'));
    // The memory starts from nothing: still a limit, per replica.
    expect(answers.map((r) => r.isBlocked)).toEqual([false, false, true]);
    expect(storage.fallbacks).toBe(3);
    expect(warnings).toEqual(['rate limits counted in memory: Redis does not answer']);
  });

  it('keeps separate counts per key and per throttler', async () => {
    const storage = open();
    await storage.increment('user:bob', MINUTE, 1, 0, 'default');
    expect((await storage.increment('user:bob', MINUTE, 1, 0, 'control')).isBlocked).toBe(false);
    expect((await storage.increment('user:carol', MINUTE, 1, 0, 'default')).isBlocked).toBe(false);
    expect((await storage.increment('user:bob', MINUTE, 1, 0, 'default')).isBlocked).toBe(true);
  });
});
