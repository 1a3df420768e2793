import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  AXIS_PROPS,
  CHART_MARGIN,
  GRID_PROPS,
  TIME_AXIS_PROPS,
  timeTick,
  TOOLTIP_STYLE,
  tooltipTime,
} from '@/components/charts/chart-theme';
import { formatPercent, formatUsd, toChartNumber } from '@/lib/format';
import { parseWireTime } from '@/lib/time';
import type { PositionPoint } from '../api/get-position-history';

type Metric = 'health_factor' | 'margin_fraction' | 'pnl';

const METRICS: ReadonlyArray<{ key: Metric; title: string; format: (v: string | null) => string; color: string }> = [
  { key: 'health_factor', title: 'Asgard health factor', format: (v) => formatPercent(v), color: 'var(--color-primary)' },
  { key: 'margin_fraction', title: 'Hyperliquid margin fraction', format: (v) => formatPercent(v), color: 'var(--color-warning)' },
  { key: 'pnl', title: 'PnL', format: (v) => formatUsd(v, { signed: true }), color: 'var(--color-success)' },
];

/** Recharts' part of the position page (loaded on demand): one small chart per metric. */
export default function PositionChartsPlot({ points }: { points: readonly PositionPoint[] }) {
  const rows = points.map((p) => ({
    t: parseWireTime(p.timestamp)?.getTime() ?? 0,
    raw: p,
    health_factor: toChartNumber(p.health_factor),
    margin_fraction: toChartNumber(p.margin_fraction),
    pnl: toChartNumber(p.pnl),
  }));
  const spanMs = rows.length > 1 ? rows.at(-1)!.t - rows[0]!.t : 0;
  const tick = timeTick(spanMs);
  return (
    <div className="position-charts">
      {METRICS.map((metric) => (
        <figure key={metric.key} className="position-chart" aria-label={`${metric.title} over the position's life`}>
          <figcaption>{metric.title}</figcaption>
          <ResponsiveContainer width="100%" height={180}>
            <LineChart data={rows} margin={CHART_MARGIN}>
              <CartesianGrid {...GRID_PROPS} />
              <XAxis {...TIME_AXIS_PROPS} tickFormatter={tick} />
              <YAxis
                {...AXIS_PROPS}
                width={64}
                tickFormatter={(v: number) =>
                  metric.key === 'pnl' ? formatUsd(String(v), { digits: 0 }) : formatPercent(String(v), { digits: 0 })
                }
              />
              <Tooltip
                contentStyle={TOOLTIP_STYLE}
                labelFormatter={tooltipTime}
                formatter={(_v, _n, item) => [metric.format((item.payload as (typeof rows)[number]).raw[metric.key]), metric.title]}
              />
              <Line
                type="monotone"
                dataKey={metric.key}
                stroke={metric.color}
                strokeWidth={2}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      ))}
    </div>
  );
}
