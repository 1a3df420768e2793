import { lazy, memo, Suspense, useId, useRef, useState } from 'react';
import { ErrorDetails } from '@/components/errors/error-details';
import { Pnl } from '@/components/ui/pnl';
import { Skeleton } from '@/components/ui/skeleton';
import { useNearViewport } from '@/lib/use-near-viewport';
import { PNL_RANGES, usePnlHistory, type PnlRangeKey } from '../api/get-pnl-history';
import { pnlChange } from '../pnl-change';

const PnlChartPlot = lazy(() => import('./pnl-chart-plot'));

/**
 * Spec 4.1's PnL chart with 24h / 7d / 30d rolling windows (Q14), times in local time. It takes no
 * props, so the dashboard re-rendering on a feed message leaves it (and its chart) alone. The chart's
 * code (Recharts, the largest chunk) loads when the panel comes near the viewport: below the fold
 * on a phone, it is not fetched and run while the rest of the dashboard loads.
 */
export const PnlChart = memo(function PnlChart() {
  const [range, setRange] = useState<PnlRangeKey>('24h');
  const days = PNL_RANGES.find((r) => r.key === range)!.days;
  const history = usePnlHistory(days);
  const panelId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const near = useNearViewport(panelRef);
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
      <div id={panelId} ref={panelRef} className="chart-panel" aria-busy={history.isPending}>
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
            {near ? (
              <Suspense fallback={<Skeleton height="260px" />}>
                <div className="chart" role="img" aria-label={`Total PnL over the last ${range}`}>
                  <PnlChartPlot points={history.data.data_points} days={days} />
                </div>
              </Suspense>
            ) : (
              <Skeleton height="260px" />
            )}
          </>
        )}
      </div>
    </section>
  );
});
