/**
 * The trading bot's private HTTP API as it is on the wire (bot-contract/openapi.yaml).
 * Decimals are strings and datetimes may be naive (meaning UTC): keep them as sent.
 */

/** A decimal carried as a string: "45.30", "-0.0008". Never a JS number. */
export type Dec = string;
/** ISO 8601 as the bot sends it; may lack an offset, in which case it is UTC. */
export type BotDateTime = string;

export const ASSETS = ['SOL', 'jitoSOL', 'jupSOL', 'INF'] as const;
export type Asset = (typeof ASSETS)[number];

export const BOT_STATES = ['starting', 'recovering', 'running', 'degraded', 'shutdown'] as const;
export type BotState = (typeof BOT_STATES)[number];

export const PAUSE_SCOPES = ['all', 'entry', 'exit', 'asgard', 'hyperliquid'] as const;
export type PauseScope = (typeof PAUSE_SCOPES)[number];

export const BREAKER_TYPES = [
  'asgard_health',
  'hyperliquid_margin',
  'negative_apy',
  'price_deviation',
  'lst_depeg',
  'high_gas',
  'chain_outage',
  'manual',
] as const;
export type BreakerType = (typeof BREAKER_TYPES)[number];

export const POSITION_STATUSES = ['open', 'closing', 'closed'] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];

export interface BotHealth {
  status: 'starting' | 'healthy' | 'stopped';
  state?: BotState;
}

export interface BotErrorBody {
  detail: string;
}

export interface BotSuccess {
  success: boolean;
}

export interface BotStats {
  uptime_seconds: number;
  uptime_formatted: string;
  opportunities_found: number;
  positions_opened: number;
  positions_closed: number;
  errors_count: number;
}

export interface BotPositionSummary {
  position_id: string;
  asset: Asset;
  status: PositionStatus;
  leverage: Dec;
  deployed_usd: Dec;
  long_value_usd: Dec;
  short_value_usd: Dec;
  delta: Dec;
  delta_ratio: Dec;
  asgard_hf: Dec;
  hyperliquid_mf: Dec;
  total_pnl_usd: Dec;
  funding_pnl_usd: Dec;
  opened_at: BotDateTime;
  hold_duration_hours: number;
}

export type BotPositions = Record<string, BotPositionSummary>;

export interface BotPositionDetail extends BotPositionSummary {
  sizing: {
    deployed_usd: Dec;
    position_size_usd: Dec;
    collateral_usd: Dec;
    borrowed_usd: Dec;
  };
  asgard: {
    position_pda: string | null;
    collateral_usd: Dec;
    token_a_amount: Dec;
    entry_price: Dec;
    current_price: Dec;
    current_health_factor: Dec;
  };
  hyperliquid: {
    size_sol: Dec;
    entry_px: Dec;
    mark_px: Dec;
    leverage: Dec;
    margin_used: Dec;
    margin_fraction: Dec;
  };
  pnl: {
    long_pnl: Dec;
    short_pnl: Dec;
    position_pnl: Dec;
    funding_pnl: Dec;
    total_pnl: Dec;
    total_pnl_pct: Dec;
  };
  risk: {
    delta: Dec;
    delta_ratio: Dec;
    health_status: 'healthy' | 'at_risk';
    distance_to_liquidation: Dec;
  };
}

export interface BotPauseState {
  paused: boolean;
  scope: PauseScope;
  reason?: string | null;
  paused_at?: BotDateTime | null;
  paused_by?: string | null;
  active_breakers: BreakerType[];
}

export interface BotPauseRequest {
  api_key: string;
  reason: string;
  scope?: PauseScope;
}

export interface BotResumeRequest {
  api_key: string;
}

export interface BotEmergencyStopRequest {
  api_key: string;
  reason: string;
}

export interface BotEmergencyStopResponse extends BotSuccess {
  positions_closing?: string[];
}

export interface BotConfig {
  bot?: {
    poll_interval_seconds?: number;
    scan_interval_seconds?: number;
    max_concurrent_positions?: number;
    min_opportunity_apy?: Dec;
    enable_auto_exit?: boolean;
    enable_circuit_breakers?: boolean;
  };
  risk?: {
    max_leverage?: Dec;
    default_leverage?: Dec;
    min_position_usd?: Dec;
    max_position_usd?: Dec;
    health_factor_warning?: Dec;
    health_factor_critical?: Dec;
    margin_fraction_warning?: Dec;
    margin_fraction_critical?: Dec;
  };
}

export interface BotConfigPutRequest {
  api_key: string;
  config: BotConfig;
}

export interface BotFundingRate {
  asset: Asset;
  /** Hourly rate; negative means shorts are paid. */
  hyperliquid_funding_rate: Dec;
  asgard_net_rate: Dec;
  net_apy: Dec;
}

export interface BotFundingRates {
  timestamp?: BotDateTime;
  rates?: BotFundingRate[];
}

export interface BotCircuitBreakerEvent {
  breaker_type: BreakerType;
  triggered_at: BotDateTime;
  reason: string;
  scope: PauseScope;
  auto_recovery: boolean;
  cooldown_seconds?: number | null;
  recovery_time?: BotDateTime | null;
  resolved_at?: BotDateTime | null;
  resolved_by?: 'auto' | 'manual' | null;
}

export interface BotCircuitBreakers {
  circuit_breakers?: BotCircuitBreakerEvent[];
}

export interface BotChain {
  connected?: boolean;
  block_height?: number | null;
}

export interface BotChains {
  solana?: BotChain;
  arbitrum?: BotChain;
}

/** Which tier of the bot contract a path belongs to. */
export type BotTier = 'core' | 'extension';

export const BOT_PATHS = {
  health: '/health',
  stats: '/internal/stats',
  positions: '/internal/positions',
  position: (id: string) => `/internal/positions/${encodeURIComponent(id)}`,
  pauseState: '/internal/pause-state',
  pause: '/internal/control/pause',
  resume: '/internal/control/resume',
  emergencyStop: '/internal/control/emergency-stop',
  config: '/internal/config',
  fundingRates: '/internal/funding-rates',
  circuitBreakers: '/internal/circuit-breakers',
  chains: '/internal/chains',
} as const;
