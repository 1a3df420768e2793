import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { Pnl } from '@/components/ui/pnl';
import { formatUsd } from '@/lib/format';
import { formatUptime, parseWireTime } from '@/lib/time';
import type { Trade } from '../api/get-trades';

/** Closed positions, newest first; the first column stays visible while the table scrolls. */
export function TradesTable({ trades }: { trades: Trade[] }) {
  if (trades.length === 0) return <p className="empty-state">No trade closed in this range.</p>;
  return (
    <DataTable
      label="Trades table (scrolls sideways)"
      columns={[
        'Position',
        'Asset',
        'Closed',
        'Held',
        { label: 'Deployed', numeric: true },
        { label: 'Total PnL', numeric: true },
        { label: 'Funding', numeric: true },
        'Close reason',
      ]}
    >
      {trades.map((trade) => {
        const closed = parseWireTime(trade.closed_at);
        return (
          <tr key={trade.id}>
            <th scope="row">{trade.position_id}</th>
            <td>{trade.asset}</td>
            <td>{closed ? <LocalTime date={closed} /> : trade.closed_at}</td>
            <td>{formatUptime(trade.hold_seconds)}</td>
            <td className="num">{formatUsd(trade.deployed_usd)}</td>
            <td className="num">
              <Pnl value={trade.total_pnl_usd} />
            </td>
            <td className="num">
              <Pnl value={trade.funding_pnl_usd} />
            </td>
            <td>{trade.close_reason ?? 'unknown'}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
