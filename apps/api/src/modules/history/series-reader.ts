import { Injectable } from '@nestjs/common';
import { DecimalAggregator, type Aggregate } from './decimal-aggregate';
import { bucketStart, FINER, iso, type Resolution, type RollupResolution } from './history-resolution';
import { MetricsRepository } from './metrics.repository';

/** metric type -> bucket start (ISO) -> the bucket's figures, buckets oldest first. */
export type SeriesBuckets = Map<string, Map<string, Aggregate>>;

/**
 * Reads series at a resolution from where they are already aggregated: the rollup table up to
 * where that level is complete, and the newest part (buckets not closed or not rolled up yet)
 * from the next finer level, recursively down to the 1-minute points. So a 1-year chart at 1
 * day reads ~365 rollup rows plus at most a day of hours, an hour of 5-minute buckets and a
 * few minutes of raw points, never a year of raw rows.
 */
@Injectable()
export class SeriesReader {
  constructor(private readonly metrics: MetricsRepository) {}

  async read(metricTypes: readonly string[], series: string, resolution: Resolution, fromMs: number, toMs: number): Promise<SeriesBuckets> {
    const rolled = await this.metrics.rolledUntil();
    const out: SeriesBuckets = new Map(metricTypes.map((t) => [t, new Map()]));
    await this.readLevel(out, rolled, metricTypes, series, resolution, bucketStart(fromMs, resolution), toMs);
    return out;
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

/** Every bucket start present in any of the series, oldest first. */
export function bucketTimestamps(buckets: SeriesBuckets): string[] {
  const all = new Set<string>();
  for (const series of buckets.values()) for (const timestamp of series.keys()) all.add(timestamp);
  return [...all].sort();
}
