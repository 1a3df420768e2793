import { ASSETS, type Asset } from '@dnb/contracts';
import { type Dec, dec, fromFloat } from '../common/decimal';
import { SeededRng } from '../common/seeded-rng';
import { ASSET_PARAMS, HOURS_PER_YEAR } from './asset-params';

export type ChainName = 'solana' | 'arbitrum';
export const CHAINS: readonly ChainName[] = ['solana', 'arbitrum'];
const LSTS = ASSETS.filter((a) => a !== 'SOL');

const MS_PER_YEAR = 365 * 24 * 3600 * 1000;
const MS_PER_HOUR = 3600 * 1000;

/** Ornstein-Uhlenbeck parameters: long-run mean, stationary spread, half-life. */
interface Ou {
  mean: number;
  sd: number;
  halfLifeMs: number;
}

const BASIS: Ou = { mean: 0, sd: 0.0008, halfLifeMs: 15 * 60_000 };
const PREMIUM: Ou = { mean: 0, sd: 0.0012, halfLifeMs: 2 * MS_PER_HOUR };
/** Hourly funding; negative means shorts are paid (about 7% a year on notional). */
const FUNDING_COMMON: Ou = { mean: -0.000008, sd: 0.0000035, halfLifeMs: 12 * MS_PER_HOUR };
const FUNDING_IDIO: Ou = { mean: 0, sd: 0.000002, halfLifeMs: 4 * MS_PER_HOUR };
const GAS_LOG: Ou = { mean: Math.log(0.00008), sd: 0.5, halfLifeMs: 30 * 60_000 };
const GAS_SPIKE_HALF_LIFE_MS = 20 * 60_000;
const BLOCKS_PER_SECOND: Record<ChainName, number> = { solana: 2.5, arbitrum: 4 };

/** Mean rates of spontaneous incidents (per simulated ms) when incidents are on. */
const INCIDENT_RATE = {
  gasSpike: 1 / (3 * 24 * MS_PER_HOUR),
  chainOutage: 1 / (5 * 24 * MS_PER_HOUR),
  basisJump: 1 / (4 * 24 * MS_PER_HOUR),
};

interface ChainState {
  connected: boolean;
  height: number;
  /** Sim time at which a spontaneous outage ends; forced outages last until cleared. */
  outageUntil: number | null;
}

export interface MarketOptions {
  seed: string;
  /** Annualised SOL volatility (0 keeps prices flat, for tests). */
  volatility: number;
  incidents: boolean;
}

export interface MarketIncident {
  kind: 'gas_spike' | 'chain_outage' | 'chain_recovered' | 'basis_jump';
  detail: string;
}

function ouStep(x: number, p: Ou, dtMs: number, z: number): number {
  const decay = Math.exp((-Math.LN2 * dtMs) / p.halfLifeMs);
  return p.mean + (x - p.mean) * decay + p.sd * Math.sqrt(1 - decay * decay) * z;
}

/**
 * Prices, funding, gas and chains. Latent random processes are floats; everything the
 * bot trades on is read out as a quantized Decimal, so the books stay exact.
 */
export class MarketModel {
  private readonly rng: SeededRng;
  private readonly incidentRng: SeededRng;
  private solSpot: Dec;
  private basis: number;
  private readonly premium: Record<Asset, number>;
  private readonly premiumPinned: Partial<Record<Asset, true>> = {};
  private readonly exchangeRate: Record<Asset, Dec>;
  private fundingCommon: number;
  private readonly fundingIdio: Record<Asset, number>;
  private gasLog: number;
  private gasSpike = 0;
  private readonly chains: Record<ChainName, ChainState>;
  /** The Asgard carry depends only on constants and leverage. */
  private readonly carryCache = new Map<string, Dec>();

  constructor(private readonly options: MarketOptions) {
    this.rng = new SeededRng(`${options.seed}:market`);
    this.incidentRng = new SeededRng(`${options.seed}:incidents`);
    this.solSpot = fromFloat(this.rng.between(140, 220), 4);
    this.basis = this.rng.normal() * BASIS.sd * 0.5;
    this.premium = { SOL: 0, jitoSOL: 0, jupSOL: 0, INF: 0 };
    this.exchangeRate = { SOL: dec(1), jitoSOL: dec(1), jupSOL: dec(1), INF: dec(1) };
    this.fundingIdio = { SOL: 0, jitoSOL: 0, jupSOL: 0, INF: 0 };
    for (const asset of ASSETS) {
      this.exchangeRate[asset] = dec(ASSET_PARAMS[asset].exchangeRate);
      this.fundingIdio[asset] = this.rng.normal() * FUNDING_IDIO.sd * 0.5;
      if (asset !== 'SOL') this.premium[asset] = this.rng.normal() * PREMIUM.sd * 0.5;
    }
    this.fundingCommon = FUNDING_COMMON.mean + this.rng.normal() * FUNDING_COMMON.sd * 0.5;
    this.gasLog = GAS_LOG.mean;
    this.chains = {
      solana: { connected: true, height: this.rng.int(310_000_000, 330_000_000), outageUntil: null },
      arbitrum: { connected: true, height: this.rng.int(280_000_000, 300_000_000), outageUntil: null },
    };
  }

