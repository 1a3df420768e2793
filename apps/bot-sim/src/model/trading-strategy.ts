import { ASSETS, type Asset } from '@dnb/contracts';
import type { Dec } from '../common/decimal';
import type { BotSettings } from './bot-config';
import type { MarketModel } from './market-model';
import type { PositionFigures, PositionState } from './position';

/** Re-hedge when the legs drift more than this apart (the dashboard warns at 0.5% too). */
export const REHEDGE_DELTA_RATIO = '0.005';

export interface Opportunity {
  asset: Asset;
  netApy: Dec;
}

/** Assets whose net APY at the default leverage beats the configured minimum, best first. */
export function findOpportunities(market: MarketModel, settings: BotSettings): Opportunity[] {
  const leverage = settings.defaultLeverage;
  return ASSETS.map((asset) => ({ asset, netApy: market.netApy(asset, leverage) }))
    .filter((o) => o.netApy.greaterThan(settings.minApy))
    .sort((a, b) => b.netApy.comparedTo(a.netApy));
}

type Risk = Pick<PositionFigures, 'healthFactor' | 'marginFraction'>;

/** Closing on risk: below the configured critical health factor or margin fraction. */
export function riskExitReason(r: Risk, settings: BotSettings): string | null {
  if (r.healthFactor.lessThan(settings.hfCritical)) return 'health_factor_critical';
  if (r.marginFraction.lessThan(settings.mfCritical)) return 'margin_fraction_critical';
  return null;
}

/** Why an open position should be closed now, or null to keep it. Risk first, then carry. */
export function exitReason(p: PositionState, f: PositionFigures, market: MarketModel, settings: BotSettings): string | null {
  const risk = riskExitReason(f, settings);
  if (risk) return risk;
  if (market.fundingRate(p.asset).greaterThan(0)) return 'funding_flipped';
  if (market.netApy(p.asset, p.leverage).isNegative()) return 'negative_apy';
  return null;
}

/** The protocol liquidates whatever the bot's pause says. */
export function liquidationReason(f: Risk, maintenance: Dec): string | null {
  if (!f.healthFactor.isPositive()) return 'liquidated_asgard';
  if (f.marginFraction.lessThanOrEqualTo(maintenance)) return 'liquidated_hyperliquid';
  return null;
}
