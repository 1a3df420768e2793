import type { BotPositionDetail, BotPositionSummary, Dec } from '../bot';
import type { BotLifecycle, DataFreshness } from './bridge';
import type { RecoveryProgress } from './status';

/** Fields GET /api/v1/positions can sort by (`sort=field:asc|desc`). */
export const POSITION_SORT_FIELDS = [
  'position_id',
  'asset',
  'status',
  'opened_at',
  'hold_duration_hours',
  'leverage',
  'deployed_usd',
  'long_value_usd',
  'short_value_usd',
  'delta',
  'delta_ratio',
  'asgard_hf',
  'hyperliquid_mf',
  'total_pnl_usd',
  'funding_pnl_usd',
] as const;
export type PositionSortField = (typeof POSITION_SORT_FIELDS)[number];

/** Sums are exact decimal strings (decimal.js), never floats. */
export interface PositionsSummary {
  total_positions: number;
  open_positions: number;
  closing_positions: number;
  closed_positions: number;
  total_pnl_usd: Dec;
  total_deployed_usd: Dec;
}

/** A position as listed; decimals exactly as the bot sent them, opened_at in UTC with Z. */
export type PositionView = BotPositionSummary;

/** GET /api/v1/positions */
export interface PositionsResponse {
  positions: PositionView[];
  /** Summary of the listed (filtered) positions. */
  summary: PositionsSummary;
  bot_state: BotLifecycle;
  /** False while the bot is starting or recovering: the list may be missing positions. */
  complete: boolean;
  recovery_progress: RecoveryProgress | null;
  /** Set when the list is incomplete; an empty incomplete list does not mean "no positions". */
  note?: string;
  freshness: DataFreshness;
}

/** GET /api/v1/positions/{id}: the full detail of spec Appendix A, as the bot reports it. */
export interface PositionDetailResponse extends BotPositionDetail {
  freshness: DataFreshness;
}
