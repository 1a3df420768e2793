import type { BotFundingRates, BotPositionSummary } from '@dnb/contracts';
import { ExactDecimal, sumDecimals } from '../positions/decimal-sum';
import type { MetricPoint } from './metrics.repository';

/** Metric types of the portfolio series (''). Spec 3.1's PnL split, and the capital at work. */
export const PNL_METRICS = {
  total: 'pnl_total',
  realized: 'pnl_realized',
  unrealized: 'pnl_unrealized',
  funding: 'pnl_funding',
  position: 'pnl_position',
} as const;
export const DEPLOYED_CAPITAL = 'deployed_capital';
/** Per position (series = position id). */
export const POSITION_METRICS = {
  health_factor: 'position_health_factor',
  margin_fraction: 'position_margin_fraction',
  delta_ratio: 'position_delta_ratio',
  pnl: 'position_pnl',
} as const;
/** Per asset (series = asset), when the bot serves funding rates. */
export const FUNDING_METRICS = { funding_rate: 'funding_rate', net_apy: 'funding_net_apy' } as const;

/** PnL of the closed trades so far, summed exactly. */
export interface RealizedTotals {
  total: string;
  funding: string;
}

/** a - b, exact, written with as many decimals as the more precise operand. */
export function subtractDecimals(a: string, b: string): string {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  return new ExactDecimal(a).minus(b).toFixed(scale);
}

function decimalsOf(value: string): number {
  const point = value.indexOf('.');
  return point === -1 ? 0 : value.length - point - 1;
}

/**
 * One minute's points from the bridge's view: the portfolio's PnL split (realized from the
 * trades, unrealized from the open positions; funding and position PnL across both), the
 * deployed capital, each position's risk figures and each asset's funding.
 */
export function samplePoints(
  positions: readonly BotPositionSummary[],
  realized: RealizedTotals,
  fundingRates: BotFundingRates | null,
  minute: string,
): MetricPoint[] {
  const unrealized = sumDecimals(positions.map((p) => p.total_pnl_usd));
  const total = sumDecimals([realized.total, unrealized]);
  const funding = sumDecimals([realized.funding, ...positions.map((p) => p.funding_pnl_usd)]);
  const point = (metricType: string, value: string, series = '', metadata: string | null = null): MetricPoint => ({
    metricType,
    series,
    value,
    metadata,
    timestamp: minute,
  });
  const points: MetricPoint[] = [
    point(PNL_METRICS.total, total),
    point(PNL_METRICS.realized, realized.total),
    point(PNL_METRICS.unrealized, unrealized),
    point(PNL_METRICS.funding, funding),
    point(PNL_METRICS.position, subtractDecimals(total, funding)),
    point(DEPLOYED_CAPITAL, sumDecimals(positions.map((p) => p.deployed_usd))),
  ];
  for (const p of positions) {
    const metadata = JSON.stringify({ asset: p.asset });
    points.push(
      point(POSITION_METRICS.health_factor, p.asgard_hf, p.position_id, metadata),
      point(POSITION_METRICS.margin_fraction, p.hyperliquid_mf, p.position_id, metadata),
      point(POSITION_METRICS.delta_ratio, p.delta_ratio, p.position_id, metadata),
      point(POSITION_METRICS.pnl, p.total_pnl_usd, p.position_id, metadata),
    );
  }
  for (const rate of fundingRates?.rates ?? []) {
    points.push(
      point(FUNDING_METRICS.funding_rate, rate.hyperliquid_funding_rate, rate.asset),
      point(FUNDING_METRICS.net_apy, rate.net_apy, rate.asset),
    );
  }
  return points;
}
