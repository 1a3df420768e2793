import type { BotChain, BotChains, BotPauseState, BotPositionDetail, BotPositionSummary, BotPositions, BotStats } from '@dnb/contracts';
import { normaliseDatetimes, toUtcIso } from './bot-time';

/**
 * Turns answers that passed contract validation into the control center's own copies: only
 * the fields the contract names (anything extra the bot sends is dropped, never forwarded),
 * decimals kept as the exact strings sent, datetimes converted to UTC with Z.
 */

export const SUMMARY_KEYS = [
  'position_id',
  'asset',
  'status',
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
  'opened_at',
  'hold_duration_hours',
] as const satisfies ReadonlyArray<keyof BotPositionSummary>;

const DETAIL_SECTIONS = {
  sizing: ['deployed_usd', 'position_size_usd', 'collateral_usd', 'borrowed_usd'],
  asgard: ['position_pda', 'collateral_usd', 'token_a_amount', 'entry_price', 'current_price', 'current_health_factor'],
  hyperliquid: ['size_sol', 'entry_px', 'mark_px', 'leverage', 'margin_used', 'margin_fraction'],
  pnl: ['long_pnl', 'short_pnl', 'position_pnl', 'funding_pnl', 'total_pnl', 'total_pnl_pct'],
  risk: ['delta', 'delta_ratio', 'health_status', 'distance_to_liquidation'],
} as const;

const STATS_KEYS = [
  'uptime_seconds',
  'uptime_formatted',
  'opportunities_found',
  'positions_opened',
  'positions_closed',
  'errors_count',
] as const satisfies ReadonlyArray<keyof BotStats>;

const utc = (value: string) => toUtcIso(value) ?? value;

export function toPositionSummary(raw: BotPositionSummary): BotPositionSummary {
  const out: Record<string, unknown> = {};
  for (const key of SUMMARY_KEYS) out[key] = raw[key];
  out.opened_at = utc(raw.opened_at);
  return out as unknown as BotPositionSummary;
}

/** The positions map, keyed by id; an entry whose key differs from its position_id is keyed by the position_id. */
export function toPositions(raw: BotPositions): Record<string, BotPositionSummary> {
  const out: Record<string, BotPositionSummary> = {};
  for (const position of Object.values(raw)) out[position.position_id] = toPositionSummary(position);
  return out;
}

export function toPositionDetail(raw: BotPositionDetail): BotPositionDetail {
  const out = toPositionSummary(raw) as unknown as Record<string, unknown>;
  for (const [section, keys] of Object.entries(DETAIL_SECTIONS)) {
    const source = (raw as unknown as Record<string, Record<string, unknown> | undefined>)[section] ?? {};
    const picked: Record<string, unknown> = {};
    for (const key of keys) if (key in source) picked[key] = source[key];
    out[section] = picked;
  }
  return out as unknown as BotPositionDetail;
}

export function toPauseState(raw: BotPauseState): BotPauseState {
  return {
    paused: raw.paused,
    scope: raw.scope,
    reason: raw.reason ?? null,
    paused_at: raw.paused_at ? utc(raw.paused_at) : null,
    paused_by: raw.paused_by ?? null,
    active_breakers: [...raw.active_breakers],
  };
}

export function toStats(raw: BotStats): BotStats {
  const out: Record<string, unknown> = {};
  for (const key of STATS_KEYS) out[key] = raw[key];
  return out as unknown as BotStats;
}

export function toChains(raw: BotChains): BotChains {
  const chain = (c: BotChain | undefined): BotChain | undefined =>
    c === undefined
      ? undefined
      : {
          ...(c.connected !== undefined ? { connected: c.connected } : {}),
          ...(c.block_height !== undefined ? { block_height: c.block_height } : {}),
        };
  const out: BotChains = {};
  const solana = chain(raw.solana);
  const arbitrum = chain(raw.arbitrum);
  if (solana) out.solana = solana;
  if (arbitrum) out.arbitrum = arbitrum;
  return out;
}

/** Extension answers (config, funding rates, breaker history) keep their shape; only datetimes change. */
export function toExtensionAnswer<T>(raw: T): T {
  return normaliseDatetimes(raw);
}
