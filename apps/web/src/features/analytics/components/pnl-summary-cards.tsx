import { Pnl } from '@/components/ui/pnl';
import { Skeleton } from '@/components/ui/skeleton';
import { formatPercent, formatUsd } from '@/lib/format';
import type { PnlHistory } from '../api/get-pnl-history';

/** Win rate and the range's totals (the API computes them exactly from the trades). */
export function PnlSummaryCards({ history }: { history: PnlHistory | undefined }) {
  const summary = history?.summary;
  const newest = history?.data_points.findLast((point) => point.total_pnl !== null);
  const cards = [
    { label: 'Total PnL (latest)', value: summary ? <Pnl value={newest?.total_pnl} /> : null },
    { label: 'Realized in range', value: summary ? <Pnl value={summary.total_realized} /> : null },
    { label: 'Unrealized now', value: summary ? <Pnl value={summary.total_unrealized} /> : null },
    {
      label: 'Win rate',
      value: summary ? (summary.win_rate === null ? 'No trades' : formatPercent(summary.win_rate, { digits: 1 })) : null,
      testId: 'win-rate',
    },
    { label: 'Trades closed', value: summary ? String(summary.trades) : null },
    { label: 'Average per trade', value: summary ? formatUsd(summary.avg_pnl_per_trade, { signed: true }) : null },
  ];
  return (
    <dl className="grid-cards" aria-busy={!summary}>
      {cards.map((card) => (
        <div key={card.label} className="card stat-card">
          <dt>{card.label}</dt>
          <dd data-testid={card.testId}>{card.value ?? <Skeleton width="6rem" height="1.5rem" />}</dd>
        </div>
      ))}
    </dl>
  );
}
