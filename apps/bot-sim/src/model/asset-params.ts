import type { Asset } from '@dnb/contracts';

/**
 * Per-asset facts of the long leg on Asgard. LSTs are priced as SOL times their
 * exchange rate (which grows with staking yield) times a small market premium.
 */
export interface AssetParams {
  /** LST -> SOL exchange rate at the start (1 for SOL). */
  exchangeRate: string;
  /** Annual staking yield carried by the exchange rate. */
  stakingApy: number;
  /** Annual lending yield on the deposited token (paid in tokens). */
  lendingApy: number;
  /** Annual USDC borrow cost on Asgard for this market. */
  borrowApy: number;
  /** Asgard liquidation threshold (collateral value fraction that may be borrowed). */
  liquidationThreshold: string;
}

export const ASSET_PARAMS: Record<Asset, AssetParams> = {
  SOL: { exchangeRate: '1', stakingApy: 0, lendingApy: 0.045, borrowApy: 0.085, liquidationThreshold: '0.95' },
  jitoSOL: { exchangeRate: '1.1872', stakingApy: 0.075, lendingApy: 0.005, borrowApy: 0.085, liquidationThreshold: '0.93' },
  jupSOL: { exchangeRate: '1.1094', stakingApy: 0.078, lendingApy: 0.004, borrowApy: 0.085, liquidationThreshold: '0.93' },
  INF: { exchangeRate: '1.2768', stakingApy: 0.082, lendingApy: 0.003, borrowApy: 0.085, liquidationThreshold: '0.92' },
};

/** Hyperliquid maintenance margin for SOL-PERP (half of the 1/20 initial margin at max leverage). */
export const HL_MAINTENANCE_MARGIN = '0.025';

export const HOURS_PER_YEAR = 8760;
