import { Injectable } from '@nestjs/common';
import { DecimalAggregator, type Aggregate } from './decimal-aggregate';
import { bucketStart, FINER, iso, type Resolution, type RollupResolution } from './history-resolution';
import { MetricsRepository } from './metrics.repository';
import { RecentMinutes, type MinuteValues } from './recent-minutes';

/** metric type -> bucket start (ISO) -> the bucket's figures, buckets oldest first. */
export type SeriesBuckets = Map<string, Map<string, Aggregate>>;
/** metric type -> bucket start (ISO) -> the bucket's newest value. */
export type SeriesLastValues = Map<string, Map<string, string>>;

/** Chart spans whose rollup buckets are kept in memory (a few charts at each resolution). */
const OWN_BUCKETS_KEPT = 12;

/**
 * Reads series at a resolution from where they are already aggregated: the rollup table up to
 * where that level is complete, and the newest part (buckets not closed or not rolled up yet)
 * from the next finer level, recursively down to the 1-minute points. So a 1-year chart at 1
 * day reads ~365 rollup rows plus at most a day of hours, an hour of 5-minute buckets and a
 * few minutes of raw points, never a year of raw rows.
 */
@Injectable()
export class SeriesReader {
  /** Rollup buckets of recent chart spans (see readLast), the most recently stored last. */
  private readonly ownBuckets = new Map<string, SeriesLastValues>();
  private readonly recentMinutes = new RecentMinutes();

  constructor(private readonly metrics: MetricsRepository) {}

  async read(metricTypes: readonly string[], series: string, resolution: Resolution, fromMs: number, toMs: number): Promise<SeriesBuckets> {
    const rolled = await this.metrics.rolledUntil();
    const out: SeriesBuckets = new Map(metricTypes.map((t) => [t, new Map()]));
    await this.readLevel(out, rolled, metricTypes, series, resolution, bucketStart(fromMs, resolution), toMs);
    return out;
  }

  /**
   * Only each bucket's newest value (what a chart of levels draws), read as `read` does but in
   * one statement: the rollups' last_value where the level is complete, then the finer levels'
   * (down to the 1-minute points) for the newest part, whose newest row in a bucket wins.
   */
  async readLast(
    metricTypes: readonly string[],
    series: string,
    resolution: Resolution,
    fromMs: number,
    toMs: number,
  ): Promise<SeriesLastValues> {
    if (resolution === '1min') return this.readLastMinutes(metricTypes, series, fromMs, toMs);
    const { rolled, prunedAt } = await this.metrics.rollupState();
    const parts: LevelPart[] = [];
    let level: Resolution = resolution;
    let from = bucketStart(fromMs, resolution);
    while (from < toMs) {
      if (level === '1min') {
        parts.push({ resolution: level, from: iso(from), to: iso(toMs) });
        break;
      }
      const until = rolled[level];
      const split = Math.min(Math.max(until ? Date.parse(until) : from, from), toMs);
      if (split > from) parts.push({ resolution: level, from: iso(from), to: iso(split) });
      from = split;
      level = FINER[level];
    }
    const out: SeriesLastValues = new Map(metricTypes.map((t) => [t, new Map()]));
    if (parts.length === 0) return out;
    // The chart's own rollup buckets, closed and complete, change only when retention removes
    // old ones: they are kept per exact span (and retention run) and only the newest part is read.
    const own = parts[0]!.resolution === resolution ? parts[0]! : null;
    const cacheKey = own && [resolution, series, metricTypes.join(','), own.from, own.to, prunedAt ?? ''].join('\u0000');
    const cached = cacheKey ? this.ownBuckets.get(cacheKey) : undefined;
    if (cached) {
      for (const [metricType, buckets] of cached) out.set(metricType, new Map(buckets));
      parts[0] = { ...parts[0]!, to: parts[0]!.from };
    }
    const packed = await this.metrics.readLastValues(metricTypes, series, parts);
    const ownIndex = own ? 0 : parts[0]!.resolution === resolution ? 0 : -1;
    // Rows of the chart's own resolution are its buckets (first, so they can be kept)...
    for (const { metricType, part, pairs } of packed) {
      if (part !== ownIndex) continue;
      const target = out.get(metricType)!;
      for (const pair of pairs.split(',')) {
        const cut = pair.indexOf('=');
        target.set(pair.slice(0, cut), pair.slice(cut + 1));
      }
    }
    if (cacheKey && !cached) this.remember(cacheKey, out);
    // ...finer ones are folded into them, the newest row of a bucket winning.
    const newest = new Map<string, string>();
    for (const { metricType, part, pairs } of packed) {
      if (part === ownIndex) continue;
      const target = out.get(metricType)!;
      for (const pair of pairs.split(',')) {
        const cut = pair.indexOf('=');
        const timestamp = pair.slice(0, cut);
        const bucket = iso(bucketStart(Date.parse(timestamp), resolution));
        const key = `${metricType}\u0000${bucket}`;
        const seen = newest.get(key);
        if (seen !== undefined && seen > timestamp) continue;
        newest.set(key, timestamp);
        target.set(bucket, pair.slice(cut + 1));
      }
    }
    return out;
  }

