import { lazy, memo, Suspense, useId, useState } from 'react';
import { ErrorDetails } from '@/components/errors/error-details';
import { Pnl } from '@/components/ui/pnl';
import { Skeleton } from '@/components/ui/skeleton';
import { PNL_RANGES, usePnlHistory, type PnlRangeKey } from '../api/get-pnl-history';
import { pnlChange } from '../pnl-change';

const PnlChartPlot = lazy(() => import('./pnl-chart-plot'));

/**
 * Spec 4.1's PnL chart with 24h / 7d / 30d rolling windows (Q14), times in local time. It takes no
 * props, so the dashboard re-rendering on a feed message leaves it (and its chart) alone.
 */
export const PnlChart = memo(function PnlChart() {
  const [range, setRange] = useState<PnlRangeKey>('24h');
  const days = PNL_RANGES.find((r) => r.key === range)!.days;
  const history = usePnlHistory(days);
  const panelId = useId();
  const change = history.data ? pnlChange(history.data.data_points) : null;
  const hasData = history.data?.data_points.some((p) => p.total_pnl !== null) ?? false;

  return (
    <section className="card dashboard-section" aria-labelledby="pnl-heading">
      <div className="section-header">
        <h2 id="pnl-heading">
          PnL <span className="muted">({range})</span>
        </h2>
        <div className="segmented" role="group" aria-label="Chart range">
          {PNL_RANGES.map((r) => (
            <button
              key={r.key}
              type="button"
              className="segmented-button"
              aria-pressed={range === r.key}
              aria-controls={panelId}
              onClick={() => setRange(r.key)}
            >
              {r.label}
            </button>
          ))}
        </div>
      </div>
      <div id={panelId} className="chart-panel" aria-busy={history.isPending}>
        {history.isPending ? (
          <Skeleton height="260px" />
        ) : history.isError ? (
          <ErrorDetails error={history.error} headingLevel={3} />
        ) : !hasData ? (
          <p className="muted chart-empty">No PnL recorded in this window yet (sampled every minute).</p>
        ) : (
          <>
            <p className="chart-summary">
              Change over {range}: {change ? <Pnl value={change} /> : '—'}
            </p>
            <Suspense fallback={<Skeleton height="260px" />}>
              <div className="chart" role="img" aria-label={`Total PnL over the last ${range}`}>
                <PnlChartPlot points={history.data.data_points} days={days} />
              </div>
            </Suspense>
          </>
        )}
      </div>
    </section>
  );
});