  /** Moves the market by dtMs of simulated time; returns what happened by chance. */
  step(dtMs: number, nowMs: number): MarketIncident[] {
    const r = this.rng;
    const sigma = this.options.volatility;
    const dtYears = dtMs / MS_PER_YEAR;
    const factor = Math.exp(sigma * Math.sqrt(dtYears) * r.normal() - 0.5 * sigma * sigma * dtYears);
    this.solSpot = this.solSpot.times(fromFloat(factor)).toDecimalPlaces(6);
    this.basis = ouStep(this.basis, BASIS, dtMs, r.normal());
    for (const asset of LSTS) {
      const z = r.normal(); // always drawn, so a pin does not shift the rest of the path
      if (!this.premiumPinned[asset]) this.premium[asset] = ouStep(this.premium[asset], PREMIUM, dtMs, z);
    }
    this.fundingCommon = ouStep(this.fundingCommon, FUNDING_COMMON, dtMs, r.normal());
    for (const asset of ASSETS) this.fundingIdio[asset] = ouStep(this.fundingIdio[asset], FUNDING_IDIO, dtMs, r.normal());
    this.gasLog = ouStep(this.gasLog, GAS_LOG, dtMs, r.normal());
    this.gasSpike *= Math.exp((-Math.LN2 * dtMs) / GAS_SPIKE_HALF_LIFE_MS);
    for (const name of CHAINS) {
      const chain = this.chains[name];
      if (chain.connected) chain.height += (BLOCKS_PER_SECOND[name] * dtMs) / 1000;
    }
    return this.incidents(dtMs, nowMs);
  }

  private incidents(dtMs: number, nowMs: number): MarketIncident[] {
    const out: MarketIncident[] = [];
    for (const name of CHAINS) {
      const chain = this.chains[name];
      if (chain.outageUntil !== null && nowMs >= chain.outageUntil) {
        chain.outageUntil = null;
        chain.connected = true;
        out.push({ kind: 'chain_recovered', detail: `${name} reachable again` });
      }
    }
    if (!this.options.incidents) return out;
    const r = this.incidentRng;
    const [u1, u2, u3, u4, u5] = [r.next(), r.next(), r.next(), r.next(), r.next()];
    if (u1 < INCIDENT_RATE.gasSpike * dtMs) {
      this.gasSpike = 0.01 + u5 * 0.02;
      out.push({ kind: 'gas_spike', detail: `Solana priority fees spiked to ${this.gasSol().toFixed(6)} SOL` });
    }
    if (u2 < INCIDENT_RATE.chainOutage * dtMs) {
      const name: ChainName = u3 < 0.6 ? 'solana' : 'arbitrum';
      const chain = this.chains[name];
      if (chain.connected) {
        chain.connected = false;
        chain.outageUntil = nowMs + Math.round((2 + u5 * 13) * 60_000);
        out.push({ kind: 'chain_outage', detail: `${name} RPC unreachable` });
      }
    }
    if (u4 < INCIDENT_RATE.basisJump * dtMs) {
      this.basis = (u5 < 0.5 ? -1 : 1) * (0.022 + u5 * 0.01);
      out.push({ kind: 'basis_jump', detail: `Hyperliquid mark deviates ${(this.basis * 100).toFixed(2)}% from the oracle` });
    }
    return out;
  }

  /** Once per simulated hour: staking yield raises the LST exchange rates. */
  accrueHour(): void {
    for (const asset of LSTS) {
      const growth = fromFloat(ASSET_PARAMS[asset].stakingApy / HOURS_PER_YEAR);
      this.exchangeRate[asset] = this.exchangeRate[asset].times(growth.plus(1)).toDecimalPlaces(12);
    }
  }

  // ---- read-outs -------------------------------------------------------------

  /** Asgard (oracle) price of the asset in USD. */
  spot(asset: Asset): Dec {
    if (asset === 'SOL') return this.solSpot;
    return this.solSpot.times(this.exchangeRate[asset]).times(fromFloat(this.premium[asset]).plus(1)).toDecimalPlaces(6);
  }

  /** Hyperliquid SOL-PERP mark price: every short leg hedges on SOL-PERP. */
  hlMark(): Dec {
    return this.solSpot.times(fromFloat(this.basis).plus(1)).toDecimalPlaces(6);
  }

