import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

/** What ThrottlerStorage.increment answers (the library does not export the record type by name). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const SWEEP_INTERVAL_MS = 60_000;
/** Hits expiring within the same millisecond share one entry; the queue is compacted past this. */
const COMPACT_AFTER = 1024;

/**
 * The hits of one key and throttler still inside the window: a queue of (expiry, count) in
 * expiry order, so pruning drops from the head and the earliest expiry is the head.
 */
class HitLog {
  private expiries: number[] = [];
  private counts: number[] = [];
  private head = 0;
  total = 0;

  add(expiresAt: number): void {
    const tail = this.expiries.length - 1;
    // Same millisecond (or a clock step back): counted with the later expiry, never dropped early.
    if (tail >= this.head && this.expiries[tail] >= expiresAt) this.counts[tail]++;
    else {
      this.expiries.push(expiresAt);
      this.counts.push(1);
    }
    this.total++;
  }

  prune(now: number): void {
    const { expiries, counts } = this;
    let head = this.head;
    while (head < expiries.length && expiries[head] <= now) this.total -= counts[head++];
    if (head === expiries.length) {
      this.expiries = [];
      this.counts = [];
      this.head = 0;
      this.total = 0;
    } else if (head > COMPACT_AFTER && head * 2 > expiries.length) {
      this.expiries = expiries.slice(head);
      this.counts = counts.slice(head);
      this.head = 0;
    } else this.head = head;
  }

  clear(): void {
    this.expiries = [];
    this.counts = [];
    this.head = 0;
    this.total = 0;
  }

  /** The earliest expiry still held, or undefined when empty. */
  earliest(): number | undefined {
    return this.head < this.expiries.length ? this.expiries[this.head] : undefined;
  }

  liveAt(now: number): boolean {
    return this.expiries.length > 0 && this.expiries[this.expiries.length - 1] > now;
  }
}

interface KeyRecord {
  expiresAt: number;
  blockExpiresAt: number;
  isBlocked: boolean;
  hits: Map<string, HitLog>;
}

/**
 * In-memory rate-limit storage with the same answers as @nestjs/throttler's default storage
 * (a sliding log of hits per key, a block of `blockDuration` once over the limit, a window
 * expiry per key), but O(1) per request: the default one filters the whole hit list and
 * spreads it into Math.min on every request, which costs O(hits in the window) per request
 * (and overflows the stack at a few hundred thousand hits per minute).
 */
@Injectable()
export class InMemoryThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly records = new Map<string, KeyRecord>();
  private sweepTimer?: NodeJS.Timeout;

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    return Promise.resolve(this.incrementNow(key, ttl, limit, blockDuration, throttlerName, Date.now()));
  }

  /** The synchronous core of increment, with the clock given (for tests). */
  incrementNow(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string, now: number): ThrottlerStorageRecord {
    this.ensureSweep();
    let record = this.records.get(key);
    if (!record) {
      record = { expiresAt: now + ttl, blockExpiresAt: 0, isBlocked: false, hits: new Map() };
      this.records.set(key, record);
    }
    let hits = record.hits.get(throttlerName);
    if (!hits) {
      hits = new HitLog();
      record.hits.set(throttlerName, hits);
    }
    hits.prune(now);
    let timeToExpire = Math.ceil((record.expiresAt - now) / 1000);
    if (timeToExpire <= 0) {
      record.expiresAt = now + ttl;
      timeToExpire = Math.ceil(ttl / 1000);
    }

    if (blockDuration <= 0) {
      const isBlocked = hits.total >= limit;
      if (!isBlocked) hits.add(now + ttl);
      const earliest = hits.earliest();
      const timeToBlockExpire = earliest !== undefined ? Math.ceil((earliest - now) / 1000) : timeToExpire;
      return {
        totalHits: hits.total + (isBlocked ? 1 : 0),
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? timeToBlockExpire : 0,
      };
    }

    if (!record.isBlocked) hits.add(now + ttl);
    if (hits.total > limit && !record.isBlocked) {
      record.isBlocked = true;
      record.blockExpiresAt = now + blockDuration;
    }
    const timeToBlockExpire = Math.ceil((record.blockExpiresAt - now) / 1000);
    if (timeToBlockExpire <= 0 && record.isBlocked) {
      // The block is over: start counting again from this hit.
      record.isBlocked = false;
      hits.clear();
      hits.add(now + ttl);
    }
    return { totalHits: hits.total, timeToExpire, isBlocked: record.isBlocked, timeToBlockExpire };
  }

  /** Drops keys with no live hits, no running block and an elapsed window. */
  sweep(now = Date.now()): void {
    for (const [key, record] of this.records) {
      if (record.isBlocked && record.blockExpiresAt > now) continue;
      if (record.expiresAt > now) continue;
      let live = false;
      for (const hits of record.hits.values()) if (hits.liveAt(now)) live = true;
      if (!live) this.records.delete(key);
    }
  }

  get size(): number {
    return this.records.size;
  }

  onApplicationShutdown(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
    this.records.clear();
  }

  private ensureSweep(): void {
    if (this.sweepTimer) return;
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }
}
