import type { BotPositionSummary } from '@dnb/contracts';
import { memo } from 'react';
import { Link } from 'react-router';
import { HealthBadge } from '@/components/ui/health-badge';
import { Pnl } from '@/components/ui/pnl';
import { paths } from '@/config/paths';
import { formatLeverage, formatPercent, formatUsd } from '@/lib/format';
import { healthFactorLevel, marginFractionLevel, positionHealth } from '@/lib/risk';

/** A position's main figures as a definition list (both legs' health with their level in words). */
export function PositionFigures({ position }: { position: BotPositionSummary }) {
  return (
    <dl className="facts">
      <div>
        <dt>Asgard health factor</dt>
        <dd>
          {formatPercent(position.asgard_hf)} <HealthBadge level={healthFactorLevel(position.asgard_hf)} />
        </dd>
      </div>
      <div>
        <dt>Hyperliquid margin fraction</dt>
        <dd>
          {formatPercent(position.hyperliquid_mf)} <HealthBadge level={marginFractionLevel(position.hyperliquid_mf)} />
        </dd>
      </div>
      <div>
        <dt>Deployed</dt>
        <dd>{formatUsd(position.deployed_usd)}</dd>
      </div>
      <div>
        <dt>Funding PnL</dt>
        <dd>
          <Pnl value={position.funding_pnl_usd} />
        </dd>
      </div>
      <div>
        <dt>Delta</dt>
        <dd>
          {formatUsd(position.delta)} ({formatPercent(position.delta_ratio, { digits: 2 })})
        </dd>
      </div>
    </dl>
  );
}

/**
 * Positions as an accordion (spec 4.3, Q13: vertical, no horizontal swipe): the summary line
 * shows asset, leverage, PnL and health; opening it shows the figures and a link to the detail.
 */
export function PositionAccordion({ positions, stale = false }: { positions: readonly BotPositionSummary[]; stale?: boolean }) {
  return (
    <ul className="position-accordion" data-stale={stale}>
      {positions.map((position) => (
        <PositionAccordionItem key={position.position_id} position={position} />
      ))}
    </ul>
  );
}

/** One position; the feed keeps an unchanged position's object, so only the items that changed render. */
const PositionAccordionItem = memo(function PositionAccordionItem({ position }: { position: BotPositionSummary }) {
  return (
    <li>
      <details className="position-item" data-testid="position-item" data-position-id={position.position_id}>
        <summary>
          <span className="position-asset">{position.asset}</span>
          <span className="position-leverage">{formatLeverage(position.leverage)}</span>
          <Pnl value={position.total_pnl_usd} className="position-pnl" />
          <HealthBadge level={positionHealth(position)} />
        </summary>
        <div className="position-item-body">
          <PositionFigures position={position} />
          <Link to={paths.position.getHref(position.position_id)}>Details of {position.position_id}</Link>
        </div>
      </details>
    </li>
  );
});
