import { Inject, Injectable, Optional } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FeedEvent, UnsequencedFeedEvent } from '@dnb/contracts';
import type { Logger } from 'pino';
import type { DataSource, QueryRunner } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { Leadership } from '../cluster/leadership';
import type { FeedEventLog, FeedEventLogStats } from './event-log';

/** 5 parameters a row: well below SQLite's (32766) and PostgreSQL's (65535) limits. */
const INSERT_ROWS_PER_STATEMENT = 1000;
/** Rows deleted per statement (each its own transaction), so nothing waits long on a prune. */
const PRUNE_BATCH = 1000;
const PRUNE_EVERY_MS = 10 * 60_000;
/** Replicas: a fenced append's transaction dies when left idle this long (see appendNow). */
const FENCED_TRANSACTION_IDLE_MS = 3000;
const HOUR_MS = 3_600_000;

interface FeedEventRow {
  seq: number | string;
  type: string;
  timestamp: string;
  data: string;
}

/**
 * The feed's event log on the API's database (SQLite or PostgreSQL), with the newest events
 * in an in-memory ring. Writes (append, and each prune batch) go through one queue, so seqs
 * are handed out strictly in order and the in-memory state always matches what is committed.
 * The database keeps a contiguous range of seqs: appends add at the top, prune removes from
 * the bottom and never the newest row, so MAX(seq) resumes numbering after a restart.
 */
