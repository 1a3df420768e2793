import type { Asset } from '@dnb/contracts';
import { type Dec, dec, minDec } from '../common/decimal';
import { ASSET_PARAMS, HL_MAINTENANCE_MARGIN, HOURS_PER_YEAR } from './asset-params';

/**
 * One delta-neutral position: a leveraged long of the asset on Asgard and an equal
 * short of SOL-PERP on Hyperliquid. Sizing follows spec Appendix A: deployed capital is
 * the Asgard collateral, the long is deployed x leverage, the debt the rest; the short
 * has the same notional at the same leverage.
 */
export interface PositionState {
  id: string;
  asset: Asset;
  leverage: Dec;
  deployedUsd: Dec;
  openedAt: number;
  status: 'open' | 'closing';
  positionPda: string;
  // Asgard leg
  tokenAmount: Dec;
  entryPrice: Dec;
  entryLongValue: Dec;
  initialDebtUsd: Dec;
  debtUsd: Dec;
  /** Liquidation threshold; a forced health factor moves it (as a protocol risk-parameter change would). */
  liquidationThreshold: Dec;
  // Hyperliquid leg
  sizeSol: Dec;
  entryPx: Dec;
  /** Collateral in the Hyperliquid account; a forced margin fraction moves it (a withdrawal or deposit). */
  marginUsd: Dec;
  shortRealizedPnl: Dec;
  fundingPnl: Dec;
  // Closing
  closeReason?: string;
  closeAt?: number;
  /** Emergency-stop closures proceed whatever the pause scope says. */
  forceClose?: boolean;
}

export interface Marks {
  spot: Dec;
  solMark: Dec;
}

/** Every figure the API shows, unrounded except where sums must be exact on the wire. */
export interface PositionFigures {
  longValue: Dec;
  shortValue: Dec;
  delta: Dec;
  deltaRatio: Dec;
  healthFactor: Dec;
  marginFraction: Dec;
  marginUsed: Dec;
  longPnl: Dec;
  shortPnl: Dec;
  positionPnl: Dec;
  fundingPnl: Dec;
  totalPnl: Dec;
  totalPnlPct: Dec;
  distanceToLiquidation: Dec;
}

export interface OpenParams {
  id: string;
  asset: Asset;
  deployedUsd: Dec;
  leverage: Dec;
  openedAt: number;
  entryPrice: Dec;
  entryPx: Dec;
  positionPda: string;
}

export function openPosition(p: OpenParams): PositionState {
  const notional = p.deployedUsd.times(p.leverage).toDecimalPlaces(2);
  const debt = notional.minus(p.deployedUsd);
  return {
    id: p.id,
    asset: p.asset,
    leverage: p.leverage,
    deployedUsd: p.deployedUsd,
    openedAt: p.openedAt,
    status: 'open',
    positionPda: p.positionPda,
    tokenAmount: notional.dividedBy(p.entryPrice).toDecimalPlaces(9),
    entryPrice: p.entryPrice,
    entryLongValue: notional,
    initialDebtUsd: debt,
    debtUsd: debt,
    liquidationThreshold: dec(ASSET_PARAMS[p.asset].liquidationThreshold),
    sizeSol: notional.dividedBy(p.entryPx).toDecimalPlaces(6),
    entryPx: p.entryPx,
    marginUsd: notional.dividedBy(p.leverage).toDecimalPlaces(2),
    shortRealizedPnl: dec(0),
    fundingPnl: dec(0),
  };
}

const cents = (d: Dec) => d.toDecimalPlaces(2);
const bp = (d: Dec) => d.toDecimalPlaces(4);
const ONE = dec(1);
const MAINTENANCE = dec(HL_MAINTENANCE_MARGIN);

/** Health factor and margin fraction only: what the risk checks need every step, computed as the wire shows them. */
export function riskOf(p: PositionState, m: Marks): { healthFactor: Dec; marginFraction: Dec } {
  const longValue = cents(p.tokenAmount.times(m.spot));
  const shortValue = cents(p.sizeSol.times(m.solMark));
  const unrealized = p.sizeSol.times(p.entryPx.minus(m.solMark));
  const account = p.marginUsd.plus(p.shortRealizedPnl).plus(unrealized).plus(p.fundingPnl);
  return {
    healthFactor: bp(ONE.minus(p.debtUsd.dividedBy(longValue.times(p.liquidationThreshold)))),
    marginFraction: bp(account.dividedBy(shortValue)),
  };
}

