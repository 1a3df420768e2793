import type { BotChains, BotPauseState, BotStats } from '../bot';
import type { BotLifecycle, DataFreshness } from './bridge';

/** What can honestly be said about a bot recovering its positions after a (re)start. */
export interface RecoveryProgress {
  /** Positions the bot reports so far. */
  positions_found: number;
  /** Positions the control center saw before the restart; null when it did not see the bot before. */
  positions_expected: number | null;
  /** When the bot entered its current state (as observed by the control center, UTC Z). */
  state_since: string | null;
}

export interface BotStatusView {
  state: BotLifecycle;
  /** True when the bot trades normally (running or degraded). */
  running: boolean;
  /** When the control center saw the bot enter this state (UTC Z); null if unknown. */
  state_since: string | null;
  uptime_seconds: number | null;
  uptime_formatted: string | null;
  /** Deployment environment (BOT_ENVIRONMENT, else APP_ENV). */
  environment: string;
  recovery_progress: RecoveryProgress | null;
  /** Why the bot is not fully usable, when it is not. */
  error: string | null;
}

/** GET /api/v1/status */
export interface StatusResponse {
  bot: BotStatusView;
  pause_state: BotPauseState | null;
  /** Chain connectivity (bot extension); null when unsupported, not read yet, or too old to mean anything. */
  chains: BotChains | null;
  /** false: the bot does not serve /internal/chains; null: not known yet. */
  chains_supported: boolean | null;
  freshness: DataFreshness;
  note?: string;
}

/** GET /api/v1/stats */
export interface StatsResponse extends BotStats {
  freshness: DataFreshness;
}

/** GET /api/v1/pause-state */
export interface PauseStateResponse extends BotPauseState {
  freshness: DataFreshness;
}
