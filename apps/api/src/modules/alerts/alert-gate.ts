import type { AlertCandidate } from './alert-rules';

export type GateDecision = 'send' | 'throttled' | 'acknowledged';

/**
 * Progressive severity (spec 6.4, Q11): a throttle per (metric key, alert type), so each level of
 * one metric has its own; a rise (a higher level, hence another type) is never held back by the
 * lower level's throttle, and a level without throttle fires on every evaluation. An ack holds
 * back repeats for its metric key up to the acknowledged level, until the severity rises above
 * it or the condition ends (clear). Time is passed in, so a fake clock drives it in tests.
 */
export class AlertGate {
  /** `${metricKey} ${type}` -> when it was last let through (epoch ms). */
  private readonly lastSent = new Map<string, number>();
  /** metric key -> the highest level acknowledged in the current episode. */
  private readonly acknowledged = new Map<string, number>();

  decide(candidate: AlertCandidate, now: number): GateDecision {
    const acked = this.acknowledged.get(candidate.metricKey);
    if (acked !== undefined) {
      if (candidate.level <= acked) return 'acknowledged';
      // A rise above what was acknowledged: the ack is spent.
      this.acknowledged.delete(candidate.metricKey);
    }
    const key = throttleKey(candidate.metricKey, candidate.type);
    const last = this.lastSent.get(key);
    if (candidate.throttleMs > 0 && last !== undefined && now - last < candidate.throttleMs) return 'throttled';
    this.lastSent.set(key, now);
    return 'send';
  }

  /** An operator acknowledged an alert of this metric key at this level. */
  acknowledge(metricKey: string, level: number): void {
    this.acknowledged.set(metricKey, Math.max(level, this.acknowledged.get(metricKey) ?? level));
  }

  /** The condition is over (e.g. the health factor is back above every level): the next episode alerts afresh. */
  clear(metricKey: string): void {
    this.acknowledged.delete(metricKey);
  }

  /** What was sent before a restart (read back from the alert store), so a restart does not repeat it. */
  restore(metricKey: string, type: AlertCandidate['type'], sentAt: number): void {
    const key = throttleKey(metricKey, type);
    this.lastSent.set(key, Math.max(sentAt, this.lastSent.get(key) ?? sentAt));
  }

  /** Forgets throttle entries older than the longest throttle (they can no longer hold anything back). */
  prune(now: number, longestThrottleMs: number): number {
    let dropped = 0;
    for (const [key, at] of this.lastSent) {
      if (now - at >= longestThrottleMs) {
        this.lastSent.delete(key);
        dropped += 1;
      }
    }
    return dropped;
  }

  get size(): number {
    return this.lastSent.size;
  }
}

function throttleKey(metricKey: string, type: string): string {
  return `${metricKey} ${type}`;
}