@Injectable()
export class DatabaseEventLog implements FeedEventLog {
  private readonly postgres: boolean;
  private readonly ring: EventRing;
  private current = 0;
  /** The lowest seq in the database; current + 1 when it holds none. */
  private oldest = 1;
  private appended = 0;
  private appendFailures = 0;
  private appendedSincePrune = 0;
  /** Prune as the log grows (see appendNow); the application turns it on, tests prune by hand. */
  private autoPrune = false;
  private pruned = 0;
  private writes: Promise<unknown> = Promise.resolve();
  private pruning: Promise<unknown> = Promise.resolve();
  /** The leader's fencing epoch (replicas on PostgreSQL); null: appends are not fenced. */
  private fenceEpoch: number | null = null;
  private fencedListener?: (error: FencedAppendError) => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: { feed: Pick<AppConfig['feed'], 'retainEvents' | 'retainHours' | 'ringSize'> },
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly leadership?: Leadership,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
    this.ring = new EventRing(config.feed.ringSize);
  }

  async init(): Promise<void> {
    await this.exclusive(async () => {
      const [bounds] = await this.select<{ min_seq: number | string | null; max_seq: number | string | null }>(
        'SELECT MIN(seq) AS min_seq, MAX(seq) AS max_seq FROM feed_events',
      );
      this.current = Number(bounds?.max_seq ?? 0);
      this.oldest = bounds?.min_seq == null ? this.current + 1 : Number(bounds.min_seq);
      const newest = await this.select<FeedEventRow>('SELECT seq, type, timestamp, data FROM feed_events ORDER BY seq DESC LIMIT ?', [
        this.ring.capacity,
      ]);
      this.ring.clear();
      for (let i = newest.length - 1; i >= 0; i--) this.ring.push(toEvent(newest[i]!));
      this.logger.info({ current_seq: this.current, oldest_seq: this.oldest, ring_size: this.ring.size }, 'feed event log loaded');
    });
  }

  append(events: readonly UnsequencedFeedEvent[]): Promise<FeedEvent[]> {
    if (events.length === 0) return Promise.resolve([]);
    return this.exclusive(() => this.appendNow(events));
  }

  /**
   * Replicas: appends from now on commit only while cluster_lease still holds this epoch (read
   * FOR SHARE in the append's transaction, so a new leader's bump waits for it or fences it).
   * null turns fencing off. A fenced append throws FencedAppendError and tells the listener.
   */
  fence(epoch: number | null, onFenced?: (error: FencedAppendError) => void): void {
    this.fenceEpoch = this.postgres ? epoch : null;
    this.fencedListener = onFenced;
  }

  /**
   * A follower takes in events the leader sequenced (from the fan-out): returns the ones after
   * currentSeq() up to the last given, contiguous, reading from the shared database any the
   * fan-out skipped (a lost message). Events already held are dropped. Serialised with writes.
   */
  follow(events: readonly FeedEvent[]): Promise<FeedEvent[]> {
    return this.exclusive(async () => {
      const last = events.at(-1)?.seq ?? 0;
      if (last <= this.current) return [];
      const fresh = events.filter((event) => event.seq > this.current);
      const missing = fresh[0]!.seq - this.current - 1;
      const gap = missing > 0 ? await this.readRange(this.current, fresh[0]!.seq - 1) : [];
      const run = [...gap, ...fresh];
      if (run.some((event, i) => event.seq !== this.current + 1 + i)) {
        // The database no longer holds the gap (pruned) or the message was out of order: start over from the database.
        const rows = await this.readRange(this.current, last);
        return this.takeIn(rows.filter((row, i) => row.seq === rows[0]!.seq + i));
      }
      return this.takeIn(run);
    });
  }

  /** A follower that must be at seq before going on (a baseline at seq): reads what it lacks from the database. */
  followTo(seq: number): Promise<FeedEvent[]> {
    return this.exclusive(async () => (seq <= this.current ? [] : this.takeIn(await this.readRange(this.current, seq))));
  }

  /** Also prune every tenth of FEED_RETAIN_EVENTS appended, not only on the schedule. */
  enableAutoPrune(): void {
    this.autoPrune = true;
  }

  currentSeq(): number {
    return this.current;
  }

  oldestSeq(): number {
    return this.oldest;
  }

  /** toSeq beyond currentSeq() is read as currentSeq(): later events do not exist yet. */
  sinceInMemory(afterSeq: number, toSeq: number): FeedEvent[] | undefined {
    const to = Math.min(toSeq, this.current);
    if (afterSeq >= to) return [];
    return this.ring.range(afterSeq + 1, to);
  }

  /** toSeq beyond currentSeq() is read as currentSeq(), as in sinceInMemory(). */
  async since(afterSeq: number, toSeq: number): Promise<FeedEvent[] | null> {
    const to = Math.min(toSeq, this.current);
    if (afterSeq >= to) return [];
    if (afterSeq + 1 < this.oldest) return null;
    const inMemory = this.ring.range(afterSeq + 1, to);
    if (inMemory) return inMemory;
    const rows = await this.select<FeedEventRow>(
      'SELECT seq, type, timestamp, data FROM feed_events WHERE seq > ? AND seq <= ? ORDER BY seq',
      [afterSeq, to],
    );
    // A prune may have run since the check above: a gap means the client must start over.
    if (rows.length !== to - afterSeq) return null;
    const events = rows.map(toEvent);
    return events.every((event, i) => event.seq === afterSeq + 1 + i) ? events : null;
  }

  /**
   * Deletes every event outside either limit (beyond the newest retainEvents, or stored more
   * than retainHours ago), oldest first, but never the newest event. Concurrent calls queue.
   */
  prune(now: Date = new Date()): Promise<{ deleted: number }> {
    const run = this.pruning.then(() => this.pruneNow(now));
    this.pruning = run.catch(() => undefined);
    return run;
  }

  @Interval('feed-event-log-prune', PRUNE_EVERY_MS)
  async pruneOnSchedule(): Promise<void> {
    // Replicas: the leader prunes the shared log; followers only read it.
    if (this.leadership && !this.leadership.isLeader()) return;
    try {
      const { deleted } = await this.prune();
      if (deleted > 0) this.logger.info({ deleted, oldest_seq: this.oldest, current_seq: this.current }, 'feed event log pruned');
    } catch (error) {
      this.logger.error({ err: error }, 'feed event log prune failed');
    }
  }

  stats(): FeedEventLogStats {
    return {
      current_seq: this.current,
      oldest_seq: this.oldest,
      ring_size: this.ring.size,
      ring_capacity: this.ring.capacity,
      appended: this.appended,
      append_failures: this.appendFailures,
      pruned: this.pruned,
    };
  }

  private takeIn(events: FeedEvent[]): FeedEvent[] {
    for (const event of events) this.ring.push(event);
    if (events.length) this.current = events.at(-1)!.seq;
    if (this.oldest > this.current) this.oldest = events[0]?.seq ?? this.oldest;
    return events;
  }

  private async readRange(afterSeq: number, toSeq: number): Promise<FeedEvent[]> {
    const rows = await this.select<FeedEventRow>(
      'SELECT seq, type, timestamp, data FROM feed_events WHERE seq > ? AND seq <= ? ORDER BY seq',
      [afterSeq, toSeq],
    );
    return rows.map(toEvent);
  }

  private async appendNow(events: readonly UnsequencedFeedEvent[]): Promise<FeedEvent[]> {
    const first = this.current + 1;
    const sequenced = events.map(
      (event, i) => ({ type: event.type, seq: first + i, timestamp: event.timestamp, data: event.data }) as FeedEvent,
    );
    const createdAt = new Date().toISOString();
    try {
      if (this.fenceEpoch !== null) {
        const epoch = this.fenceEpoch;
        await this.dataSource.transaction(async (manager) => {
          // A leader frozen inside this transaction must not hold the lease row (and so its
          // successor's epoch bump) for longer than that.
          await manager.query(`SET LOCAL idle_in_transaction_session_timeout = ${FENCED_TRANSACTION_IDLE_MS}`);
          const [lease] = await manager.query<Array<{ epoch: number | string }>>('SELECT epoch FROM cluster_lease WHERE id = 1 FOR SHARE');
          if (Number(lease?.epoch) !== epoch) throw new FencedAppendError(epoch, Number(lease?.epoch));
          for (let i = 0; i < sequenced.length; i += INSERT_ROWS_PER_STATEMENT) {
            const chunk = sequenced.slice(i, i + INSERT_ROWS_PER_STATEMENT);
            await manager.query(this.insertSql(chunk.length), insertParams(chunk, createdAt));
          }
        });
      } else if (sequenced.length <= INSERT_ROWS_PER_STATEMENT) {
        // One statement is atomic on its own, and leaves no await inside an open transaction
        // (on SQLite every repository shares TypeORM's one connection).
        await this.dataSource.query(this.insertSql(sequenced.length), insertParams(sequenced, createdAt));
      } else {
        await this.dataSource.transaction(async (manager) => {
          for (let i = 0; i < sequenced.length; i += INSERT_ROWS_PER_STATEMENT) {
            const chunk = sequenced.slice(i, i + INSERT_ROWS_PER_STATEMENT);
            await manager.query(this.insertSql(chunk.length), insertParams(chunk, createdAt));
          }
        });
      }
    } catch (error) {
      this.appendFailures++;
      if (error instanceof FencedAppendError) {
        this.logger.error({ epoch: error.epoch, current_epoch: error.currentEpoch }, 'feed event log append fenced: another replica leads');
        this.fenceEpoch = null;
        this.fencedListener?.(error);
        throw error;
      }
      this.logger.error({ err: error, first_seq: first, count: sequenced.length }, 'feed event log append failed; events not sequenced');
      await this.resyncAfterFailure().catch(() => undefined);
      throw error;
    }
    // Committed: only now do the seqs count as handed out.
    this.current = first + sequenced.length - 1;
    for (const event of sequenced) this.ring.push(event);
    this.appended += sequenced.length;
    // Between scheduled runs too, so a burst cannot grow the log far past FEED_RETAIN_EVENTS.
    this.appendedSincePrune += sequenced.length;
    if (this.autoPrune && this.appendedSincePrune >= Math.max(100, Math.floor(this.config.feed.retainEvents / 10))) {
      this.appendedSincePrune = 0;
      void this.pruneOnSchedule();
    }
    return sequenced;
  }

  /**
   * A driver can report an error for an insert that did commit: then MAX(seq) moved and the
   * next append would collide. Those rows are real events (catch-up serves them); take them in.
   */
  private async resyncAfterFailure(): Promise<void> {
    const [bounds] = await this.select<{ max_seq: number | string | null }>('SELECT MAX(seq) AS max_seq FROM feed_events');
    const stored = Number(bounds?.max_seq ?? 0);
    if (stored <= this.current) return;
    const missed = await this.select<FeedEventRow>('SELECT seq, type, timestamp, data FROM feed_events WHERE seq > ? ORDER BY seq', [
      this.current,
    ]);
    // Only a contiguous run right after ours is a committed append; anything else is left alone (and logged).
    if (missed.some((row, i) => Number(row.seq) !== this.current + 1 + i)) {
      this.logger.error(
        { current_seq: this.current, stored_max_seq: stored },
        'feed event log: rows beyond the sequence that are not ours',
      );
      return;
    }
    for (const row of missed) this.ring.push(toEvent(row));
    this.current = stored;
    this.logger.warn({ current_seq: stored }, 'feed event log: a failed append had been stored; sequence resynchronised');
  }

  private async pruneNow(now: Date): Promise<{ deleted: number }> {
    const { retainEvents, retainHours } = this.config.feed;
    const cutoff = new Date(now.getTime() - retainHours * HOUR_MS).toISOString();
    const [tooOld] = await this.select<{ seq: number | string | null }>('SELECT MAX(seq) AS seq FROM feed_events WHERE created_at < ?', [
      cutoff,
    ]);
    // The stricter limit wins; the newest row (current) always stays.
    const keepFrom = Math.min(Math.max(this.current - retainEvents + 1, Number(tooOld?.seq ?? 0) + 1), this.current);
    let deleted = 0;
    while (this.oldest < keepFrom) {
      const batchEnd = Math.min(this.oldest + PRUNE_BATCH, keepFrom);
      deleted += await this.exclusive(async () => {
        const affected = await this.execute('DELETE FROM feed_events WHERE seq < ?', [batchEnd]);
        this.oldest = Math.max(this.oldest, batchEnd);
        this.ring.dropBefore(this.oldest);
        this.pruned += affected;
        return affected;
      });
    }
    return { deleted };
  }

  /** Runs one write at a time, in call order; a failed write does not block the next. */
  private exclusive<T>(write: () => Promise<T>): Promise<T> {
    const run = this.writes.then(write);
    this.writes = run.catch(() => undefined);
    return run;
  }

  private select<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query<T[]>(this.placeholders(sql), params);
  }

  /** Returns the number of rows affected (the drivers' plain results differ in shape). */
  private async execute(sql: string, params: unknown[]): Promise<number> {
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    try {
      return (await runner.query(this.placeholders(sql), params, true)).affected ?? 0;
    } finally {
      await runner.release();
    }
  }

  private insertSql(rows: number): string {
    const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ');
    return this.placeholders(`INSERT INTO feed_events (seq, type, timestamp, data, created_at) VALUES ${values}`);
  }

  /** SQL is written with `?`; PostgreSQL numbers its parameters. */
  private placeholders(sql: string): string {
    if (!this.postgres) return sql;
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  }
}

