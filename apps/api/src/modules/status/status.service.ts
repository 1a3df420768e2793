import { Inject, Injectable } from '@nestjs/common';
import type { DataFreshness, PauseStateResponse, RecoveryProgress, StatsResponse, StatusResponse } from '@dnb/contracts';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { BotBridgeService, type BridgeSnapshot } from '../bot-bridge/bot-bridge.service';

/** Bot status, statistics and pause state, answered from the bridge's cache (never from the bot directly). */
@Injectable()
export class StatusService {
  constructor(
    private readonly bridge: BotBridgeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Always 200 (spec 11.1): the bot's state is the answer, `unavailable` included; the last
   * known pause state is shown with its freshness.
   */
  async status(): Promise<StatusResponse> {
    const [stats, pause] = await Promise.all([this.bridge.read('stats'), this.bridge.read('pauseState')]);
    const snapshot = this.bridge.snapshot();
    const state = snapshot.lifecycle;
    const chainsSupported = this.bridge.supports('chains') ?? null;
    const liveStats = stats.fresh && state !== 'unavailable' && state !== 'starting' ? stats.data : null;
    const answer: StatusResponse = {
      bot: {
        state,
        running: state === 'running' || state === 'degraded',
        state_since: snapshot.lifecycleSince,
        uptime_seconds: liveStats?.uptime_seconds ?? null,
        uptime_formatted: liveStats?.uptime_formatted ?? null,
        environment: this.config.bot.environment,
        recovery_progress: recoveryProgress(snapshot),
        error: state === 'running' ? null : snapshot.lastError,
      },
      pause_state: pause.data,
      // Chain status older than twice the cache TTL says nothing about the chains now.
      chains:
        chainsSupported === false || (snapshot.resources.chains.age_ms ?? Infinity) > 2 * this.config.bot.cacheTtlMs
          ? null
          : snapshot.chains,
      chains_supported: chainsSupported,
      freshness: oldest(stats.freshness, pause.freshness),
    };
    const note = noteFor(snapshot);
    return note ? { ...answer, note } : answer;
  }

  async stats(): Promise<StatsResponse> {
    const read = await this.bridge.read('stats');
    const body = read.data ? { ...read.data, freshness: read.freshness } : null;
    if (!read.servable || !body) throw this.bridge.unavailableException(read, body);
    return body;
  }

  async pauseState(): Promise<PauseStateResponse> {
    const read = await this.bridge.read('pauseState');
    const body = read.data ? { ...read.data, freshness: read.freshness } : null;
    if (!read.servable || !body) throw this.bridge.unavailableException(read, body);
    return body;
  }
}

export function recoveryProgress(snapshot: BridgeSnapshot): RecoveryProgress | null {
  if (snapshot.lifecycle !== 'starting' && snapshot.lifecycle !== 'recovering') return null;
  const found =
    snapshot.lifecycle === 'recovering' && snapshot.resources.positions.source === 'live'
      ? Object.keys(snapshot.positions ?? {}).length
      : 0;
  return { positions_found: found, positions_expected: snapshot.positionsBeforeRestart, state_since: snapshot.lifecycleSince };
}

function noteFor(snapshot: BridgeSnapshot): string | undefined {
  switch (snapshot.lifecycle) {
    case 'starting':
      return 'The bot is starting: its positions and statistics are not available yet. This does not mean it holds no positions.';
    case 'recovering':
      return 'The bot is recovering its positions after a restart: the position list is incomplete until it is running.';
    case 'shutdown':
      return 'The bot is shutting down.';
    case 'unavailable':
      return `The bot is not answering (${snapshot.lastError ?? 'no answer'}); figures shown are the last known, see freshness.`;
    default:
      return undefined;
  }
}

/** The older of two freshnesses; live only if both are. */
function oldest(a: DataFreshness, b: DataFreshness): DataFreshness {
  const source = a.source === 'live' && b.source === 'live' ? 'live' : 'cached';
  if (a.as_of === null || b.as_of === null) return { source: 'cached', as_of: a.as_of ?? b.as_of, age_ms: a.age_ms ?? b.age_ms };
  return (a.age_ms ?? 0) >= (b.age_ms ?? 0) ? { ...a, source } : { ...b, source };
}
