import { useSearchParams } from 'react-router';
import { PositionAccordion } from '@/components/positions/position-accordion';
import { BotStateNotice } from '@/components/ui/bot-state-notice';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorDetails } from '@/components/errors/error-details';
import { Pnl } from '@/components/ui/pnl';
import { formatUsd, sumDecimals } from '@/lib/format';
import { isRecovering } from '@/lib/live/live-state';
import { useLiveState } from '@/lib/live/use-live-state';
import { MOBILE_QUERY, useMediaQuery } from '@/lib/use-media-query';
import { filterFromParams, filterPositions, filterToParams, type PositionsFilter, type SortField } from '../positions-filter';
import { PositionsTable } from './positions-table';
import { PositionsToolbar } from './positions-toolbar';

/** The positions page: live list, searched, filtered and sorted (state in the URL). */
export function PositionsView() {
  const live = useLiveState();
  const mobile = useMediaQuery(MOBILE_QUERY);
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const setFilter = (next: PositionsFilter) => setParams(filterToParams(next), { replace: true });
  const onSort = (field: SortField) =>
    setFilter({ ...filter, sort: field, direction: filter.sort === field && filter.direction === 'desc' ? 'asc' : 'desc' });

  if (live.isPending) {
    return (
      <div aria-busy="true" className="position-skeletons">
        <Skeleton height="2.75rem" />
        <Skeleton height="12rem" />
      </div>
    );
  }
  if (!live.data) {
    return (
      <section className="card error-card" role="alert">
        <ErrorDetails error={live.error} headingLevel={2} />
      </section>
    );
  }
  const all = Object.values(live.data.positions);
  const shown = filterPositions(all, filter);
  const recovering = isRecovering(live.data.bot.state) || !live.data.complete;
  const total = sumDecimals(shown.map((p) => p.total_pnl_usd));
  const deployed = sumDecimals(shown.map((p) => p.deployed_usd));

  return (
    <>
      <BotStateNotice live={live.data} />
      <PositionsToolbar filter={filter} onChange={setFilter} />
      <p className="positions-summary" role="status" data-testid="positions-summary">
        {shown.length} of {all.length} positions · {formatUsd(deployed)} deployed · total PnL <Pnl value={total} />
      </p>
      <div data-stale={live.data.bot_unavailable}>
        {shown.length === 0 ? (
          <p className="muted card">
            {recovering
              ? 'Positions will appear as the bot recovers them.'
              : all.length === 0
                ? 'No open positions.'
                : 'No position matches these filters.'}
          </p>
        ) : mobile ? (
          <PositionAccordion positions={shown} stale={live.data.bot_unavailable} />
        ) : (
          <PositionsTable positions={shown} filter={filter} onSort={onSort} />
        )}
      </div>
    </>
  );
}
