import { ASSETS, POSITION_STATUSES } from '@dnb/contracts';
import { useId } from 'react';
import { SORT_FIELDS, type PositionsFilter, type SortField } from '../positions-filter';

const SORT_LABELS: Record<SortField, string> = {
  asset: 'Asset',
  opened_at: 'Opened',
  leverage: 'Leverage',
  deployed_usd: 'Deployed',
  total_pnl_usd: 'Total PnL',
  funding_pnl_usd: 'Funding PnL',
  asgard_hf: 'Asgard HF',
  hyperliquid_mf: 'Hyperliquid MF',
  delta_ratio: 'Delta',
};

/** Search, filters and (for phones, where there are no column headers) the sort order. */
export function PositionsToolbar({ filter, onChange }: { filter: PositionsFilter; onChange: (next: PositionsFilter) => void }) {
  const ids = { search: useId(), asset: useId(), status: useId(), health: useId(), sort: useId() };
  return (
    <div className="toolbar" role="search">
      <div className="field">
        <label htmlFor={ids.search}>Search</label>
        <input
          id={ids.search}
          type="search"
          placeholder="Id or asset"
          value={filter.search}
          onChange={(e) => onChange({ ...filter, search: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.asset}>Asset</label>
        <select id={ids.asset} value={filter.asset ?? ''} onChange={(e) => onChange({ ...filter, asset: e.target.value || null })}>
          <option value="">All</option>
          {ASSETS.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.status}>Status</label>
        <select
          id={ids.status}
          value={filter.status ?? ''}
          onChange={(e) => onChange({ ...filter, status: (e.target.value || null) as PositionsFilter['status'] })}
        >
          <option value="">All</option>
          {POSITION_STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.health}>Health</label>
        <select
          id={ids.health}
          value={filter.health ?? ''}
          onChange={(e) => onChange({ ...filter, health: e.target.value ? 'attention' : null })}
        >
          <option value="">All</option>
          <option value="attention">Needs attention</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.sort}>Sort by</label>
        <select
          id={ids.sort}
          value={`${filter.sort}:${filter.direction}`}
          onChange={(e) => {
            const [sort, direction] = e.target.value.split(':') as [SortField, PositionsFilter['direction']];
            onChange({ ...filter, sort, direction });
          }}
        >
          {SORT_FIELDS.flatMap((f) => [
            <option key={`${f}:desc`} value={`${f}:desc`}>
              {SORT_LABELS[f]} (high to low)
            </option>,
            <option key={`${f}:asc`} value={`${f}:asc`}>
              {SORT_LABELS[f]} (low to high)
            </option>,
          ])}
        </select>
      </div>
    </div>
  );
}
