/**
 * The simulator's control surface (its own port, never the bot's): request and answer
 * shapes shared by control.routes.ts and control-client.ts. Types only, so the client
 * stays a plain fetch wrapper.
 */
import type {
  Asset,
  BotCircuitBreakerEvent,
  BotConfig,
  BotHealth,
  BotPauseState,
  BotPositionSummary,
  BotStats,
  BreakerType,
  PauseScope,
} from '@dnb/contracts';

export type FaultType = 'latency' | 'http500' | 'garbage' | 'truncated' | 'oversized' | 'hang' | 'refuse' | 'restart';
export type ChainName = 'solana' | 'arbitrum';

export interface FaultSpec {
  type: FaultType;
  /** Bot paths it applies to: exact ("/internal/stats") or a prefix ending in "*" ("/internal/*"). Default: every path. */
  paths?: string[];
  /** Wears out after this many matching requests (request faults only). Default: until cleared. */
  times?: number;
  /** latency: added delay in ms. */
  ms?: number;
  /** truncated: "length" (Content-Length of what is sent), "chunked", or "abort" (full length announced, socket cut). */
  mode?: 'length' | 'chunked' | 'abort';
  /** oversized: body size to reach (default 3 MB). */
  bytes?: number;
  /** restart: real ms in "starting" (default SIM_STARTUP_MS). */
  startingMs?: number;
  /** restart: real ms between positions reappearing while "recovering" (default SIM_RECOVERY_STEP_MS). */
  recoveryStepMs?: number;
  /** restart: total real ms in "recovering" instead (spread evenly over the positions); wins over recoveryStepMs. */
  recoveringMs?: number;
}

export interface FaultView extends FaultSpec {
  id: string;
  createdAt: string;
  hits: number;
}

export type SimPhase = 'starting' | 'recovering' | 'running' | 'shutdown';

export interface SimPositionView extends BotPositionSummary {
  /** False while a (re)starting bot has not recovered it yet. */
  visible: boolean;
  closeReason: string | null;
}

export interface SimStateView {
  seed: string;
  tier: 'core' | 'full';
  phase: SimPhase;
  health: BotHealth;
  listening: boolean;
  clock: { now: string; nowMs: number; speed: number; tickMs: number; paused: boolean };
  stats: BotStats & { recovered: number };
  pause: BotPauseState;
  breakers: { active: BotCircuitBreakerEvent[]; total: number };
  positions: SimPositionView[];
  market: Record<string, unknown>;
  config: BotConfig;
  faults: FaultView[];
  stateDbPath: string;
}

export interface ResetRequest {
  seed?: string;
  initialPositions?: number;
}
export interface AdvanceRequest {
  seconds: number;
}
export interface ClockRequest {
  paused?: boolean;
  speed?: number;
}
export interface ForceValueRequest {
  /** Decimal string, e.g. "0.08". */
  value: string;
  /** One position; default every position. */
  positionId?: string;
}
export interface FundingRequest {
  /** One asset; default all. */
  asset?: Asset;
  /** Hourly rate to set (decimal string); default: mirror the current rate (favourable becomes unfavourable). */
  rate?: string;
}
export interface BreakerTripRequest {
  type: BreakerType;
  scope?: PauseScope;
  reason?: string;
  autoRecovery?: boolean;
  cooldownSeconds?: number | null;
}
export interface LstDepegRequest {
  asset: Exclude<Asset, 'SOL'>;
  /** Premium over fair value as a fraction: "-0.03" is a 3% discount. Held until released. */
  premium: string;
}
export interface ChainOutageRequest {
  chain: ChainName | 'both';
}
export interface GasRequest {
  /** Solana fee level in SOL, e.g. "0.02"; decays back with a 20 min half-life. */
  sol: string;
}
export interface PriceRequest {
  asset: Asset;
  price: string;
  /** asgard (oracle, default) or hyperliquid (SOL-PERP mark: a basis that then decays). */
  venue?: 'asgard' | 'hyperliquid';
}
export interface OpenPositionRequest {
  asset: Asset;
  deployedUsd?: string;
  leverage?: string;
}
export interface ClosePositionRequest {
  reason?: string;
  /** Simulated seconds in status "closing" before it is gone (default 0: at once). */
  closingSeconds?: number;
}

export interface ControlErrorBody {
  error: string;
}
