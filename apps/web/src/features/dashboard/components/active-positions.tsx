import type { BotPositionSummary } from '@dnb/contracts';
import { Link } from 'react-router';
import { HealthBadge } from '@/components/ui/health-badge';
import { Pnl } from '@/components/ui/pnl';
import { PositionAccordion } from '@/components/positions/position-accordion';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { formatLeverage, formatPercent } from '@/lib/format';
import { isRecovering, type LiveState } from '@/lib/live/live-state';
import { positionHealth } from '@/lib/risk';
import { MOBILE_QUERY, useMediaQuery } from '@/lib/use-media-query';

function PositionCard({ position }: { position: BotPositionSummary }) {
  return (
    <li>
      <Link
        to={paths.position.getHref(position.position_id)}
        className="position-card"
        data-testid="position-item"
        data-position-id={position.position_id}
      >
        <span className="position-card-line">
          <span className="position-asset">{position.asset}</span>
          <span className="position-leverage">{formatLeverage(position.leverage)}</span>
          <Pnl value={position.total_pnl_usd} className="position-pnl" />
        </span>
        <span className="position-card-line muted">
          <span>HF: {formatPercent(position.asgard_hf)}</span>
          <span>MF: {formatPercent(position.hyperliquid_mf)}</span>
          <HealthBadge level={positionHealth(position)} />
        </span>
      </Link>
    </li>
  );
}

/** Spec 4.1's active positions: cards on wide screens, an accordion on phones. */
export function ActivePositions({ live }: { live: LiveState | undefined }) {
  const mobile = useMediaQuery(MOBILE_QUERY);
  const open = live ? Object.values(live.positions).filter((p) => p.status !== 'closed') : [];
  open.sort((a, b) => a.opened_at.localeCompare(b.opened_at));
  const recovering = live ? isRecovering(live.bot.state) || !live.complete : false;
  return (
    <section className="card dashboard-section" aria-labelledby="positions-heading" data-stale={live?.bot_unavailable ?? false}>
      <div className="section-header">
        <h2 id="positions-heading">Active positions{live && !recovering ? <span className="muted"> ({open.length})</span> : null}</h2>
        <Link to={paths.positions.getHref()}>All positions</Link>
      </div>
      {!live ? (
        <div aria-busy="true" className="position-skeletons">
          <Skeleton height="3.5rem" />
          <Skeleton height="3.5rem" />
        </div>
      ) : open.length === 0 ? (
        // Q6: an empty list while the bot recovers is not "no positions".
        recovering ? (
          <p className="muted">Positions will appear as the bot recovers them.</p>
        ) : (
          <p className="muted" data-testid="no-positions">
            No open positions.
          </p>
        )
      ) : mobile ? (
        <PositionAccordion positions={open} stale={live.bot_unavailable} />
      ) : (
        <ul className="position-cards">
          {open.map((position) => (
            <PositionCard key={position.position_id} position={position} />
          ))}
        </ul>
      )}
    </section>
  );
}
