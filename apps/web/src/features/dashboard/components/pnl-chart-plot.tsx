import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatUsd, toChartNumber } from '@/lib/format';
import { formatLocalDateTime, formatLocalTime, parseWireTime } from '@/lib/time';
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
  const tick = (t: number) =>
    days <= 1
      ? formatLocalTime(new Date(t), { seconds: false })
      : new Date(t).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={tick}
          stroke="var(--color-text-secondary)"
          fontSize={12}
        />
        <YAxis
          stroke="var(--color-text-secondary)"
          fontSize={12}
          width={72}
          tickFormatter={(v: number) => formatUsd(String(v), { digits: 0 })}
        />
        <Tooltip
          contentStyle={{ background: 'var(--color-card)', border: '1px solid var(--color-border-strong)', color: 'var(--color-text)' }}
          labelFormatter={(t) => formatLocalDateTime(new Date(Number(t)))}
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
