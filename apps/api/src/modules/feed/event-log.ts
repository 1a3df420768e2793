import type { FeedEvent, UnsequencedFeedEvent } from '@dnb/contracts';

/**
 * The one global, monotonic event sequence and its durable log (spec 11.2, Q16). The gateway
 * only reads from it; the feed publisher is its only writer. Behind this interface so a later
 * step can run it across replicas (issue 9: one leader sequences, the others follow).
 */
export interface FeedEventLog {
  /** Loads the high-water mark from the database and warms the in-memory ring. Called once at boot. */
  init(): Promise<void>;
  /**
   * Numbers the events with the next seqs (contiguous, never reused, also across restarts),
   * stores them durably, and only then returns them with their seq. Calls are serialised.
   */
  append(events: readonly UnsequencedFeedEvent[]): Promise<FeedEvent[]>;
  /** The latest seq handed out (0 when nothing was ever appended). */
  currentSeq(): number;
  /** The oldest seq still kept (ring or database), or currentSeq() + 1 when none is. */
  oldestSeq(): number;
  /**
   * The events with afterSeq < seq <= toSeq from the ring, synchronously; undefined when the
   * ring does not hold all of them (then call since()).
   */
  sinceInMemory(afterSeq: number, toSeq: number): FeedEvent[] | undefined;
  /**
   * The events with afterSeq < seq <= toSeq from the ring or else the database; null when
   * some of them are no longer kept (retention): the client needs a snapshot with reset.
   */
  since(afterSeq: number, toSeq: number): Promise<FeedEvent[] | null>;
  /** Applies retention (the last FEED_RETAIN_EVENTS events, FEED_RETAIN_HOURS hours; never the newest event). */
  prune(now?: Date): Promise<{ deleted: number }>;
  stats(): FeedEventLogStats;
}

export interface FeedEventLogStats {
  current_seq: number;
  oldest_seq: number;
  ring_size: number;
  ring_capacity: number;
  appended: number;
  /** append() calls that failed (the events were not sequenced, and so never sent). */
  append_failures: number;
  pruned: number;
}

export const FEED_EVENT_LOG = Symbol('FEED_EVENT_LOG');
