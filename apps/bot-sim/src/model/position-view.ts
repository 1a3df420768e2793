import type { BotPositionDetail, BotPositionSummary } from '@dnb/contracts';
import { amount, leverage, price, ratio, usd } from '../common/decimal';
import { naiveIso } from '../common/naive-time';
import type { BotSettings } from './bot-config';
import type { Marks, PositionFigures, PositionState } from './position';

export function positionSummary(p: PositionState, f: PositionFigures, now: number): BotPositionSummary {
  return {
    position_id: p.id,
    asset: p.asset,
    status: p.status,
    leverage: leverage(p.leverage),
    deployed_usd: usd(p.deployedUsd),
    long_value_usd: usd(f.longValue),
    short_value_usd: usd(f.shortValue),
    delta: usd(f.delta),
    delta_ratio: ratio(f.deltaRatio),
    asgard_hf: ratio(f.healthFactor),
    hyperliquid_mf: ratio(f.marginFraction),
    total_pnl_usd: usd(f.totalPnl),
    funding_pnl_usd: usd(f.fundingPnl),
    opened_at: naiveIso(p.openedAt),
    hold_duration_hours: Math.round(((now - p.openedAt) / 3_600_000) * 100) / 100,
  };
}

export function positionDetail(p: PositionState, f: PositionFigures, m: Marks, now: number, settings: BotSettings): BotPositionDetail {
  const atRisk = f.healthFactor.lessThan(settings.hfWarning) || f.marginFraction.lessThan(settings.mfWarning);
  return {
    ...positionSummary(p, f, now),
    sizing: {
      deployed_usd: usd(p.deployedUsd),
      position_size_usd: usd(p.entryLongValue),
      collateral_usd: usd(p.deployedUsd),
      borrowed_usd: usd(p.debtUsd),
    },
    asgard: {
      position_pda: p.positionPda,
      collateral_usd: usd(p.deployedUsd),
      token_a_amount: amount(p.tokenAmount),
      entry_price: price(p.entryPrice),
      current_price: price(m.spot),
      current_health_factor: ratio(f.healthFactor),
    },
    hyperliquid: {
      size_sol: amount(p.sizeSol.negated()),
      entry_px: price(p.entryPx),
      mark_px: price(m.solMark),
      leverage: leverage(p.leverage),
      margin_used: usd(f.marginUsed),
      margin_fraction: ratio(f.marginFraction),
    },
    pnl: {
      long_pnl: usd(f.longPnl),
      short_pnl: usd(f.shortPnl),
      position_pnl: usd(f.positionPnl),
      funding_pnl: usd(f.fundingPnl),
      total_pnl: usd(f.totalPnl),
      total_pnl_pct: ratio(f.totalPnlPct),
    },
    risk: {
      delta: usd(f.delta),
      delta_ratio: ratio(f.deltaRatio),
      health_status: atRisk ? 'at_risk' : 'healthy',
      distance_to_liquidation: ratio(f.distanceToLiquidation),
    },
  };
}
