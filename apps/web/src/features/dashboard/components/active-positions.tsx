import type { BotLifecycle, BotPositionSummary } from '@dnb/contracts';
import { memo } from 'react';
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

/** A position card's height on wide screens and a closed accordion item's on phones (dashboard.css). */
const POSITION_ITEM_HEIGHT = { wide: '4.875rem', mobile: '2.875rem' } as const;

/** One card; the feed keeps an unchanged position's object, so only the cards that changed render. */
const PositionCard = memo(function PositionCard({ position }: { position: BotPositionSummary }) {
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
});

/** Spec 4.1's active positions: cards on wide screens, an accordion on phones. */
export function ActivePositions({ live }: { live: LiveState | undefined }) {
  // Only what the list shows goes down, so a feed message that changes none of it renders nothing.
  return live ? (
    <PositionList positions={live.positions} botState={live.bot.state} complete={live.complete} stale={live.bot_unavailable} />
  ) : (
    <PositionList positions={undefined} botState={undefined} complete={false} stale={false} />
  );
}

interface PositionListProps {
  /** Undefined until the live state is known. */
  positions: Record<string, BotPositionSummary> | undefined;
  botState: BotLifecycle | undefined;
  complete: boolean;
  stale: boolean;
}

const PositionList = memo(function PositionList({ positions, botState, complete, stale }: PositionListProps) {
  const mobile = useMediaQuery(MOBILE_QUERY);
  const open = positions ? Object.values(positions).filter((p) => p.status !== 'closed') : [];
  open.sort((a, b) => a.opened_at.localeCompare(b.opened_at));
  const recovering = botState ? isRecovering(botState) || !complete : false;
  return (
    <section className="card dashboard-section" aria-labelledby="positions-heading" data-stale={stale}>
      <div className="section-header">
        <h2 id="positions-heading">Active positions{positions && !recovering ? <span className="muted"> ({open.length})</span> : null}</h2>
        <Link to={paths.positions.getHref()}>All positions</Link>
      </div>
      {!positions ? (
        // Three, each as tall as a card (wide screens) or a closed accordion item (phones): a typical list then replaces them without shifting the page.
        <div aria-busy="true" className="position-skeletons">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={mobile ? POSITION_ITEM_HEIGHT.mobile : POSITION_ITEM_HEIGHT.wide} />
          ))}
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
        <PositionAccordion positions={open} stale={stale} />
      ) : (
        <ul className="position-cards">
          {open.map((position) => (
            <PositionCard key={position.position_id} position={position} />
          ))}
        </ul>
      )}
    </section>
  );
});
