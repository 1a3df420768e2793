import { DAY_MS, iso, LATE_SAMPLE_GRACE_MS, RETENTION_DAYS } from './history-resolution';

/** Series sets whose final minutes are kept (the portfolio chart, a few positions). */
const SETS_KEPT = 8;
/** Raw minutes younger than this are never pruned, so a kept minute cannot disappear. */
const SAFE_AGE_MS = (RETENTION_DAYS['1min'] - 1) * DAY_MS;

/** metric type -> minute timestamp (ISO) -> value. */
export type MinuteValues = Map<string, Map<string, string>>;

interface KeptMinutes {
  /** Everything in [from, through) is kept; `through` only moves forward. */
  from: number;
  through: number;
  values: MinuteValues;
}

/** What to read from the database, and how to finish the answer once it is read. */
export interface MinutesPlan {
  /** The part still to read: [from, to), or null when every minute is kept. */
  read: { from: number; to: number } | null;
  /** Builds the answer from the minutes read (metric type -> ISO timestamp -> value). */
  complete(read: MinuteValues): MinuteValues;
}

/**
 * Final 1-minute points of recent charts (the 24h chart is asked for every few seconds by
 * every dashboard). A minute is final once LATE_SAMPLE_GRACE_MS has passed since it and it is
 * younger than raw retention; such minutes never change, so a chart over the last day reads
 * only the minutes since its previous read instead of the whole day from the database.
 */
export class RecentMinutes {
  private readonly kept = new Map<string, KeptMinutes>();

  constructor(private readonly clock: () => number = Date.now) {}

  plan(metricTypes: readonly string[], series: string, fromMs: number, toMs: number): MinutesPlan {
    const key = `${series}\u0000${metricTypes.join(',')}`;
    const now = this.clock();
    const entry = this.kept.get(key);
    const usable = entry !== undefined && entry.from <= fromMs && fromMs <= entry.through;
    const readFrom = usable ? Math.max(entry.through, fromMs) : fromMs;
    return {
      read: readFrom < toMs ? { from: readFrom, to: toMs } : null,
      complete: (read) => {
        const out: MinuteValues = new Map(metricTypes.map((type) => [type, new Map<string, string>()]));
        const [lo, hi] = [iso(fromMs), iso(toMs)];
        if (usable) {
          for (const [type, minutes] of entry.values) {
            const target = out.get(type)!;
            for (const [timestamp, value] of minutes) if (timestamp >= lo && timestamp < hi) target.set(timestamp, value);
          }
        }
        for (const [type, minutes] of read) {
          const target = out.get(type)!;
          for (const [timestamp, value] of minutes) target.set(timestamp, value);
        }
        this.keep(key, usable ? entry : undefined, out, fromMs, Math.min(toMs, now - LATE_SAMPLE_GRACE_MS), now);
        return out;
      },
    };
  }

  /** Keeps the final minutes of [fromMs, finalUntil) of an answer, when the range is recent. */
  private keep(
    key: string,
    previous: KeptMinutes | undefined,
    answer: MinuteValues,
    fromMs: number,
    finalUntil: number,
    now: number,
  ): void {
    if (fromMs < now - SAFE_AGE_MS || finalUntil <= fromMs) return;
    if (previous && previous.through >= finalUntil) return;
    const until = iso(finalUntil);
    const values: MinuteValues = new Map();
    for (const [type, minutes] of answer) {
      const final = new Map<string, string>();
      for (const [timestamp, value] of minutes) if (timestamp < until) final.set(timestamp, value);
      values.set(type, final);
    }
    this.kept.delete(key);
    this.kept.set(key, { from: fromMs, through: finalUntil, values });
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= SETS_KEPT) break;
      this.kept.delete(oldest);
    }
  }
}
