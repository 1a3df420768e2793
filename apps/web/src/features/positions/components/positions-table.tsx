import type { BotPositionSummary } from '@dnb/contracts';
import { Link } from 'react-router';
import { HealthBadge } from '@/components/ui/health-badge';
import { LocalTime } from '@/components/ui/local-time';
import { Pnl } from '@/components/ui/pnl';
import { paths } from '@/config/paths';
import { formatLeverage, formatPercent, formatUsd } from '@/lib/format';
import { positionHealth } from '@/lib/risk';
import { parseWireTime } from '@/lib/time';
import type { PositionsFilter, SortField } from '../positions-filter';

const COLUMNS: ReadonlyArray<{ field: SortField | null; label: string; numeric?: boolean }> = [
  { field: 'asset', label: 'Position' },
  { field: null, label: 'Status' },
  { field: 'leverage', label: 'Leverage', numeric: true },
  { field: 'deployed_usd', label: 'Deployed', numeric: true },
  { field: 'total_pnl_usd', label: 'Total PnL', numeric: true },
  { field: 'funding_pnl_usd', label: 'Funding PnL', numeric: true },
  { field: 'asgard_hf', label: 'Asgard HF', numeric: true },
  { field: 'hyperliquid_mf', label: 'Hyperliquid MF', numeric: true },
  { field: 'delta_ratio', label: 'Delta', numeric: true },
  { field: null, label: 'Health' },
  { field: 'opened_at', label: 'Opened' },
];

/** Desktop: a table that scrolls sideways inside its box with the position column stuck (Q13). */
export function PositionsTable({
  positions,
  filter,
  onSort,
}: {
  positions: readonly BotPositionSummary[];
  filter: PositionsFilter;
  onSort: (field: SortField) => void;
}) {
  return (
    <div className="table-scroll" role="region" aria-label="Positions table" tabIndex={0}>
      <table className="positions-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const sorted = column.field !== null && filter.sort === column.field;
              return (
                <th
                  key={column.label}
                  scope="col"
                  className={column.numeric ? 'numeric' : undefined}
                  aria-sort={sorted ? (filter.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {column.field ? (
                    <button type="button" className="sort-button" onClick={() => onSort(column.field!)}>
                      {column.label}
                      <span aria-hidden="true" className="sort-mark">
                        {sorted ? (filter.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => {
            const opened = parseWireTime(p.opened_at);
            return (
              <tr key={p.position_id} data-testid="position-row" data-position-id={p.position_id}>
                <th scope="row">
                  <Link to={paths.position.getHref(p.position_id)} className="position-link">
                    <span className="position-asset">{p.asset}</span>
                    <span className="position-id muted">{p.position_id}</span>
                  </Link>
                </th>
                <td>{p.status}</td>
                <td className="numeric">{formatLeverage(p.leverage)}</td>
                <td className="numeric">{formatUsd(p.deployed_usd)}</td>
                <td className="numeric">
                  <Pnl value={p.total_pnl_usd} />
                </td>
                <td className="numeric">
                  <Pnl value={p.funding_pnl_usd} />
                </td>
                <td className="numeric">{formatPercent(p.asgard_hf)}</td>
                <td className="numeric">{formatPercent(p.hyperliquid_mf)}</td>
                <td className="numeric">{formatPercent(p.delta_ratio, { digits: 2 })}</td>
                <td>
                  <HealthBadge level={positionHealth(p)} />
                </td>
                <td>{opened ? <LocalTime date={opened} withDate /> : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
