import type { BotPositionSummary, PositionDetailResponse } from '@dnb/contracts';
import { lazy, Suspense, type ReactNode } from 'react';
import { ErrorDetails } from '@/components/errors/error-details';
import { HealthBadge } from '@/components/ui/health-badge';
import { LocalTime } from '@/components/ui/local-time';
import { Pnl } from '@/components/ui/pnl';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { isApiError } from '@/lib/api-client';
import { formatLeverage, formatNumber, formatPercent, formatUsd } from '@/lib/format';
import { useLiveState } from '@/lib/live/use-live-state';
import { healthFactorLevel, marginFractionLevel } from '@/lib/risk';
import { formatUptime, parseWireTime } from '@/lib/time';
import { usePosition } from '../api/get-position';
import { usePositionHistory } from '../api/get-position-history';

const PositionChartsPlot = lazy(() => import('./position-charts-plot'));

function Facts({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card detail-card" aria-label={title}>
      <h2>{title}</h2>
      <dl className="facts">{children}</dl>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Lifecycle({ id }: { id: string }) {
  const history = usePositionHistory(id);
  if (history.isPending) return <Skeleton height="4rem" />;
  if (history.isError) return <ErrorDetails error={history.error} headingLevel={3} />;
  if (!history.data.events.length) return <p className="muted">No lifecycle events recorded yet.</p>;
  return (
    <ol className="lifecycle" data-testid="lifecycle">
      {history.data.events.map((event) => {
        const at = parseWireTime(event.at);
        return (
          <li key={`${event.type}${event.at}`}>
            <strong>{event.type === 'opened' ? 'Opened' : 'Closed'}</strong> {at && <LocalTime date={at} withDate />}
            {event.reason ? <span className="muted"> · {event.reason.replace(/_/g, ' ')}</span> : null}
            {event.trade ? (
              <>
                {' '}
                · <Pnl value={event.trade.total_pnl_usd} />
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function Charts({ id }: { id: string }) {
  const history = usePositionHistory(id);
  if (history.isPending) return <Skeleton height="180px" />;
  if (history.isError) return <ErrorDetails error={history.error} headingLevel={3} />;
  if (history.data.data_points.length < 2) return <p className="muted">Charts appear after a few minutes of samples (one a minute).</p>;
  return (
    <Suspense fallback={<Skeleton height="180px" />}>
      <PositionChartsPlot points={history.data.data_points} />
    </Suspense>
  );
}

/** The detail with the live summary figures laid over it (the feed is fresher than the last read). */
function withLive(detail: PositionDetailResponse, live: BotPositionSummary | undefined): PositionDetailResponse {
  return live ? { ...detail, ...live } : detail;
}

/** Spec 4.2's position detail: sizing, both legs, PnL split, risk, charts and lifecycle. */
export function PositionDetail({ id }: { id: string }) {
  const detail = usePosition(id);
  const live = useLiveState();
  if (detail.isPending) {
    return (
      <div aria-busy="true" className="position-skeletons">
        <Skeleton height="6rem" />
        <Skeleton height="12rem" />
      </div>
    );
  }
  if (detail.isError && !detail.data) {
    if (isApiError(detail.error) && detail.error.status === 404) {
      return (
        <section className="card notice-card">
          <h2>No such position</h2>
          <p>The bot does not report {id}: it may have closed. Its history stays below.</p>
          <Lifecycle id={id} />
        </section>
      );
    }
    return (
      <section className="card error-card" role="alert">
        <ErrorDetails error={detail.error} headingLevel={2} />
      </section>
    );
  }
  const p = withLive(detail.data, live.data?.positions[id]);
  const opened = parseWireTime(p.opened_at);
  return (
    <div className="position-detail" data-stale={detail.isError}>
      <div className="detail-headline">
        <StatusBadge tone={p.status === 'open' ? 'success' : 'warning'}>{p.status}</StatusBadge>
        <span>
          {formatLeverage(p.leverage)} · opened {opened ? <LocalTime date={opened} withDate /> : '—'} · held{' '}
          {formatUptime(p.hold_duration_hours * 3600)}
        </span>
        <span className="detail-pnl">
          Total PnL <Pnl value={p.total_pnl_usd} /> ({formatPercent(p.pnl.total_pnl_pct, { signed: true, digits: 2 })})
        </span>
      </div>
      <div className="detail-grid">
        <Facts title="Sizing">
          <Fact label="Deployed">{formatUsd(p.sizing.deployed_usd)}</Fact>
          <Fact label="Position size">{formatUsd(p.sizing.position_size_usd)}</Fact>
          <Fact label="Collateral">{formatUsd(p.sizing.collateral_usd)}</Fact>
          <Fact label="Borrowed">{formatUsd(p.sizing.borrowed_usd)}</Fact>
        </Facts>
        <Facts title="Long leg (Asgard, Solana)">
          <Fact label="Value">{formatUsd(p.long_value_usd)}</Fact>
          <Fact label="Collateral">{formatUsd(p.asgard.collateral_usd)}</Fact>
          <Fact label="Tokens">{formatNumber(p.asgard.token_a_amount, 4)}</Fact>
          <Fact label="Entry price">{formatUsd(p.asgard.entry_price, { digits: 4 })}</Fact>
          <Fact label="Current price">{formatUsd(p.asgard.current_price, { digits: 4 })}</Fact>
          <Fact label="Health factor">
            {formatPercent(p.asgard_hf)} <HealthBadge level={healthFactorLevel(p.asgard_hf)} />
          </Fact>
        </Facts>
        <Facts title="Short leg (Hyperliquid)">
          <Fact label="Value">{formatUsd(p.short_value_usd)}</Fact>
          <Fact label="Size">{formatNumber(p.hyperliquid.size_sol, 4)} SOL</Fact>
          <Fact label="Entry price">{formatUsd(p.hyperliquid.entry_px, { digits: 4 })}</Fact>
          <Fact label="Mark price">{formatUsd(p.hyperliquid.mark_px, { digits: 4 })}</Fact>
          <Fact label="Leverage">{formatLeverage(p.hyperliquid.leverage)}</Fact>
          <Fact label="Margin used">{formatUsd(p.hyperliquid.margin_used)}</Fact>
          <Fact label="Margin fraction">
            {formatPercent(p.hyperliquid_mf)} <HealthBadge level={marginFractionLevel(p.hyperliquid_mf)} />
          </Fact>
        </Facts>
        <Facts title="PnL">
          <Fact label="Long leg">
            <Pnl value={p.pnl.long_pnl} />
          </Fact>
          <Fact label="Short leg">
            <Pnl value={p.pnl.short_pnl} />
          </Fact>
          <Fact label="Position (price)">
            <Pnl value={p.pnl.position_pnl} />
          </Fact>
          <Fact label="Funding">
            <Pnl value={p.funding_pnl_usd} />
          </Fact>
          <Fact label="Total">
            <Pnl value={p.total_pnl_usd} />
          </Fact>
        </Facts>
        <Facts title="Risk">
          <Fact label="Status">
            <StatusBadge tone={p.risk.health_status === 'healthy' ? 'success' : 'danger'} size="sm">
              {p.risk.health_status === 'healthy' ? 'Healthy' : 'At risk'}
            </StatusBadge>
          </Fact>
          <Fact label="Distance to liquidation">{formatPercent(p.risk.distance_to_liquidation)}</Fact>
          <Fact label="Delta">{formatUsd(p.delta)}</Fact>
          <Fact label="Delta ratio">{formatPercent(p.delta_ratio, { digits: 2 })}</Fact>
        </Facts>
      </div>
      <section className="card detail-card" aria-labelledby="charts-heading">
        <h2 id="charts-heading">Health and PnL over time</h2>
        <Charts id={id} />
      </section>
      <section className="card detail-card" aria-labelledby="lifecycle-heading">
        <h2 id="lifecycle-heading">Lifecycle</h2>
        <Lifecycle id={id} />
      </section>
    </div>
  );
}
