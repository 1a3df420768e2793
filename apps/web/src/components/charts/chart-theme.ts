import { formatLocalDateTime, formatLocalTime } from '@/lib/time';

/** Shared looks of the Recharts charts: theme colours through CSS variables, times in local time. */
export const GRID_PROPS = { stroke: 'var(--color-border)', strokeDasharray: '3 3' } as const;
export const AXIS_PROPS = { stroke: 'var(--color-text-secondary)', fontSize: 12 } as const;
export const TIME_AXIS_PROPS = { ...AXIS_PROPS, dataKey: 't', type: 'number', scale: 'time', domain: ['dataMin', 'dataMax'] } as const;
export const TOOLTIP_STYLE = {
  background: 'var(--color-card)',
  border: '1px solid var(--color-border-strong)',
  color: 'var(--color-text)',
} as const;
export const CHART_MARGIN = { top: 8, right: 12, bottom: 0, left: 4 } as const;

/** Axis ticks: hh:mm within a day, else the date. */
export function timeTick(spanMs: number): (t: number) => string {
  return (t) =>
    spanMs <= 86_400_000
      ? formatLocalTime(new Date(t), { seconds: false })
      : new Date(t).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

export const tooltipTime = (t: unknown) => formatLocalDateTime(new Date(Number(t)));
