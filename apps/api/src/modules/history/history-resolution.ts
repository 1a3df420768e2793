/**
 * Resolutions, buckets and ranges of the history (spec 9.3, 10.3, Q14, Q19). Everything here
 * is UTC epoch arithmetic: a bucket of a resolution starts at a multiple of its length since
 * the epoch, so 1-day buckets are UTC calendar days and 1-hour buckets start on the hour.
 */

export const RESOLUTIONS = ['1min', '5min', '1hour', '1day'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
/** The pre-aggregated levels of metrics_downsampled, finest first. */
export type RollupResolution = Exclude<Resolution, '1min'>;
export const ROLLUP_RESOLUTIONS: readonly RollupResolution[] = ['5min', '1hour', '1day'];

const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export const RESOLUTION_MS: Readonly<Record<Resolution, number>> = {
  '1min': MINUTE_MS,
  '5min': 5 * MINUTE_MS,
  '1hour': 60 * MINUTE_MS,
  '1day': DAY_MS,
};

/** Spec 9.3: how long each resolution is kept. */
export const RETENTION_DAYS: Readonly<Record<Resolution, number>> = { '1min': 7, '5min': 30, '1hour': 90, '1day': 365 };

/** A minute's sample may still land this long after the minute ended: older data are final. */
export const LATE_SAMPLE_GRACE_MS = 90_000;

/** The next finer resolution (what a level's newest, not yet rolled-up part is read from). */
export const FINER: Readonly<Record<RollupResolution, Resolution>> = { '5min': '1min', '1hour': '5min', '1day': '1hour' };

/** Q19: a chart never has more points than this. */
export const MAX_POINTS = 2000;

/** Start of the bucket holding `ms`. */
export function bucketStart(ms: number, resolution: Resolution): number {
  const size = RESOLUTION_MS[resolution];
  return Math.floor(ms / size) * size;
}

/** Spec 10.3 / Q19: <= 1 day: 1 min, <= 7 days: 5 min, <= 30 days: 1 hour, more: 1 day. */
export function autoResolution(rangeMs: number): Resolution {
  if (rangeMs <= DAY_MS) return '1min';
  if (rangeMs <= 7 * DAY_MS) return '5min';
  if (rangeMs <= 30 * DAY_MS) return '1hour';
  return '1day';
}

/** How many buckets of the resolution [fromMs, toMs) touches. */
export function bucketCount(fromMs: number, toMs: number, resolution: Resolution): number {
  if (toMs <= fromMs) return 0;
  return (bucketStart(toMs - 1, resolution) - bucketStart(fromMs, resolution)) / RESOLUTION_MS[resolution] + 1;
}

export interface HistoryRange {
  /** Inclusive start and exclusive end, epoch ms. */
  fromMs: number;
  toMs: number;
  /** As the answer names it: "7d" for a rolling window, "custom" for from/to. */
  period: string;
  resolution: Resolution;
  /** True when the range holds more than MAX_POINTS buckets: only the newest MAX_POINTS are answered. */
  truncated: boolean;
  /** The start of the oldest bucket answered (later than fromMs when truncated). */
  firstBucketMs: number;
}

/**
 * Q14: `days` is a rolling window ending now (24h = now minus 24 hours), never a calendar day.
 * Without a resolution the spec's table picks one; either way at most MAX_POINTS buckets are
 * answered, the newest ones (a 7-day window at 5 minutes holds 2,016).
 */
export function resolveRange(
  input: { days?: number; fromMs?: number; toMs?: number; resolution?: Resolution },
  nowMs: number,
): HistoryRange {
  let fromMs: number;
  let toMs: number;
  let period: string;
  if (input.fromMs !== undefined) {
    fromMs = input.fromMs;
    toMs = input.toMs ?? nowMs;
    period = 'custom';
  } else {
    const days = input.days ?? 1;
    toMs = input.toMs ?? nowMs;
    fromMs = toMs - days * DAY_MS;
    period = days === 1 ? '24h' : `${days}d`;
  }
  const resolution = input.resolution ?? autoResolution(toMs - fromMs);
  const count = bucketCount(fromMs, toMs, resolution);
  const truncated = count > MAX_POINTS;
  const lastBucket = bucketStart(Math.max(fromMs, toMs - 1), resolution);
  const firstBucketMs = truncated ? lastBucket - (MAX_POINTS - 1) * RESOLUTION_MS[resolution] : bucketStart(fromMs, resolution);
  return { fromMs, toMs, period, resolution, truncated, firstBucketMs };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
