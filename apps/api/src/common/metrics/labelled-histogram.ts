import type { MetricValueWithName, Registry } from 'prom-client';

/** One label set's counts: per bucket (not cumulative), the sum and the count. */
class Series {
  readonly buckets: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Readonly<Record<string, string>>,
    private readonly bounds: readonly number[],
  ) {
    this.buckets = new Float64Array(bounds.length);
  }

  observe(value: number): void {
    const bounds = this.bounds;
    let i = 0;
    while (i < bounds.length && value > bounds[i]) i++;
    if (i < bounds.length) this.buckets[i]++;
    this.sum += value;
    this.count++;
  }
}

/**
 * A Prometheus histogram whose callers hold their label set's series: an observation is a bucket
 * search and three additions. prom-client's Histogram hashes the label object on every observe,
 * even through a bound child; the HTTP histogram is written on every request, the hot read's too.
 * Exposed through prom-client's registry with the same text format (cumulative `le` buckets,
 * `+Inf`, `_sum`, `_count`).
 */
export class LabelledHistogram<L extends string> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelNames: readonly L[],
    private readonly bounds: readonly number[],
    registry: Registry,
  ) {
    registry.registerMetric(this as never);
  }

  /** The series of this label set, made on first use; keep it to observe into. */
  labels(values: Readonly<Record<L, string>>): { observe(value: number): void } {
    const key = this.labelNames.map((name) => values[name]).join('\u0000');
    let series = this.series.get(key);
    if (!series) {
      const labels = Object.fromEntries(this.labelNames.map((name) => [name, values[name]]));
      this.series.set(key, (series = new Series(labels, this.bounds)));
    }
    return series;
  }

  /** What prom-client's registry reads at scrape time. */
  get(): { name: string; help: string; type: 'histogram'; aggregator: 'sum'; values: MetricValueWithName<string>[] } {
    const values: MetricValueWithName<string>[] = [];
    for (const series of this.series.values()) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += series.buckets[i];
        values.push({ metricName: `${this.name}_bucket`, labels: { le, ...series.labels }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', ...series.labels }, value: series.count });
      values.push({ metricName: `${this.name}_sum`, labels: series.labels, value: series.sum });
      values.push({ metricName: `${this.name}_count`, labels: series.labels, value: series.count });
    }
    return { name: this.name, help: this.help, type: 'histogram', aggregator: 'sum', values };
  }

  reset(): void {
    this.series.clear();
  }
}