  /** A chart at 1 minute: each point is a raw minute; only the minutes not yet final or kept are read. */
  private async readLastMinutes(metricTypes: readonly string[], series: string, fromMs: number, toMs: number): Promise<SeriesLastValues> {
    const plan = this.recentMinutes.plan(metricTypes, series, fromMs, toMs);
    const read: MinuteValues = new Map();
    if (plan.read) {
      const part = { resolution: '1min' as const, from: iso(plan.read.from), to: iso(plan.read.to) };
      for (const { metricType, pairs } of await this.metrics.readLastValues(metricTypes, series, [part])) {
        let target = read.get(metricType);
        if (!target) read.set(metricType, (target = new Map()));
        for (const pair of pairs.split(',')) {
          const cut = pair.indexOf('=');
          target.set(pair.slice(0, cut), pair.slice(cut + 1));
        }
      }
    }
    return plan.complete(read);
  }

  /** Keeps a copy of a span's rollup buckets; the oldest span goes beyond OWN_BUCKETS_KEPT. */
  private remember(key: string, values: SeriesLastValues): void {
    this.ownBuckets.delete(key);
    this.ownBuckets.set(key, new Map([...values].map(([metricType, buckets]) => [metricType, new Map(buckets)])));
    for (const oldest of this.ownBuckets.keys()) {
      if (this.ownBuckets.size <= OWN_BUCKETS_KEPT) break;
      this.ownBuckets.delete(oldest);
    }
  }

  private async readLevel(
    out: SeriesBuckets,
    rolled: Partial<Record<RollupResolution, string>>,
    metricTypes: readonly string[],
    series: string,
    resolution: Resolution,
    fromMs: number,
    toMs: number,
  ): Promise<void> {
    if (fromMs >= toMs) return;
    if (resolution === '1min') {
      for (const row of await this.metrics.readRaw(metricTypes, series, iso(fromMs), iso(toMs))) {
        const v = row.value;
        out.get(row.metric_type)!.set(row.timestamp, { avg: v, min: v, max: v, sum: v, last: v, count: 1 });
      }
      return;
    }
    const until = rolled[resolution];
    const split = Math.min(Math.max(until ? Date.parse(until) : fromMs, fromMs), toMs);
    if (split > fromMs) {
      for (const row of await this.metrics.readRollups(metricTypes, series, resolution, iso(fromMs), iso(split))) {
        const { metric_type, timestamp, ...aggregate } = row;
        out.get(metric_type)!.set(timestamp, aggregate);
      }
    }
    if (split >= toMs) return;
    // The part not rolled up yet: finer buckets folded into this resolution's.
    const finer: SeriesBuckets = new Map(metricTypes.map((t) => [t, new Map()]));
    await this.readLevel(finer, rolled, metricTypes, series, FINER[resolution], split, toMs);
    for (const [metricType, buckets] of finer) {
      const folded = new Map<number, DecimalAggregator>();
      for (const [timestamp, aggregate] of buckets) {
        const bucket = bucketStart(Date.parse(timestamp), resolution);
        let aggregator = folded.get(bucket);
        if (!aggregator) folded.set(bucket, (aggregator = new DecimalAggregator()));
        aggregator.addAggregate(aggregate);
      }
      const target = out.get(metricType)!;
      for (const [bucket, aggregator] of folded) target.set(iso(bucket), aggregator.result());
    }
  }
}

/** A part of a chart read at one level: [from, to), ISO. */
export interface LevelPart {
  resolution: Resolution;
  from: string;
  to: string;
}

/** Every bucket start present in any of the series, oldest first. */
export function bucketTimestamps(buckets: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[] {
  const all = new Set<string>();
  for (const series of buckets.values()) for (const timestamp of series.keys()) all.add(timestamp);
  return [...all].sort();
}
