import { Inject, Injectable } from '@nestjs/common';
import { BOT_PATHS, BOT_STATES, type BotState } from '@dnb/contracts';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { BotCallError, BotHttpClient } from './bot-http.client';

export interface BotHealthResult {
  /** healthy: running and our key is accepted; degraded: answers but not fully usable; unhealthy: no usable answer. */
  status: 'healthy' | 'degraded' | 'unhealthy';
  /** The bot's lifecycle state, or `unavailable` when it did not answer. */
  state: BotState | 'unavailable';
  responseTimeMs: number;
  checkedAt: string;
  error?: string;
}

/**
 * Answers "is the bot there and usable?" for the health report. Results are cached briefly and
 * concurrent callers share one probe, so a public health endpoint cannot be used to flood the bot.
 */
@Injectable()
export class BotHealthProbe {
  private cached?: { result: BotHealthResult; at: number };
  private inFlight?: Promise<BotHealthResult>;

  constructor(
    private readonly client: BotHttpClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** @param correlationId of the health request that asks (a probe in flight is shared, with its first caller's id) */
  async check(correlationId?: string): Promise<BotHealthResult> {
    if (this.cached && performance.now() - this.cached.at < this.config.bot.healthCacheMs) return this.cached.result;
    this.inFlight ??= this.probe(correlationId).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async probe(correlationId: string | undefined): Promise<BotHealthResult> {
    const started = performance.now();
    const result = await this.probeOnce(correlationId).catch((error: unknown): Omit<BotHealthResult, 'responseTimeMs' | 'checkedAt'> => ({
      status: 'unhealthy',
      state: 'unavailable',
      error: error instanceof BotCallError ? error.message : `bot probe failed: ${(error as Error).message}`,
    }));
    const full = { ...result, responseTimeMs: Math.round(performance.now() - started), checkedAt: new Date().toISOString() };
    this.cached = { result: full, at: performance.now() };
    return full;
  }

  private async probeOnce(correlationId: string | undefined): Promise<Omit<BotHealthResult, 'responseTimeMs' | 'checkedAt'>> {
    const timeoutMs = this.config.bot.readTimeoutMs;
    const health = await this.client.request(BOT_PATHS.health, { timeoutMs, authenticated: false, correlationId });
    const body = health.body as { status?: unknown; state?: unknown };
    if (health.status !== 200 || typeof body?.status !== 'string') {
      return { status: 'unhealthy', state: 'unavailable', error: `bot /health answered ${health.status} with an unexpected body` };
    }
    if (body.status === 'starting') return { status: 'degraded', state: 'starting', error: 'bot is starting' };
    const state = BOT_STATES.includes(body.state as BotState) ? (body.state as BotState) : undefined;
    if (!state) return { status: 'unhealthy', state: 'unavailable', error: `bot /health reported an unknown state: ${String(body.state)}` };
    if (body.status !== 'healthy' || state !== 'running') {
      return { status: 'degraded', state, error: `bot is ${state}` };
    }
    // /health needs no key: prove ours is accepted, or every read and control would fail.
    const authed = await this.client.request(BOT_PATHS.pauseState, { timeoutMs, correlationId });
    if (authed.status === 401 || authed.status === 403) {
      return { status: 'degraded', state, error: `bot rejected the control center's admin key (HTTP ${authed.status})` };
    }
    if (authed.status !== 200)
      return { status: 'degraded', state, error: `bot answered ${BOT_PATHS.pauseState} with HTTP ${authed.status}` };
    return { status: 'healthy', state };
  }
}
