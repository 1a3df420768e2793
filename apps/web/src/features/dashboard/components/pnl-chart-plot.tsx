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
import { formatUsd, toChartNumber } from '@/lib/format';
import { parseWireTime } from '@/lib/time';
import type { PnlPoint } from '../api/get-pnl-history';

interface Row {
  t: number;
  total: number | null;
  /** The exact figure, for the tooltip (the line only needs a position). */
  label: string | null;
}

/** Recharts' part of the PnL chart: loaded on demand (it is most of a chart page's weight). */
export default function PnlChartPlot({ points, days }: { points: readonly PnlPoint[]; days: number }) {
  const rows: Row[] = points.map((p) => ({
    t: parseWireTime(p.timestamp)?.getTime() ?? 0,
    total: toChartNumber(p.total_pnl),
    label: p.total_pnl,
  }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...TIME_AXIS_PROPS} tickFormatter={timeTick(days * 86_400_000)} />
        <YAxis {...AXIS_PROPS} width={72} tickFormatter={(v: number) => formatUsd(String(v), { digits: 0 })} />
        <Tooltip
          contentStyle={TOOLTIP_STYLE}
          labelFormatter={tooltipTime}
          formatter={(_value, _name, item) => [formatUsd((item.payload as Row).label, { signed: true }), 'Total PnL']}
        />
        <Line
          type="monotone"
          dataKey="total"
          stroke="var(--color-primary)"
          strokeWidth={2}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
