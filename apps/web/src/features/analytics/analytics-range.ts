/** The rolling windows the Analytics page offers (Q14: "24h" is now minus 24 hours, UTC data). */
export const ANALYTICS_RANGES = [
  { key: '24h', label: '24h', days: 1 },
  { key: '7d', label: '7d', days: 7 },
  { key: '30d', label: '30d', days: 30 },
  { key: '90d', label: '90d', days: 90 },
  { key: '1y', label: '1y', days: 365 },
] as const;

export type AnalyticsRange = (typeof ANALYTICS_RANGES)[number];
export type AnalyticsRangeKey = AnalyticsRange['key'];

export const DEFAULT_RANGE: AnalyticsRangeKey = '7d';

export function rangeByKey(key: string | null): AnalyticsRange {
  return ANALYTICS_RANGES.find((range) => range.key === key) ?? ANALYTICS_RANGES.find((range) => range.key === DEFAULT_RANGE)!;
}

/** The start of a rolling window ending at `now`, as UTC ISO (for the paged lists' `from`). */
export function rangeStart(range: AnalyticsRange, now: number): string {
  return new Date(now - range.days * 86_400_000).toISOString();
}
