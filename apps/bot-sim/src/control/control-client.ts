/**
 * A typed client for the simulator's control surface, for tests, benchmarks and demos.
 * Uses only fetch, so any suite (API e2e, browser e2e, bench) can drive scenarios.
 */
import type { Asset, BotCircuitBreakerEvent, BotPositionSummary, BreakerType } from '@dnb/contracts';
import type {
  BreakerTripRequest,
  ChainName,
  ClockRequest,
  ClosePositionRequest,
  FaultSpec,
  FaultView,
  LstDepegRequest,
  OpenPositionRequest,
  PriceRequest,
  ResetRequest,
  SimPhase,
  SimStateView,
} from './control.types';

export type * from './control.types';

export class SimControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`sim control ${what} failed with HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

export interface SimControlOptions {
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
}

export class SimControlClient {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(baseUrl: string, options: SimControlOptions = {}) {
    this.base = baseUrl.replace(/\/$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  // ---- model
  state(): Promise<SimStateView> {
    return this.call('GET', '/state');
  }
  reset(request: ResetRequest = {}): Promise<SimStateView> {
    return this.call('POST', '/reset', request);
  }
  /** Runs the model forward N simulated seconds right now. */
  advance(seconds: number): Promise<SimStateView['clock']> {
    return this.call('POST', '/clock/advance', { seconds });
  }
  setClock(request: ClockRequest): Promise<SimStateView['clock']> {
    return this.call('PUT', '/clock', request);
  }

  // ---- scenarios
  setHealthFactor(value: string, positionId?: string): Promise<{ positionIds: string[]; value: string }> {
    return this.call('POST', '/scenarios/health-factor', { value, positionId });
  }
  setMarginFraction(value: string, positionId?: string): Promise<{ positionIds: string[]; value: string }> {
    return this.call('POST', '/scenarios/margin-fraction', { value, positionId });
  }
  /** Mirrors the funding rate (favourable -> unfavourable) or sets it; one asset or all. */
  flipFunding(asset?: Asset, rate?: string): Promise<{ rates: Record<string, string> }> {
    return this.call('POST', '/scenarios/funding', { asset, rate });
  }
  tripBreaker(request: BreakerTripRequest): Promise<{ breaker: BotCircuitBreakerEvent }> {
    return this.call('POST', '/scenarios/breakers', request);
  }
  resetBreakers(type?: BreakerType): Promise<{ reset: BreakerType[] }> {
    return this.call('DELETE', `/scenarios/breakers${type ? `?type=${type}` : ''}`);
  }
  depegLst(asset: LstDepegRequest['asset'], premium: string): Promise<{ asset: string; premium: string; price: string }> {
    return this.call('POST', '/scenarios/lst-depeg', { asset, premium });
  }
  restorePeg(asset?: LstDepegRequest['asset']): Promise<{ released: string[] }> {
    return this.call('DELETE', `/scenarios/lst-depeg${asset ? `?asset=${asset}` : ''}`);
  }
  chainOutage(chain: ChainName | 'both'): Promise<{ down: ChainName[] }> {
    return this.call('POST', '/scenarios/chain-outage', { chain });
  }
  restoreChain(chain?: ChainName | 'both'): Promise<{ up: ChainName[] }> {
    return this.call('DELETE', `/scenarios/chain-outage${chain ? `?chain=${chain}` : ''}`);
  }
  setGas(sol: string): Promise<{ gasSol: string }> {
    return this.call('POST', '/scenarios/gas', { sol });
  }
  setPrice(request: PriceRequest): Promise<{ market: Record<string, unknown> }> {
    return this.call('POST', '/scenarios/price', request);
  }
  openPosition(request: OpenPositionRequest): Promise<{ position: BotPositionSummary }> {
    return this.call('POST', '/positions', request);
  }
  closePosition(id: string, request: ClosePositionRequest = {}): Promise<{ positionId: string; reason: string }> {
    return this.call('POST', `/positions/${encodeURIComponent(id)}/close`, request);
  }

  // ---- faults
  faults(): Promise<FaultView[]> {
    return this.call('GET', '/faults');
  }
  addFault(spec: FaultSpec): Promise<FaultView> {
    return this.call('POST', '/faults', spec);
  }
  clearFault(id: string): Promise<{ cleared: string[] }> {
    return this.call('DELETE', `/faults/${encodeURIComponent(id)}`);
  }
  clearFaults(): Promise<{ cleared: string[] }> {
    return this.call('DELETE', '/faults');
  }
  /** The bot restarts: starting (503) -> recovering (positions reappear one by one) -> running. */
  restart(timing: Pick<FaultSpec, 'startingMs' | 'recoveryStepMs' | 'recoveringMs'> = {}): Promise<FaultView> {
    return this.addFault({ type: 'restart', ...timing });
  }

  /** Polls /state until the bot is in the phase (e.g. "running" after a restart). */
  async waitForPhase(phase: SimPhase, timeoutMs = 15_000): Promise<SimStateView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.state();
      if (state.phase === phase) return state;
      if (Date.now() > deadline) throw new Error(`sim did not reach phase ${phase} within ${timeoutMs} ms (phase ${state.phase})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new SimControlError(res.status, parsed, `${method} ${path}`);
    return parsed as T;
  }
}