/** A deposed leader tried to append: the lease's epoch moved on. Nothing was written. */
export class FencedAppendError extends Error {
  constructor(
    readonly epoch: number,
    readonly currentEpoch: number,
  ) {
    super(`append fenced: this replica led with epoch ${epoch}, the lease is at ${currentEpoch}`);
    this.name = 'FencedAppendError';
  }
}

function insertParams(events: readonly FeedEvent[], createdAt: string): unknown[] {
  const params: unknown[] = [];
  for (const event of events) params.push(event.seq, event.type, event.timestamp, JSON.stringify(event.data), createdAt);
  return params;
}

/** PostgreSQL returns BIGINT as a string. */
function toEvent(row: FeedEventRow): FeedEvent {
  return { type: row.type, seq: Number(row.seq), timestamp: row.timestamp, data: JSON.parse(row.data) as unknown } as FeedEvent;
}

/**
 * A fixed-size circular buffer of the newest events, which always hold contiguous seqs, so a
 * seq's slot is found by arithmetic. Slots are preallocated; only the events themselves are
 * allocated (by the caller).
 */
class EventRing {
  private readonly slots: Array<FeedEvent | undefined>;
  /** Slot of the oldest event. */
  private head = 0;
  size = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array<FeedEvent | undefined>(capacity).fill(undefined);
  }

  push(event: FeedEvent): void {
    // Never the case when fed in seq order; a gap would make the arithmetic lie, so restart.
    if (this.size > 0 && event.seq !== this.lastSeq() + 1) this.clear();
    if (this.size < this.capacity) {
      this.slots[(this.head + this.size) % this.capacity] = event;
      this.size++;
    } else {
      this.slots[this.head] = event;
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** The events fromSeq..toSeq (inclusive, fromSeq <= toSeq), or undefined unless all are held. */
  range(fromSeq: number, toSeq: number): FeedEvent[] | undefined {
    if (this.size === 0 || fromSeq < this.firstSeq() || toSeq > this.lastSeq()) return undefined;
    const out = new Array<FeedEvent>(toSeq - fromSeq + 1);
    const start = this.head + (fromSeq - this.firstSeq());
    for (let i = 0; i < out.length; i++) out[i] = this.slots[(start + i) % this.capacity]!;
    return out;
  }

  /** Forgets the events below seq (they were pruned from the database). */
  dropBefore(seq: number): void {
    while (this.size > 0 && this.firstSeq() < seq) {
      this.slots[this.head] = undefined;
      this.head = (this.head + 1) % this.capacity;
      this.size--;
    }
  }

  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.size = 0;
  }

  private firstSeq(): number {
    return this.slots[this.head]!.seq;
  }

  private lastSeq(): number {
    return this.slots[(this.head + this.size - 1) % this.capacity]!.seq;
  }
}
