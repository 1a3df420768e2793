import { ASSETS } from '@dnb/contracts';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatUsd } from '@/lib/format';
import { formatLocalDateTime } from '@/lib/time';
import type { FundingRow } from '../funding-series';
import type { CumulativePoint, DailyPnl } from '../pnl-series';
import { useChartColors } from './use-chart-colors';

// This module is the only one that imports recharts; the page loads it lazily (about 100 KB gzip).

const axisTime = (days: number) => (time: number) =>
  new Date(time).toLocaleString(undefined, days <= 1 ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric' });

/** Tick labels only: the tooltip and the table show exact amounts. */
const usdTick = (value: number) => formatUsd(String(value), { digits: 0 });

export function CumulativePnlChart({ data, days }: { data: CumulativePoint[]; days: number }) {
  const colors = useChartColors();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          type="number"
          domain={['dataMin', 'dataMax']}
          scale="time"
          tickFormatter={axisTime(days)}
          stroke={colors.muted}
        />
        <YAxis tickFormatter={usdTick} stroke={colors.muted} width={72} />
        <Tooltip
          labelFormatter={(time) => formatLocalDateTime(new Date(Number(time)))}
          formatter={(value, name) => [formatUsd(String(value)), name]}
          contentStyle={{ background: colors.card, borderColor: colors.grid, color: colors.text }}
        />
        <Legend />
        <ReferenceLine y={0} stroke={colors.muted} />
        <Line
          type="monotone"
          dataKey="total"
          name="Total"
          stroke={colors.primary}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          type="monotone"
          dataKey="realized"
          name="Realized"
          stroke={colors.success}
          strokeDasharray="6 3"
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          type="monotone"
          dataKey="funding"
          name="Funding"
          stroke={colors.warning}
          strokeDasharray="2 3"
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function DailyPnlChart({ data }: { data: DailyPnl[] }) {
  const colors = useChartColors();
  const rows = data.map((d) => ({ day: d.day, change: Number(d.change), exact: d.change }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
        <XAxis dataKey="day" stroke={colors.muted} />
        <YAxis tickFormatter={usdTick} stroke={colors.muted} width={72} />
        <Tooltip
          formatter={(_value, _name, item) => [formatUsd((item.payload as { exact: string }).exact, { signed: true }), 'Change (UTC day)']}
          contentStyle={{ background: colors.card, borderColor: colors.grid, color: colors.text }}
        />
        <ReferenceLine y={0} stroke={colors.muted} />
        <Bar dataKey="change" name="Daily PnL" isAnimationActive={false}>
          {rows.map((row) => (
            <Cell key={row.day} fill={row.change < 0 ? colors.danger : colors.success} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

const ASSET_DASH = ['', '6 3', '2 3', '8 3 2 3'];

export function FundingChart({ data, days }: { data: FundingRow[]; days: number }) {
  const colors = useChartColors();
  const palette = [colors.primary, colors.success, colors.warning, colors.danger];
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          type="number"
          domain={['dataMin', 'dataMax']}
          scale="time"
          tickFormatter={axisTime(days)}
          stroke={colors.muted}
        />
        <YAxis tickFormatter={(v: number) => `${(v * 100).toFixed(5)}%`} stroke={colors.muted} width={84} />
        <Tooltip
          labelFormatter={(time) => formatLocalDateTime(new Date(Number(time)))}
          formatter={(value, name) => [`${(Number(value) * 100).toFixed(5)}% / h`, name]}
          contentStyle={{ background: colors.card, borderColor: colors.grid, color: colors.text }}
        />
        <Legend />
        <ReferenceLine y={0} stroke={colors.muted} />
        {ASSETS.map((asset, index) => (
          <Line
            key={asset}
            type="monotone"
            dataKey={asset}
            name={asset}
            stroke={palette[index % palette.length]}
            strokeDasharray={ASSET_DASH[index]}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
