import { ASSETS, type Asset } from '@dnb/contracts';
import type { Schema } from '@/lib/api-types';
import { toChartNumber } from '@/lib/format';

type FundingPoint = Schema<'FundingPointDto'>;

export type FundingRow = { time: number } & Partial<Record<Asset, number | null>>;

/** One chart row per bucket with each asset's funding rate as a column (recharts wants wide rows). */
export function fundingRows(points: readonly FundingPoint[]): FundingRow[] {
  const rows = new Map<number, FundingRow>();
  for (const point of points) {
    const time = Date.parse(point.timestamp);
    const row = rows.get(time) ?? { time };
    row[point.asset] = toChartNumber(point.funding_rate);
    rows.set(time, row);
  }
  return [...rows.values()].sort((a, b) => a.time - b.time);
}

export interface AssetFunding {
  asset: Asset;
  /** Newest non-null figures, decimal strings as sent. */
  fundingRate: string | null;
  netApy: string | null;
  points: number;
}

/** The newest funding rate and net APY of every asset that has data, in the contract's asset order. */
export function latestByAsset(points: readonly FundingPoint[]): AssetFunding[] {
  const out: AssetFunding[] = [];
  for (const asset of ASSETS) {
    const series = points.filter((point) => point.asset === asset);
    if (series.length === 0) continue;
    const newestRate = [...series].reverse().find((point) => point.funding_rate !== null);
    const newestApy = [...series].reverse().find((point) => point.net_apy !== null);
    out.push({ asset, fundingRate: newestRate?.funding_rate ?? null, netApy: newestApy?.net_apy ?? null, points: series.length });
  }
  return out;
}
