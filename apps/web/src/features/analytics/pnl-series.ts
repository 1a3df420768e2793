import type { Schema } from '@/lib/api-types';
import { toChartNumber, toDecimal } from '@/lib/format';

type PnlPoint = Schema<'PnlPointDto'>;

export interface CumulativePoint {
  /** Epoch ms (UTC bucket start), for the time axis. */
  time: number;
  total: number | null;
  realized: number | null;
  unrealized: number | null;
  funding: number | null;
}

/** Chart rows for the cumulative PnL lines; the decimals stay exact in the API answer. */
export function cumulativeSeries(points: readonly PnlPoint[]): CumulativePoint[] {
  return points.map((point) => ({
    time: Date.parse(point.timestamp),
    total: toChartNumber(point.total_pnl),
    realized: toChartNumber(point.realized_pnl),
    unrealized: toChartNumber(point.unrealized_pnl),
    funding: toChartNumber(point.funding_pnl),
  }));
}

export interface DailyPnl {
  /** The UTC calendar day, YYYY-MM-DD (Q14: "daily" is the UTC day, as in crypto). */
  day: string;
  /** Exact change of total PnL over the day, a decimal string. */
  change: string;
}

/**
 * Change of total PnL per UTC day: the day's last total minus the previous day's last total
 * (for the first day in range, minus its first total). Computed in decimal.js, exactly.
 */
export function dailyPnl(points: readonly PnlPoint[]): DailyPnl[] {
  const days: DailyPnl[] = [];
  let previousClose = null as ReturnType<typeof toDecimal>;
  let currentDay: string | null = null;
  let open = null as ReturnType<typeof toDecimal>;
  let close = null as ReturnType<typeof toDecimal>;
  const flush = () => {
    if (currentDay === null || close === null) return;
    const base = previousClose ?? open ?? close;
    days.push({ day: currentDay, change: close.minus(base).toFixed() });
    previousClose = close;
  };
  for (const point of points) {
    const total = toDecimal(point.total_pnl);
    if (!total) continue;
    const day = point.timestamp.slice(0, 10);
    if (day !== currentDay) {
      flush();
      currentDay = day;
      open = total;
    }
    close = total;
  }
  flush();
  return days;
}
