import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { DataTable } from '@/components/ui/data-table';
import { LoadMore } from '@/components/ui/load-more';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { formatNumber, formatPercent } from '@/lib/format';
import '@/styles/pages.css';
import { rangeByKey, rangeStart, type AnalyticsRangeKey } from '../analytics-range';
import { useCircuitBreakers } from '../api/get-circuit-breakers';
import { useFundingHistory } from '../api/get-funding-history';
import { usePnlHistory } from '../api/get-pnl-history';
import { useTrades } from '../api/get-trades';
import { fundingRows, latestByAsset } from '../funding-series';
import { cumulativeSeries, dailyPnl } from '../pnl-series';
import { BreakerTimeline } from './breaker-timeline';
import { ChartPanel } from './chart-panel';
import { PnlSummaryCards } from './pnl-summary-cards';
import { RangePicker } from './range-picker';
import { TradesTable } from './trades-table';

// recharts stays out of the page's own chunk until a chart is drawn.
const charts = () => import('./analytics-charts');
const CumulativePnlChart = lazy(() => charts().then((m) => ({ default: m.CumulativePnlChart })));
const DailyPnlChart = lazy(() => charts().then((m) => ({ default: m.DailyPnlChart })));
const FundingChart = lazy(() => charts().then((m) => ({ default: m.FundingChart })));

/** Analytics: PnL (cumulative, daily), funding by asset, win rate, breakers, trades over a rolling window. */
export function AnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const range = rangeByKey(params.get('range'));
  const setRange = (key: AnalyticsRangeKey) => setParams({ range: key }, { replace: true });
  // Fixed per range choice so the paged lists keep one `from` while paging.
  const span = useMemo(() => {
    const now = Date.now();
    return { to: now, from: rangeStart(range, now) };
  }, [range]);

  const pnl = usePnlHistory(range.days);
  const funding = useFundingHistory(range.days);
  const breakers = useCircuitBreakers(span.from, range.days);
  const trades = useTrades(span.from, range.days);

  const cumulative = useMemo(() => cumulativeSeries(pnl.data?.data_points ?? []), [pnl.data]);
  const daily = useMemo(() => dailyPnl(pnl.data?.data_points ?? []), [pnl.data]);
  const fundingData = useMemo(() => fundingRows(funding.data?.data_points ?? []), [funding.data]);
  const assets = useMemo(() => latestByAsset(funding.data?.data_points ?? []), [funding.data]);
  const breakerEvents = breakers.data?.pages.flatMap((page) => page.circuit_breakers) ?? [];
  const tradeRows = trades.data?.pages.flatMap((page) => page.trades) ?? [];

  return (
    <div className="page">
      <title>Analytics · Delta Neutral Control Center</title>
      <div className="page-header section-header">
        <div>
          <h1>Analytics</h1>
          <p className="muted">Rolling window ending now; data is recorded in UTC and shown in your time zone.</p>
        </div>
        <RangePicker value={range.key} onChange={setRange} />
      </div>

      {pnl.isError ? (
        <QueryError error={pnl.error} onRetry={() => void pnl.refetch()} title="PnL history could not be loaded." />
      ) : (
        <>
          <PnlSummaryCards history={pnl.data} />
          {pnl.isPending ? (
            <Skeleton className="chart-fallback" />
          ) : (
            <>
              <ChartPanel
                title="Cumulative PnL"
                summary={`${cumulative.length} points at ${pnl.data.resolution} resolution${pnl.data.truncated ? ' (newest 2,000 only)' : ''}.`}
                empty={cumulative.length === 0 ? 'No PnL recorded in this range yet.' : undefined}
              >
                <CumulativePnlChart data={cumulative} days={range.days} />
              </ChartPanel>
              <ChartPanel
                title="Daily PnL"
                summary={`Change of total PnL per UTC day, ${daily.length} day${daily.length === 1 ? '' : 's'}; green above zero, red below.`}
                empty={daily.length === 0 ? 'No PnL recorded in this range yet.' : undefined}
              >
                <DailyPnlChart data={daily} />
              </ChartPanel>
            </>
          )}
        </>
      )}

      <section className="card page-section" aria-labelledby="funding-heading">
        <h2 id="funding-heading">Funding by asset</h2>
        {funding.isError ? (
          <QueryError error={funding.error} onRetry={() => void funding.refetch()} />
        ) : funding.isPending ? (
          <Skeleton className="chart-fallback" />
        ) : assets.length === 0 ? (
          <p className="empty-state">The bot reported no funding rates in this range.</p>
        ) : (
          <>
            <DataTable
              label="Latest funding per asset"
              columns={['Asset', { label: 'Funding rate (hourly)', numeric: true }, { label: 'Net APY', numeric: true }]}
            >
              {assets.map((asset) => (
                <tr key={asset.asset}>
                  <th scope="row">{asset.asset}</th>
                  <td className="num">{asset.fundingRate === null ? '—' : `${formatNumber(asset.fundingRate, 7)}`}</td>
                  <td className="num">{formatPercent(asset.netApy)}</td>
                </tr>
              ))}
            </DataTable>
            <div className="chart-box" role="img" aria-label={`Funding rate per asset over time, ${fundingData.length} buckets.`}>
              <Suspense fallback={<Skeleton className="chart-fallback" />}>
                <FundingChart data={fundingData} days={range.days} />
              </Suspense>
            </div>
          </>
        )}
      </section>

      <section className="card page-section" aria-labelledby="breakers-heading">
        <h2 id="breakers-heading">Circuit breakers</h2>
        {breakers.isError ? (
          <QueryError error={breakers.error} onRetry={() => void breakers.refetch()} />
        ) : breakers.isPending ? (
          <Skeleton height="4rem" />
        ) : (
          <>
            <BreakerTimeline events={breakerEvents} from={Date.parse(span.from)} to={span.to} />
            {breakers.hasNextPage && (
              <LoadMore
                shown={breakerEvents.length}
                hasMore
                loading={breakers.isFetchingNextPage}
                onLoadMore={() => void breakers.fetchNextPage()}
                noun="events"
              />
            )}
          </>
        )}
      </section>

      <section className="card page-section" aria-labelledby="trades-heading">
        <h2 id="trades-heading">Trades</h2>
        {trades.isError ? (
          <QueryError error={trades.error} onRetry={() => void trades.refetch()} />
        ) : trades.isPending ? (
          <Skeleton height="8rem" />
        ) : (
          <>
            <TradesTable trades={tradeRows} />
            <LoadMore
              shown={tradeRows.length}
              hasMore={trades.hasNextPage}
              loading={trades.isFetchingNextPage}
              onLoadMore={() => void trades.fetchNextPage()}
              noun="trades"
            />
          </>
        )}
      </section>
    </div>
  );
}