  /** |mark / oracle - 1| between the two venues. */
  priceDeviation(): Dec {
    return fromFloat(Math.abs(this.basis), 8);
  }

  /** Market premium of an LST over its fair value (SOL x exchange rate); negative is a discount. */
  lstPremium(asset: Asset): Dec {
    return fromFloat(this.premium[asset], 8);
  }

  fundingRate(asset: Asset): Dec {
    return fromFloat(this.fundingCommon + this.fundingIdio[asset], 10);
  }

  /** Annualised Asgard carry on deployed capital at leverage L: L x (lending + staking) - (L - 1) x borrow. */
  asgardNetRate(asset: Asset, leverage: Dec): Dec {
    const key = `${asset}@${leverage.toString()}`;
    let rate = this.carryCache.get(key);
    if (!rate) {
      rate = this.computeCarry(asset, leverage);
      this.carryCache.set(key, rate);
    }
    return rate;
  }

  private computeCarry(asset: Asset, leverage: Dec): Dec {
    const p = ASSET_PARAMS[asset];
    const yieldApy = fromFloat(p.lendingApy + p.stakingApy, 6);
    return leverage.times(yieldApy).minus(leverage.minus(1).times(fromFloat(p.borrowApy, 6)));
  }

  /** What entering now earns a year on deployed capital: funding on L x capital plus the Asgard carry. */
  netApy(asset: Asset, leverage: Dec): Dec {
    return this.fundingRate(asset).negated().times(HOURS_PER_YEAR).times(leverage).plus(this.asgardNetRate(asset, leverage));
  }

  gasSol(): Dec {
    return fromFloat(Math.exp(this.gasLog) + this.gasSpike, 9);
  }

  chain(name: ChainName): { connected: boolean; blockHeight: number | null } {
    const c = this.chains[name];
    return { connected: c.connected, blockHeight: c.connected ? Math.floor(c.height) : null };
  }

  allChainsUp(): boolean {
    return CHAINS.every((n) => this.chains[n].connected);
  }

  // ---- scenarios ---------------------------------------------------------------

  /** Sets the Asgard price (SOL moves every LST with it) or the Hyperliquid mark (a basis, which then decays). */
  setPrice(asset: Asset, value: Dec, venue: 'asgard' | 'hyperliquid'): void {
    if (venue === 'hyperliquid') {
      this.basis = value.dividedBy(this.solSpot).minus(1).toNumber();
    } else if (asset === 'SOL') {
      this.solSpot = value.toDecimalPlaces(6);
    } else {
      this.premium[asset] = value.dividedBy(this.solSpot.times(this.exchangeRate[asset])).minus(1).toNumber();
    }
  }

  /** Pins an LST premium (a depeg lasts until released); null releases it to drift back. */
  setLstPremium(asset: Asset, premium: Dec | null): void {
    if (asset === 'SOL') throw new Error('SOL has no peg');
    if (premium === null) {
      delete this.premiumPinned[asset];
      return;
    }
    this.premium[asset] = premium.toNumber();
    this.premiumPinned[asset] = true;
  }

  /** Sets an asset's hourly funding; undefined mirrors the current rate (favourable becomes unfavourable). */
  setFunding(asset: Asset, rate?: Dec): Dec {
    const target = rate ? rate.toNumber() : -(this.fundingCommon + this.fundingIdio[asset]);
    this.fundingIdio[asset] = target - this.fundingCommon;
    return this.fundingRate(asset);
  }

  /** Sets the current Solana fee level; it decays back with the spike half-life. */
  setGas(value: Dec): void {
    this.gasSpike = Math.max(0, value.toNumber() - Math.exp(this.gasLog));
  }

  setChain(name: ChainName, connected: boolean): void {
    this.chains[name].connected = connected;
    this.chains[name].outageUntil = null;
  }

  snapshot() {
    return {
      sol_spot: this.solSpot.toFixed(6),
      hl_mark: this.hlMark().toFixed(6),
      price_deviation: this.priceDeviation().toFixed(8),
      gas_sol: this.gasSol().toFixed(9),
      assets: Object.fromEntries(
        ASSETS.map((a) => [
          a,
          {
            price: this.spot(a).toFixed(6),
            exchange_rate: this.exchangeRate[a].toFixed(12),
            premium: this.lstPremium(a).toFixed(8),
            premium_pinned: Boolean(this.premiumPinned[a]),
            funding_rate: this.fundingRate(a).toFixed(10),
          },
        ]),
      ),
      chains: { solana: this.chain('solana'), arbitrum: this.chain('arbitrum') },
    };
  }
}