/**
 * Values a position at the given marks. Money is rounded to cents before it is summed,
 * so long - short = delta and position + funding = total hold exactly on the wire.
 */
export function valuePosition(p: PositionState, m: Marks): PositionFigures {
  const longValue = cents(p.tokenAmount.times(m.spot));
  const shortValue = cents(p.sizeSol.times(m.solMark));
  const delta = longValue.minus(shortValue);
  const { healthFactor, marginFraction } = riskOf(p, m);
  const unrealized = p.sizeSol.times(p.entryPx.minus(m.solMark));
  const longPnl = cents(longValue.minus(p.entryLongValue).minus(p.debtUsd.minus(p.initialDebtUsd)));
  const shortPnl = cents(p.shortRealizedPnl.plus(unrealized));
  const positionPnl = longPnl.plus(shortPnl);
  const fundingPnl = cents(p.fundingPnl);
  const totalPnl = positionPnl.plus(fundingPnl);
  // Short liquidation price: account(p) = maintenance x size x p.
  const shortLiqPx = p.marginUsd
    .plus(p.shortRealizedPnl)
    .plus(p.fundingPnl)
    .plus(p.sizeSol.times(p.entryPx))
    .dividedBy(p.sizeSol.times(MAINTENANCE.plus(1)));
  const hlDistance = shortLiqPx.dividedBy(m.solMark).minus(1);
  return {
    longValue,
    shortValue,
    delta,
    deltaRatio: longValue.isZero() ? dec(0) : bp(delta.dividedBy(longValue)),
    healthFactor,
    marginFraction,
    marginUsed: cents(shortValue.dividedBy(p.leverage)),
    longPnl,
    shortPnl,
    positionPnl,
    fundingPnl,
    totalPnl,
    totalPnlPct: bp(totalPnl.dividedBy(p.deployedUsd)),
    distanceToLiquidation: bp(minDec([healthFactor, hlDistance])!),
  };
}

/** One simulated hour of carry: Hyperliquid funding on the short, Asgard yield and interest on the long. */
export function accrueHour(p: PositionState, fundingRate: Dec, solMark: Dec): Dec {
  const payment = fundingRate.negated().times(p.sizeSol.times(solMark)).toDecimalPlaces(6);
  p.fundingPnl = p.fundingPnl.plus(payment);
  const params = ASSET_PARAMS[p.asset];
  p.tokenAmount = p.tokenAmount.times(dec(params.lendingApy).dividedBy(HOURS_PER_YEAR).plus(1)).toDecimalPlaces(9);
  p.debtUsd = p.debtUsd.times(dec(params.borrowApy).dividedBy(HOURS_PER_YEAR).plus(1)).toDecimalPlaces(6);
  return payment;
}

/** Forces the health factor by moving the liquidation threshold: HF = 1 - debt / (value x threshold). */
export function forceHealthFactor(p: PositionState, target: Dec, m: Marks): void {
  const longValue = cents(p.tokenAmount.times(m.spot));
  p.liquidationThreshold = p.debtUsd.dividedBy(longValue.times(dec(1).minus(target)));
}

/** Forces the margin fraction by moving account collateral: MF = account / notional. */
export function forceMarginFraction(p: PositionState, target: Dec, m: Marks): void {
  const shortValue = cents(p.sizeSol.times(m.solMark));
  const unrealized = p.sizeSol.times(p.entryPx.minus(m.solMark));
  p.marginUsd = target.times(shortValue).minus(p.shortRealizedPnl).minus(unrealized).minus(p.fundingPnl);
}

/** Resizes the short to the long's value at the current mark (delta back to ~0), realizing PnL on what is cut. */
export function rebalanceShort(p: PositionState, m: Marks): Dec {
  const longValue = p.tokenAmount.times(m.spot);
  const target = longValue.dividedBy(m.solMark).toDecimalPlaces(6);
  const change = target.minus(p.sizeSol);
  if (change.isNegative()) {
    p.shortRealizedPnl = p.shortRealizedPnl.plus(change.negated().times(p.entryPx.minus(m.solMark)));
  } else if (change.isPositive()) {
    p.entryPx = p.entryPx.times(p.sizeSol).plus(m.solMark.times(change)).dividedBy(target).toDecimalPlaces(6);
  }
  p.sizeSol = target;
  return change;
}
