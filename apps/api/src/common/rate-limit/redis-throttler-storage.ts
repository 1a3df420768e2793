import { randomBytes } from 'node:crypto';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { InMemoryThrottlerStorage, type ThrottlerStorageRecord } from './throttler-storage';

const PREFIX = 'dnb:rl:';
/** A Redis that does not answer within this is treated as down for that request. */
const COMMAND_TIMEOUT_MS = 500;
const FALLBACK_LOG_INTERVAL_MS = 30_000;

/**
 * One atomic step of the same algorithm as InMemoryThrottlerStorage, in Redis: per key a hash
 * (window expiry, block), per key and throttler a sorted set of hits scored by their expiry.
 * The clock is Redis's own (TIME) unless a test gives one, so replicas with skewed clocks
 * still count in one window. Keys expire when nothing in them matters any more.
 */
const INCREMENT = `
local now = tonumber(ARGV[1])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local ttl = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local block = tonumber(ARGV[4])
local member = ARGV[5]
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local total = redis.call('ZCARD', KEYS[2])
local rec = redis.call('HMGET', KEYS[1], 'expiresAt', 'blockExpiresAt', 'isBlocked')
local expiresAt = tonumber(rec[1]) or (now + ttl)
local blockExpiresAt = tonumber(rec[2]) or 0
local isBlocked = rec[3] == '1'
local timeToExpire = math.ceil((expiresAt - now) / 1000)
if timeToExpire <= 0 then
  expiresAt = now + ttl
  timeToExpire = math.ceil(ttl / 1000)
end
local function add()
  redis.call('ZADD', KEYS[2], now + ttl, member)
  total = total + 1
end
local result
if block <= 0 then
  local blocked = total >= limit
  if not blocked then add() end
  local ttbe = timeToExpire
  local earliest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  if earliest[2] then ttbe = math.ceil((tonumber(earliest[2]) - now) / 1000) end
  result = { total + (blocked and 1 or 0), timeToExpire, blocked and 1 or 0, blocked and ttbe or 0 }
else
  if not isBlocked then add() end
  if total > limit and not isBlocked then
    isBlocked = true
    blockExpiresAt = now + block
  end
  local ttbe = math.ceil((blockExpiresAt - now) / 1000)
  if ttbe <= 0 and isBlocked then
    isBlocked = false
    redis.call('DEL', KEYS[2])
    total = 0
    add()
  end
  result = { total, timeToExpire, isBlocked and 1 or 0, ttbe }
end
redis.call('HSET', KEYS[1], 'expiresAt', expiresAt, 'blockExpiresAt', blockExpiresAt, 'isBlocked', isBlocked and '1' or '0')
local keep = math.max(expiresAt, blockExpiresAt, now + ttl) - now + 1000
redis.call('PEXPIRE', KEYS[1], keep)
redis.call('PEXPIRE', KEYS[2], keep)
return result
`;

type IncrementCommand = (
  recordKey: string,
  hitsKey: string,
  now: string,
  ttl: number,
  limit: number,
  blockDuration: number,
  member: string,
) => Promise<[number, number, number, number]>;

/**
 * Rate-limit storage shared by every API replica (issue 9: limits hold across replicas), with
 * the answers of InMemoryThrottlerStorage. Used when REDIS_URL is set. While Redis cannot
 * answer, each request is counted in this replica's memory instead (limits then hold per
 * replica), never refused or failed for it; every such request is counted and logged.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis & { dnbThrottle: IncrementCommand };
  private sequence = 0;
  private readonly instance = randomBytes(6).toString('hex');
  private readonly fallback = new InMemoryThrottlerStorage();
  /** Requests counted in memory because Redis did not answer. */
  fallbacks = 0;
  private lastFallbackLog = 0;
  /** Settles when the first connection is up: requests at boot wait for it (briefly) rather than fall back. */
  private readonly firstReady: Promise<void>;
  private everReady = false;

  constructor(
    url: string,
    private readonly warn: (fields: Record<string, unknown>, message: string) => void = () => undefined,
  ) {
    const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: COMMAND_TIMEOUT_MS });
    // Connection errors surface per request (and fall back); ioredis keeps reconnecting by itself.
    redis.on('error', () => undefined);
    this.firstReady = new Promise((resolve) => redis.once('ready', () => resolve()));
    redis.defineCommand('dnbThrottle', { numberOfKeys: 2, lua: INCREMENT });
    this.redis = redis as Redis & { dnbThrottle: IncrementCommand };
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    return this.incrementAt(key, ttl, limit, blockDuration, throttlerName, undefined);
  }

  /** With the clock given (tests); undefined uses Redis's clock. */
  async incrementAt(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
    now: number | undefined,
  ): Promise<ThrottlerStorageRecord> {
    // Each hit is its own member, unique across replicas.
    const member = `${this.instance}:${++this.sequence}`;
    try {
      if (!this.everReady) {
        await Promise.race([this.firstReady, new Promise((r) => setTimeout(r, COMMAND_TIMEOUT_MS))]);
        this.everReady = this.redis.status === 'ready';
      }
      const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = await this.redis.dnbThrottle(
        `${PREFIX}${key}`,
        `${PREFIX}${key}:${throttlerName}`,
        now === undefined ? '' : String(now),
        ttl,
        limit,
        blockDuration,
        member,
      );
      return { totalHits, timeToExpire, isBlocked: isBlocked === 1, timeToBlockExpire };
    } catch (error) {
      this.fallbacks++;
      const at = Date.now();
      if (at - this.lastFallbackLog >= FALLBACK_LOG_INTERVAL_MS) {
        this.lastFallbackLog = at;
        this.warn({ err: error, fallbacks: this.fallbacks }, 'rate limits counted in memory: Redis does not answer');
      }
      return this.fallback.incrementNow(key, ttl, limit, blockDuration, throttlerName, now ?? at);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.fallback.onApplicationShutdown();
    await this.redis.quit().catch(() => undefined);
  }
}
