import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  BOT_PATHS,
  type BotChains,
  type BotFundingRates,
  type BotHealth,
  type BotLifecycle,
  type BotPauseState,
  type BotPositionDetail,
  type BotPositions,
  type BotPositionSummary,
  type BotStats,
  type DataFreshness,
  type DomainEvent,
  type ErrorCode,
} from '@dnb/contracts';
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { AppException } from '../../common/errors/app.exception';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type { EventHandler, SubscribeOptions } from '../../common/events/event-bus';
import { LOGGER } from '../../common/logging/logger';
import { toChains, toExtensionAnswer, toPauseState, toPositionDetail, toPositions, toStats } from './bot-answers';
import { BotContractValidator, type BotAnswerKind } from './bot-contract.validator';
import { BotCallError, BotHttpClient, type BotResponse } from './bot-http.client';
import { diffLifecycle, diffPauseState, diffPositions, diffStats, LIST_INCOMPLETE_STATES, type SeenPosition } from './bridge-diff';

// ---------------------------------------------------------------------------------------------
// The public API. Control, config, status and positions code use only these.
// ---------------------------------------------------------------------------------------------

/** The bot's lifecycle as the control center sees it; `unavailable` = no usable answer. */
export type BridgeLifecycle = BotLifecycle;

/** Optional bot features (contract extension tier). */
export type BotFeature = 'config' | 'funding-rates' | 'circuit-breakers' | 'chains' | 'emergency-stop';
export const BOT_FEATURES: readonly BotFeature[] = ['config', 'funding-rates', 'circuit-breakers', 'chains', 'emergency-stop'];

export type BreakerStateName = 'closed' | 'open' | 'half_open';

export interface BridgeSnapshot {
  lifecycle: BridgeLifecycle;
  /** When the control center saw the bot enter this lifecycle state (UTC Z); null before the first poll. */
  lifecycleSince: string | null;
  /** Why the bot is not usable, when it is not (last failure of /health, or "bot is starting"). */
  lastError: string | null;
  /** Freshness of the core data together: the oldest of stats, positions and pause state. */
  freshness: DataFreshness;
  /** Freshness of each cached answer. */
  resources: Record<'stats' | 'positions' | 'pauseState' | 'chains' | 'fundingRates', DataFreshness>;
  /** Last validated answers (datetimes in UTC Z), null if never read. */
  stats: BotStats | null;
  positions: Record<string, BotPositionSummary> | null;
  pauseState: BotPauseState | null;
  chains: BotChains | null;
  fundingRates: BotFundingRates | null;
  breakerOpen: boolean;
  breakerState: BreakerStateName;
  /** Extension support: true / false / undefined (not known yet). */
  features: Partial<Record<BotFeature, boolean>>;
  /** While starting or recovering: positions the control center saw before the restart (null if it did not). */
  positionsBeforeRestart: number | null;
}

/**
 * The bridge's whole view, as plain JSON (replicas, issue 9): the leader publishes it after each
 * poll; a follower answers reads from it exactly as the leader's bridge would, with the leader's
 * read times (so freshness and staleness stay honest), and a follower that takes over diffs its
 * first poll against it (no new baseline, no repeated events).
 */
export interface BridgeState {
  resources: Record<ResourceName, { data: unknown; asOf: number | null; startedAt: number | null; failure: BridgeFailure | null }>;
  lifecycle: BridgeLifecycle;
  lifecycleKnown: boolean;
  lifecycleSince: number | null;
  lifecycleReason: string | null;
  positionsBeforeRestart: number | null;
  known: Array<[string, SeenPosition]> | null;
  baselined: string[];
  features: Array<[BotFeature, { supported: boolean; checkedAt: number | null }]>;
  lastExtensionPollAt: number | null;
  healthFailure: BridgeFailure | null;
  breaker: { state: BreakerStateName; openedAt: number | null; cause: BridgeFailureKind | null; lastFailure: string | null };
}

/** What a following bridge asks of the leader. */
export interface BridgeFollowing {
  /** Poll the bot now (after a control call made here, so the leader sequences its change). */
  requestPoll(): void;
}

/** The bus as callers see it. */
export interface BridgeEventsApi {
  subscribe(name: string, handler: EventHandler<DomainEvent>, options?: SubscribeOptions): () => void;
}

export interface BotBridgeApi {
  /** Cached data, lifecycle and freshness; never throws, never calls the bot. */
  snapshot(): BridgeSnapshot;
  /** Full detail of one position (404 NOT_FOUND when the bot says so). */
  positionDetail(id: string, correlationId?: string): Promise<BotPositionDetail>;
  /** A fresh read of the pause state; updates the cache and publishes pause_state_change when it changed. */
  readPauseState(correlationId?: string): Promise<BotPauseState>;
  /**
   * POST to a control path with the control timeout; the bridge adds `api_key`. Throws 503
   * BOT_UNAVAILABLE (never queued) when the bot is down or the breaker is open, and a
   * BotControlTimeoutError (a BotCallError, kind 'timeout') when the bot did not answer in time.
   */
  control<T>(path: string, body: object, correlationId?: string): Promise<T>;
  /** GET an extension path; 501 BOT_FEATURE_UNSUPPORTED when the bot lacks the feature. */
  getExtension<T>(feature: BotFeature, path: string, correlationId?: string): Promise<T>;
  /** PUT an extension path (the bridge adds `api_key`); 501 when unsupported, 422 with the bot's detail when it refuses. */
  putExtension<T>(feature: BotFeature, path: string, body: object, correlationId?: string): Promise<T>;
  supports(feature: BotFeature): boolean | undefined;
  readonly events: BridgeEventsApi;
}

/** The bot did not answer a control call in time: its outcome is unknown (record it so, then re-read). */
export class BotControlTimeoutError extends BotCallError {
  constructor(path: string, timeoutMs: number) {
    super('timeout', `bot did not answer ${path} within ${timeoutMs} ms; the outcome is unknown`, path);
    this.name = 'BotControlTimeoutError';
  }

  toAppException(): AppException {
    return new AppException(504, 'BOT_TIMEOUT', this.message, undefined, { outcome: 'unknown' });
  }
}

/** The bot answered, but with something the bridge cannot use (a 5xx, or a body that breaks the contract). */
export class BotAnswerError extends Error {
  constructor(
    readonly kind: 'invalid_response' | 'http_error',
    message: string,
    readonly path: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'BotAnswerError';
  }
}

/** What a route needs to answer a read from the cache. */
export interface ResourceRead<T> {
  /** The cached data (fresh or not), null if never read. */
  data: T | null;
  /** True when the data is younger than the cache TTL. */
  fresh: boolean;
  /**
   * True when a route may answer 200 with the data: it is fresh, or the bot is only slow (its
   * calls time out, or the breaker opened on timeouts) and the data is younger than the stale
   * bound (BOT_STALE_MAX_MS). Stale answers say so in `freshness` (source `cached`, as_of, age_ms).
   * A bot that is down, refuses us or answers garbage gets no such grace: routes answer 503/502.
   */
  servable: boolean;
  freshness: DataFreshness;
  lifecycle: BridgeLifecycle;
  /** Why the data is not live (the latest attempt's failure), null if it is. */
  failure: BridgeFailure | null;
}

export type BridgeFailureKind = 'unreachable' | 'timeout' | 'invalid' | 'not_initialized' | 'breaker_open' | 'rejected_key';

export interface BridgeFailure {
  kind: BridgeFailureKind;
  message: string;
  /** When it happened (epoch ms). */
  at: number;
}

// ---------------------------------------------------------------------------------------------
// Tuning
// ---------------------------------------------------------------------------------------------

/** Consecutive failed bot calls that open the breaker. */
export const BREAKER_CONSECUTIVE_FAILURES = 5;
/** How long the open breaker refuses calls before one half-open probe. */
export const BREAKER_HALF_OPEN_AFTER_MS = 30_000;
/** How often an unsupported extension is asked again (the bot may have been upgraded). */
export const FEATURE_RECHECK_MS = 5 * 60_000;
/** Chains and funding rates change slowly: polled this often, not on every poll. */
export const EXTENSION_POLL_MS = 3_000;
/** Position details are kept this long at most (bursts of callers share one read). */
const DETAIL_CACHE_MAX = 256;

type CoreResource = 'stats' | 'positions' | 'pauseState';
type ResourceName = CoreResource | 'chains' | 'fundingRates';

interface Resource<T> {
  data: T | null;
  /** Epoch ms when the data was read. */
  asOf: number | null;
  /** Start of the request whose answer is held (older answers never overwrite newer ones). */
  startedAt: number;
  failure: BridgeFailure | null;
}

type Outcome<T> = { ok: true; data: T; startedAt: number; readAt: number } | { ok: false; failure: BridgeFailure; startedAt: number };

interface FeatureState {
  supported: boolean;
  checkedAt: number;
}

const FEATURE_PROBES: Record<BotFeature, { path: string; answer: BotAnswerKind | null }> = {
  config: { path: BOT_PATHS.config, answer: 'config' },
  'funding-rates': { path: BOT_PATHS.fundingRates, answer: 'fundingRates' },
  'circuit-breakers': { path: BOT_PATHS.circuitBreakers, answer: 'circuitBreakers' },
  chains: { path: BOT_PATHS.chains, answer: 'chains' },
  // POST-only: a GET answers 405 where it exists and 404 where it does not. Nothing is executed.
  'emergency-stop': { path: BOT_PATHS.emergencyStop, answer: null },
};

const FEATURE_LABELS: Record<BotFeature, string> = {
  config: 'live configuration (/internal/config)',
  'funding-rates': 'funding rates (/internal/funding-rates)',
  'circuit-breakers': 'circuit breaker history (/internal/circuit-breakers)',
  chains: 'chain status (/internal/chains)',
  'emergency-stop': 'emergency stop (/internal/control/emergency-stop)',
};

// Reads format the same few instants (when each cached answer was read) over and over.
const isoCache = new Map<number, string>();
const iso = (ms: number): string => {
  let text = isoCache.get(ms);
  if (text === undefined) {
    if (isoCache.size >= 64) isoCache.clear();
    text = new Date(ms).toISOString();
    isoCache.set(ms, text);
  }
  return text;
};
const emptyResource = <T>(): Resource<T> => ({ data: null, asOf: null, startedAt: -Infinity, failure: null });

/**
 * The only code that talks to the bot. A background poll keeps a stale-data cache warm;
 * readers never wait for the bot while the cache is fresh and otherwise join the one poll in
 * flight. Every answer is validated against the bot contract; failures feed a circuit
 * breaker; each poll is diffed against the last into domain events on the bus.
 */
@Injectable()
export class BotBridgeService implements BotBridgeApi, OnApplicationBootstrap, OnModuleDestroy {
  readonly events: DomainEventBus;
  private readonly logger?: Logger;

  private readonly validator = new BotContractValidator();
  private readonly breaker: CircuitBreakerPolicy;
  private breakerOpenedAt: number | null = null;
  /** The core resources already seen once (see publishBaselineIfNew). */
  private readonly baselined = new Set<string>();
  private lastBreakerFailure: string | null = null;
  /** What kind of failure opened the breaker last (a slow bot opens it with timeouts). */
  private breakerCause: BridgeFailureKind | null = null;
  /** The last failed /health call, null once it answers again. */
  private healthFailure: BridgeFailure | null = null;

  private lifecycle: BridgeLifecycle = 'unavailable';
  private lifecycleKnown = false;
  private lifecycleSince: number | null = null;
  private lifecycleReason: string | null = 'the bot has not been polled yet';
  private positionsBeforeRestart: number | null = null;

  private readonly resources: { [K in ResourceName]: Resource<ResourceData[K]> } = {
    stats: emptyResource(),
    positions: emptyResource(),
    pauseState: emptyResource(),
    chains: emptyResource(),
    fundingRates: emptyResource(),
  };
  /** Positions as last seen, for the diff; null until the first successful positions read. */
  private known: Map<string, SeenPosition> | null = null;
  private lastExtensionPollAt = -Infinity;
  private readonly features = new Map<BotFeature, FeatureState>();
  private readonly details = new Map<string, { detail: BotPositionDetail; asOf: number }>();
  private readonly detailsInFlight = new Map<string, Promise<{ detail: BotPositionDetail; asOf: number }>>();

  private pollInFlight?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private running = false;
  /** Replicas: set while another replica leads (this bridge then never polls nor publishes). */
  private following: BridgeFollowing | null = null;
  /** The leader's breaker state, while following. */
  private leaderBreaker: BreakerStateName | null = null;
  private readonly importWaiters = new Set<() => void>();
  private readonly pollListeners = new Set<() => void>();

  constructor(
    private readonly client: BotHttpClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() events?: DomainEventBus,
    @Optional() @Inject(LOGGER) logger?: Logger,
  ) {
    this.events = events ?? new DomainEventBus(logger);
    this.logger = logger?.child({ component: 'bot-bridge' });
    this.breaker = circuitBreaker(
      handleWhen((error) => error instanceof BotCallError || error instanceof BotAnswerError),
      { halfOpenAfter: BREAKER_HALF_OPEN_AFTER_MS, breaker: new ConsecutiveBreaker(BREAKER_CONSECUTIVE_FAILURES) },
    );
    this.breaker.onBreak((reason) => {
      this.breakerOpenedAt = Date.now();
      const error = 'error' in reason ? (reason.error as Error).message : 'isolated';
      this.lastBreakerFailure = error;
      this.breakerCause = 'error' in reason ? this.classify(reason.error).kind : null;
      this.logger?.warn(
        { failures: BREAKER_CONSECUTIVE_FAILURES, half_open_after_ms: BREAKER_HALF_OPEN_AFTER_MS, last_error: error },
        'bot circuit breaker opened: bot calls suspended',
      );
    });
    this.breaker.onHalfOpen(() => this.logger?.info('bot circuit breaker half-open: probing the bot once'));
    this.breaker.onReset(() => {
      this.breakerOpenedAt = null;
      this.logger?.info('bot circuit breaker closed: bot calls resumed');
    });
  }

  // ------------------------------------------------------------------ lifecycle of the service

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): void {
    this.stop();
  }

  /** Starts the background poll (the first one at once). */
  start(): void {
    if (this.running || this.following) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const started = Date.now();
      void this.poll().finally(() => this.schedule(Math.max(0, this.config.bot.pollMs - (Date.now() - started))));
    }, delayMs);
    this.timer.unref();
  }

  // ------------------------------------------------------------------ replicas (issue 9)

  /** Another replica leads: stop polling; reads are answered from importState(). */
  follow(following: BridgeFollowing): void {
    this.stop();
    this.following = following;
  }

  /**
   * This replica leads now: poll, diffing against the state last imported. Read times stay;
   * request order restarts (another process's clock said nothing about this one's requests).
   */
  lead(): void {
    this.following = null;
    this.leaderBreaker = null;
    for (const resource of Object.values(this.resources)) resource.startedAt = -Infinity;
    this.start();
  }

  /** Called after each of this bridge's polls has applied its answers (the leader shares its state then). */
  onPolled(listener: () => void): () => void {
    this.pollListeners.add(listener);
    return () => this.pollListeners.delete(listener);
  }

  isFollowing(): boolean {
    return this.following !== null;
  }

  exportState(): BridgeState {
    const finite = (n: number) => (Number.isFinite(n) ? n : null);
    const resources = {} as BridgeState['resources'];
    for (const [name, r] of Object.entries(this.resources) as Array<[ResourceName, Resource<unknown>]>) {
      resources[name] = { data: r.data, asOf: r.asOf, startedAt: finite(r.startedAt), failure: r.failure };
    }
    return {
      resources,
      lifecycle: this.lifecycle,
      lifecycleKnown: this.lifecycleKnown,
      lifecycleSince: this.lifecycleSince,
      lifecycleReason: this.lifecycleReason,
      positionsBeforeRestart: this.positionsBeforeRestart,
      known: this.known ? [...this.known.entries()] : null,
      baselined: [...this.baselined],
      features: [...this.features.entries()].map(([f, st]) => [f, { supported: st.supported, checkedAt: finite(st.checkedAt) }]),
      lastExtensionPollAt: finite(this.lastExtensionPollAt),
      healthFailure: this.healthFailure,
      breaker: {
        state: this.breakerStateName(),
        openedAt: this.breakerOpenedAt,
        cause: this.breakerCause,
        lastFailure: this.lastBreakerFailure,
      },
    };
  }

  /** While following: takes the leader's view (a resource read here after the leader's read is kept). */
  importState(state: BridgeState): void {
    if (!this.following) return;
    for (const [name, r] of Object.entries(state.resources) as Array<[ResourceName, BridgeState['resources'][ResourceName]]>) {
      const mine = this.resources[name] as Resource<unknown>;
      const startedAt = r.startedAt ?? -Infinity;
      if (mine.asOf !== null && r.asOf !== null && mine.asOf > r.asOf && mine.startedAt > startedAt) continue;
      Object.assign(mine, { data: r.data, asOf: r.asOf, startedAt, failure: r.failure });
    }
    this.lifecycle = state.lifecycle;
    this.lifecycleKnown = state.lifecycleKnown;
    this.lifecycleSince = state.lifecycleSince;
    this.lifecycleReason = state.lifecycleReason;
    this.positionsBeforeRestart = state.positionsBeforeRestart;
    this.known = state.known ? new Map(state.known) : null;
    this.baselined.clear();
    for (const name of state.baselined) this.baselined.add(name);
    this.features.clear();
    for (const [feature, st] of state.features)
      this.features.set(feature, { supported: st.supported, checkedAt: st.checkedAt ?? -Infinity });
    this.lastExtensionPollAt = state.lastExtensionPollAt ?? -Infinity;
    this.healthFailure = state.healthFailure;
    this.leaderBreaker = state.breaker.state;
    this.breakerOpenedAt = state.breaker.openedAt;
    this.breakerCause = state.breaker.cause;
    this.lastBreakerFailure = state.breaker.lastFailure;
    for (const wake of [...this.importWaiters]) wake();
    this.importWaiters.clear();
  }

  /** The breaker callers see: the leader's while following (its polls are the ones that count). */
  private breakerView(): CircuitState {
    if (this.following && this.leaderBreaker) {
      return this.leaderBreaker === 'closed'
        ? CircuitState.Closed
        : this.leaderBreaker === 'half_open'
          ? CircuitState.HalfOpen
          : CircuitState.Open;
    }
    return this.breaker.state;
  }

  /** While following, "a poll" is the leader's next one: ask for it and wait for its state. */
  private nextImport(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.importWaiters.add(resolve);
      this.following?.requestPoll();
    });
  }

  // ------------------------------------------------------------------ public API

  snapshot(): BridgeSnapshot {
    const { stats, positions, pauseState, chains, fundingRates } = this.resources;
    const core = [stats, positions, pauseState];
    const oldest = core.some((r) => r.asOf === null) ? null : Math.min(...core.map((r) => r.asOf!));
    const allLive = core.every((r) => this.freshnessOf(r).source === 'live');
    const features: Partial<Record<BotFeature, boolean>> = {};
    for (const feature of BOT_FEATURES) {
      const state = this.features.get(feature);
      if (state) features[feature] = state.supported;
    }
    return {
      lifecycle: this.lifecycle,
      lifecycleSince: this.lifecycleSince === null ? null : iso(this.lifecycleSince),
      lastError: this.lifecycleReason,
      freshness: {
        source: allLive ? 'live' : 'cached',
        as_of: oldest === null ? null : iso(oldest),
        age_ms: oldest === null ? null : Math.max(0, Date.now() - oldest),
      },
      resources: {
        stats: this.freshnessOf(stats),
        positions: this.freshnessOf(positions),
        pauseState: this.freshnessOf(pauseState),
        chains: this.freshnessOf(chains),
        fundingRates: this.freshnessOf(fundingRates),
      },
      stats: stats.data,
      positions: positions.data,
      pauseState: pauseState.data,
      chains: this.features.get('chains')?.supported === false ? null : chains.data,
      fundingRates: this.features.get('funding-rates')?.supported === false ? null : fundingRates.data,
      breakerOpen: this.breakerView() !== CircuitState.Closed,
      breakerState: this.breakerStateName(),
      features,
      positionsBeforeRestart: LIST_INCOMPLETE_STATES.has(this.lifecycle) ? this.positionsBeforeRestart : null,
    };
  }

  supports(feature: BotFeature): boolean | undefined {
    return this.features.get(feature)?.supported;
  }

  /**
   * A cached core answer for a route. Never waits while the data is fresh, nor when the bot is
   * known to be failing (breaker open, or its last answer failed); otherwise (first read, or
   * the poller lagging) joins the poll in flight for at most the read timeout.
   */
  async read<K extends CoreResource>(name: K): Promise<ResourceRead<ResourceData[K]>> {
    const now = this.readNow(name);
    if (now) return now;
    await this.waitForPoll(this.config.bot.readTimeoutMs);
    return this.readOf(this.resources[name] as Resource<ResourceData[K]>);
  }

  /** The same read when it needs no waiting (see read), else null. */
  readNow<K extends CoreResource>(name: K): ResourceRead<ResourceData[K]> | null {
    const resource = this.resources[name] as Resource<ResourceData[K]>;
    if (!this.isFresh(resource) && resource.failure === null && this.breakerView() === CircuitState.Closed) return null;
    return this.readOf(resource);
  }

  private readOf<T>(resource: Resource<T>): ResourceRead<T> {
    const fresh = this.isFresh(resource);
    const failure = fresh ? resource.failure : (resource.failure ?? this.staleFailure());
    return {
      data: resource.data,
      fresh,
      servable: resource.data !== null && (fresh || this.servableStale(resource, failure)),
      freshness: this.freshnessOf(resource),
      lifecycle: this.lifecycle,
      failure,
    };
  }

  /**
   * Spec 11.1 / Q1: a slow bot must not turn reads into errors. Data past the cache TTL is
   * still answered (labelled cached) while the only trouble is that the bot does not answer in
   * time, for at most BOT_STALE_MAX_MS after it was read; never when the bot is down, refuses
   * the control center or answers garbage.
   */
  private servableStale(resource: Resource<unknown>, failure: BridgeFailure | null): boolean {
    if (resource.asOf === null || failure === null) return false;
    if (Date.now() - resource.asOf >= this.config.bot.staleMaxMs) return false;
    return this.onlySlow(failure);
  }

  /** The failure means "no answer in time": a timeout, or the breaker open because of timeouts. */
  private onlySlow(failure: BridgeFailure): boolean {
    return failure.kind === 'timeout' || (failure.kind === 'breaker_open' && this.breakerCause === 'timeout');
  }

  async positionDetail(id: string, correlationId?: string): Promise<BotPositionDetail> {
    return (await this.readPositionDetail(id, correlationId)).detail;
  }

  /** The detail with when it was read (epoch ms); served from a very short cache shared by concurrent callers. */
  async readPositionDetail(id: string, correlationId?: string): Promise<{ detail: BotPositionDetail; asOf: number }> {
    const cached = this.details.get(id);
    if (cached && Date.now() - cached.asOf < Math.min(this.config.bot.pollMs, this.config.bot.cacheTtlMs)) return cached;
    let inFlight = this.detailsInFlight.get(id);
    if (!inFlight) {
      // Callers that join a read in flight share its answer, and the first caller's correlation id.
      inFlight = this.fetchPositionDetail(id, correlationId).finally(() => this.detailsInFlight.delete(id));
      this.detailsInFlight.set(id, inFlight);
    }
    return inFlight;
  }

  async readPauseState(correlationId?: string): Promise<BotPauseState> {
    // Never joins a read already in flight: callers (after a control call) need an answer read after their call.
    const outcome = await this.fetchCore('pauseState', false, correlationId);
    this.applyPauseState(outcome);
    this.publishBaselineIfNew();
    if (!outcome.ok) throw this.failureException(outcome.failure, 'read the pause state');
    return outcome.data;
  }

  async control<T>(path: string, body: object, correlationId?: string): Promise<T> {
    const feature: BotFeature | undefined = path === BOT_PATHS.emergencyStop ? 'emergency-stop' : undefined;
    if (feature) this.assertFeatureUsable(feature);
    this.assertBreakerClosed();
    const timeoutMs = this.config.bot.controlTimeoutMs;
    let response: BotResponse;
    try {
      response = await this.send(path, {
        method: 'POST',
        body: { ...body, api_key: this.config.bot.adminKey },
        timeoutMs,
        answer: 'byPath',
        probe: false,
        correlationId,
      });
    } catch (error) {
      if (error instanceof BotCallError && error.kind === 'timeout') throw new BotControlTimeoutError(path, timeoutMs);
      throw this.failureException(this.classify(error), `call ${path}`);
    }
    if (feature) this.noteSupport(feature, response.status, 'POST');
    if (response.status === 200) {
      this.pollSoon();
      return toExtensionAnswer(response.body as T);
    }
    throw this.statusException(response, path, feature);
  }

  async getExtension<T>(feature: BotFeature, path: string, correlationId?: string): Promise<T> {
    this.assertFeatureUsable(feature);
    this.assertBreakerClosed();
    let response: BotResponse;
    try {
      response = await this.send(path, {
        method: 'GET',
        timeoutMs: this.config.bot.readTimeoutMs,
        answer: 'byPath',
        probe: false,
        correlationId,
      });
    } catch (error) {
      throw this.failureException(this.classify(error), `read ${path}`);
    }
    this.noteSupport(feature, response.status, 'GET');
    if (response.status === 200) return toExtensionAnswer(response.body as T);
    throw this.statusException(response, path, feature);
  }

  async putExtension<T>(feature: BotFeature, path: string, body: object, correlationId?: string): Promise<T> {
    this.assertFeatureUsable(feature);
    this.assertBreakerClosed();
    const timeoutMs = this.config.bot.controlTimeoutMs;
    let response: BotResponse;
    try {
      response = await this.send(path, {
        method: 'PUT',
        body: { ...body, api_key: this.config.bot.adminKey },
        timeoutMs,
        answer: 'byPath',
        probe: false,
        correlationId,
      });
    } catch (error) {
      if (error instanceof BotCallError && error.kind === 'timeout') throw new BotControlTimeoutError(path, timeoutMs).toAppException();
      throw this.failureException(this.classify(error), `write ${path}`);
    }
    this.noteSupport(feature, response.status, 'PUT');
    if (response.status === 200) return toExtensionAnswer(response.body as T);
    throw this.statusException(response, path, feature);
  }

  /**
   * The error answer for a read that has no fresh data: 503/504/502 with the last good data
   * (`cached_data`, `cached_at`) and when to retry.
   */
  unavailableException(read: ResourceRead<unknown>, cachedData: unknown): AppException {
    const failure = read.failure ?? this.staleFailure();
    const base = this.failureException(failure, 'read fresh data');
    return new AppException(
      base.statusCode,
      base.code,
      base.message,
      undefined,
      { ...base.extra, cached_data: cachedData ?? null, cached_at: read.freshness.as_of },
      base.headers,
    );
  }

  /** Seconds after which asking again makes sense. */
  retryAfterSeconds(): number {
    if (this.breakerOpenedAt !== null && this.breakerView() !== CircuitState.Closed) {
      return Math.max(1, Math.ceil((this.breakerOpenedAt + BREAKER_HALF_OPEN_AFTER_MS - Date.now()) / 1000));
    }
    return Math.max(1, Math.ceil(this.config.bot.cacheTtlMs / 1000));
  }

  // ------------------------------------------------------------------ the poll

  /** One poll of the bot; concurrent callers share the one in flight. */
  poll(): Promise<void> {
    if (this.following) return (this.pollInFlight ??= this.nextImport().finally(() => (this.pollInFlight = undefined)));
    this.pollInFlight ??= this.pollOnce()
      .catch((error: unknown) => this.logger?.error({ err: error }, 'bot poll failed unexpectedly'))
      .finally(() => (this.pollInFlight = undefined));
    return this.pollInFlight;
  }

  private pollSoon(): void {
    if (this.following) this.following.requestPoll();
    else if (this.running) this.schedule(0);
  }

  private async waitForPoll(maxMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.poll(), new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)))]);
    clearTimeout(timer);
  }

  private async pollOnce(): Promise<void> {
    const before = this.lifecycle;
    // /internal answers 503 while the bot starts: extensions then say nothing about support.
    const extensionsAllowed = this.lifecycleKnown && before !== 'starting' && before !== 'unavailable';
    const now = Date.now();
    const extensionPollDue = extensionsAllowed && now - this.lastExtensionPollAt >= EXTENSION_POLL_MS;
    if (extensionPollDue) this.lastExtensionPollAt = now;

    const [health, stats, positions, pauseState, chains, fundingRates] = await Promise.all([
      this.fetchHealth(),
      this.fetchCore('stats', true),
      this.fetchCore('positions', true),
      this.fetchCore('pauseState', true),
      extensionPollDue && this.featureWorthAsking('chains') ? this.fetchExtension('chains') : undefined,
      extensionPollDue && this.featureWorthAsking('funding-rates') ? this.fetchExtension('funding-rates') : undefined,
      extensionsAllowed ? this.probeFeatures() : undefined,
    ]);

    this.applyHealth(health, stats, positions);
    this.applyPauseState(pauseState);
    this.applyStats(stats);
    this.applyPositions(positions);
    this.publishBaselineIfNew();
    if (chains) this.applyResource('chains', chains as Outcome<BotChains>);
    if (fundingRates) this.applyResource('fundingRates', fundingRates as Outcome<BotFundingRates>);
    for (const listener of this.pollListeners) listener();
  }

  private async fetchHealth(): Promise<Outcome<{ lifecycle: BridgeLifecycle; reason: string | null }>> {
    const startedAt = Date.now();
    try {
      const response = await this.send(BOT_PATHS.health, {
        method: 'GET',
        timeoutMs: this.config.bot.readTimeoutMs,
        authenticated: false,
        answer: 'health',
        probe: true,
      });
      if (response.status !== 200) {
        return this.failed(startedAt, 'invalid', `bot answered ${BOT_PATHS.health} with HTTP ${response.status}`);
      }
      const body = response.body as BotHealth;
      const lifecycle: BridgeLifecycle =
        body.status === 'starting' ? 'starting' : (body.state ?? (body.status === 'stopped' ? 'shutdown' : 'running'));
      const reason = lifecycle === 'running' ? null : `bot is ${lifecycle}`;
      return { ok: true, data: { lifecycle, reason }, startedAt, readAt: Date.now() };
    } catch (error) {
      return { ok: false, failure: this.classify(error), startedAt };
    }
  }

  private async fetchCore<K extends CoreResource>(name: K, probe: boolean, correlationId?: string): Promise<Outcome<ResourceData[K]>> {
    const path = CORE_PATHS[name];
    const startedAt = Date.now();
    try {
      const response = await this.send(path, {
        method: 'GET',
        timeoutMs: this.config.bot.readTimeoutMs,
        answer: CORE_ANSWERS[name],
        probe,
        correlationId,
      });
      if (response.status === 200)
        return { ok: true, data: CORE_NORMALISERS[name](response.body) as ResourceData[K], startedAt, readAt: Date.now() };
      return { ok: false, failure: this.statusFailure(response, path), startedAt };
    } catch (error) {
      return { ok: false, failure: this.classify(error), startedAt };
    }
  }

  private async fetchExtension(feature: 'chains' | 'funding-rates'): Promise<Outcome<BotChains | BotFundingRates> | undefined> {
    const { path, answer } = FEATURE_PROBES[feature];
    const startedAt = Date.now();
    try {
      const response = await this.send(path, { method: 'GET', timeoutMs: this.config.bot.readTimeoutMs, answer: answer!, probe: true });
      this.noteSupport(feature, response.status, 'GET');
      if (response.status === 200) {
        const data = feature === 'chains' ? toChains(response.body as BotChains) : toExtensionAnswer(response.body as BotFundingRates);
        return { ok: true, data, startedAt, readAt: Date.now() };
      }
      if (response.status === 404 || response.status === 405) return undefined;
      return { ok: false, failure: this.statusFailure(response, path), startedAt };
    } catch (error) {
      return { ok: false, failure: this.classify(error), startedAt };
    }
  }

  /** Asks about extensions whose support is unknown, or unsupported and due for a re-check. GETs only. */
  private async probeFeatures(): Promise<void> {
    const due = (['config', 'circuit-breakers', 'emergency-stop'] as const).filter(
      (f) => this.featureWorthAsking(f) && this.featureCheckDue(f),
    );
    await Promise.all(
      due.map(async (feature) => {
        const { path, answer } = FEATURE_PROBES[feature];
        try {
          const response = await this.send(path, {
            method: 'GET',
            timeoutMs: this.config.bot.readTimeoutMs,
            answer: answer ?? undefined,
            probe: true,
          });
          this.noteSupport(feature, response.status, 'GET');
        } catch {
          // No answer says nothing about support; the poll's own reads account for the failure.
        }
      }),
    );
  }

  // ------------------------------------------------------------------ applying answers

  private applyHealth(
    health: Outcome<{ lifecycle: BridgeLifecycle; reason: string | null }>,
    stats: Outcome<BotStats>,
    positions: Outcome<BotPositions>,
  ): void {
    if (!health.ok) {
      this.healthFailure = health.failure;
      this.setLifecycle('unavailable', health.failure.message);
      return;
    }
    this.healthFailure = null;
    let { lifecycle, reason } = health.data;
    // The bot may answer /health before its /internal paths are up: that is still starting.
    if (lifecycle !== 'starting' && !stats.ok && !positions.ok && stats.failure.kind === 'not_initialized') {
      lifecycle = 'starting';
      reason = 'bot is not initialized yet';
    }
    this.setLifecycle(lifecycle, reason);
  }

  private setLifecycle(next: BridgeLifecycle, reason: string | null): void {
    this.lifecycleReason = reason;
    const previous = this.lifecycleKnown ? this.lifecycle : null;
    const event = diffLifecycle(previous, next, reason, iso(Date.now()));
    if (!event) return;
    const restarting = (s: BridgeLifecycle | null) => s === 'starting' || s === 'recovering';
    if (restarting(next) && !restarting(previous)) {
      // Remember what the bot held before, to say how far its recovery is; ask about extensions again.
      this.positionsBeforeRestart = this.known ? this.known.size : null;
      for (const state of this.features.values()) state.checkedAt = -Infinity;
      this.lastExtensionPollAt = -Infinity;
    }
    this.lifecycle = next;
    this.lifecycleKnown = true;
    this.lifecycleSince = Date.parse(event.timestamp);
    this.logger?.[next === 'running' ? 'info' : 'warn']({ previous, current: next, reason }, 'bot state changed');
    this.publish(event);
  }

  private applyPauseState(outcome: Outcome<BotPauseState>): void {
    const resource = this.resources.pauseState;
    const previous = resource.data;
    if (!this.applyResource('pauseState', outcome) || !outcome.ok) return;
    const event = diffPauseState(previous, outcome.data, iso(outcome.readAt));
    if (event) this.publish(event);
  }

  private applyStats(outcome: Outcome<BotStats>): void {
    const previous = this.resources.stats.data;
    if (!this.applyResource('stats', outcome) || !outcome.ok) return;
    if (previous && outcome.data.uptime_seconds < previous.uptime_seconds) {
      this.logger?.info(
        { previous_uptime_s: previous.uptime_seconds, uptime_s: outcome.data.uptime_seconds },
        'bot restarted (its uptime went back)',
      );
      for (const state of this.features.values()) state.checkedAt = -Infinity;
    }
    const event = diffStats(previous, outcome.data, iso(outcome.readAt));
    if (event) this.publish(event);
  }

  private applyPositions(outcome: Outcome<BotPositions>): void {
    if (!this.applyResource('positions', outcome) || !outcome.ok) return;
    const diff = diffPositions(this.known, outcome.data, this.lifecycle, iso(outcome.readAt));
    this.known = diff.known;
    for (const event of diff.events) this.publish(event);
    // Details of positions that are gone are of no use any more.
    for (const id of this.details.keys()) if (!(id in outcome.data)) this.details.delete(id);
  }

  /** Stores an outcome unless a newer request already answered; true when stored. */
  private applyResource<K extends ResourceName>(name: K, outcome: Outcome<ResourceData[K]>): boolean {
    const resource = this.resources[name] as Resource<ResourceData[K]>;
    if (outcome.startedAt < resource.startedAt) return false;
    resource.startedAt = outcome.startedAt;
    if (outcome.ok) {
      if (resource.failure) this.logger?.info({ resource: name }, 'bot answers for this resource are usable again');
      resource.data = outcome.data;
      resource.asOf = outcome.readAt;
      resource.failure = null;
    } else {
      // Logged on the transition only, so a failing bot does not write a line per poll.
      if (resource.failure?.kind !== outcome.failure.kind) {
        this.logger?.warn(
          { resource: name, kind: outcome.failure.kind, error: outcome.failure.message },
          'bot answer unusable; serving cached data',
        );
      }
      resource.failure = outcome.failure;
    }
    return true;
  }

  private publish(event: DomainEvent): void {
    // A follower's bus stays quiet: the leader's poll makes the events, and sequences them.
    if (this.following) return;
    this.events.publish(event);
  }

  /**
   * First observations make no change events (nothing to compare with), so when positions,
   * stats or the pause state are first seen, the whole view goes on the bus, after this poll's
   * events: a subscriber that keeps state (the feed) resets to it in bus order.
   */
  private publishBaselineIfNew(): void {
    const seen = {
      positions: this.known !== null,
      stats: this.resources.stats.data !== null,
      pauseState: this.resources.pauseState.data !== null,
    };
    let fresh = false;
    for (const [name, isSeen] of Object.entries(seen)) {
      if (isSeen && !this.baselined.has(name)) {
        this.baselined.add(name);
        fresh = true;
      }
    }
    if (!fresh) return;
    this.publish({
      type: 'bridge_baseline',
      timestamp: iso(Date.now()),
      payload: {
        positions: Object.fromEntries([...(this.known ?? new Map()).entries()].map(([id, seen]) => [id, seen.position])),
        pause_state: this.resources.pauseState.data,
        stats: this.resources.stats.data,
        lifecycle: this.lifecycle,
        reason: this.lifecycleReason,
      },
    });
  }

  // ------------------------------------------------------------------ position detail

  private async fetchPositionDetail(id: string, correlationId?: string): Promise<{ detail: BotPositionDetail; asOf: number }> {
    const path = BOT_PATHS.position(id);
    this.assertBreakerClosed(this.cachedDetailExtras(id));
    let response: BotResponse;
    try {
      response = await this.send(path, {
        method: 'GET',
        timeoutMs: this.config.bot.readTimeoutMs,
        answer: 'positionDetail',
        probe: false,
        correlationId,
      });
    } catch (error) {
      throw this.detailFailure(this.classify(error), id);
    }
    if (response.status === 200) {
      const entry = { detail: toPositionDetail(response.body as BotPositionDetail), asOf: Date.now() };
      this.details.delete(id);
      this.details.set(id, entry);
      if (this.details.size > DETAIL_CACHE_MAX) this.details.delete(this.details.keys().next().value!);
      return entry;
    }
    if (response.status === 404) {
      const recovering = LIST_INCOMPLETE_STATES.has(this.lifecycle);
      throw AppException.notFound(
        recovering
          ? `The bot does not (yet) report position ${id}: it is ${this.lifecycle} and may not have recovered it yet`
          : `The bot reports no position ${id}`,
      );
    }
    throw this.detailFailure(this.statusFailure(response, path), id);
  }

  /** A failed detail read, with the detail last read (if any) as cached_data. */
  private detailFailure(failure: BridgeFailure, id: string): AppException {
    const base = this.failureException(failure, `read position ${id}`);
    return new AppException(
      base.statusCode,
      base.code,
      base.message,
      undefined,
      { ...base.extra, ...this.cachedDetailExtras(id) },
      base.headers,
    );
  }

  private cachedDetailExtras(id: string): Record<string, unknown> {
    const cached = this.details.get(id);
    return { cached_data: cached?.detail ?? null, cached_at: cached ? iso(cached.asOf) : null };
  }

  // ------------------------------------------------------------------ calling the bot

  /**
   * One bot call through the breaker. Transport failures, 5xx other than 503 (the bot's "not
   * initialized") and answers that break the contract count as breaker failures and throw;
   * other statuses are returned for the caller to interpret.
   * @param probe false: refuse at once unless the breaker is closed (only the poller probes a recovering bot)
   */
  private async send(
    path: string,
    options: {
      method: 'GET' | 'POST' | 'PUT';
      body?: unknown;
      timeoutMs: number;
      authenticated?: boolean;
      answer?: BotAnswerKind | 'byPath';
      probe: boolean;
      correlationId?: string;
    },
  ): Promise<BotResponse> {
    if (!options.probe && this.breaker.state !== CircuitState.Closed) throw new BrokenCircuitError();
    return this.breaker.execute(async () => {
      const response = await this.client.request(path, {
        method: options.method,
        body: options.body,
        timeoutMs: options.timeoutMs,
        authenticated: options.authenticated,
        correlationId: options.correlationId,
      });
      if (response.status >= 500 && response.status !== 503) {
        throw new BotAnswerError('http_error', `bot answered ${path} with HTTP ${response.status}`, path, response.status);
      }
      if (response.status === 200 && options.answer) {
        const problem =
          options.answer === 'byPath'
            ? this.validator.checkPath(options.method, path, response.body)
            : this.validator.check(options.answer, response.body);
        if (problem) {
          throw new BotAnswerError('invalid_response', `bot answer to ${path} breaks the bot contract: ${problem}`, path, 200);
        }
      }
      return response;
    });
  }

  private classify(error: unknown): BridgeFailure {
    const at = Date.now();
    if (error instanceof BrokenCircuitError) {
      return {
        kind: 'breaker_open',
        message: `bot calls are suspended for up to ${BREAKER_HALF_OPEN_AFTER_MS / 1000} s after ${BREAKER_CONSECUTIVE_FAILURES} consecutive failures${
          this.lastBreakerFailure ? ` (last: ${this.lastBreakerFailure})` : ''
        }`,
        at,
      };
    }
    if (error instanceof BotCallError) {
      const kind: BridgeFailureKind = error.kind === 'unreachable' ? 'unreachable' : error.kind === 'timeout' ? 'timeout' : 'invalid';
      return { kind, message: error.message, at };
    }
    if (error instanceof BotAnswerError) return { kind: 'invalid', message: error.message, at };
    this.logger?.error({ err: error }, 'unexpected error calling the bot');
    return { kind: 'invalid', message: `bot call failed: ${(error as Error)?.message ?? String(error)}`, at };
  }

  /** A non-200 answer that did not throw (4xx, 503) to a core read. */
  private statusFailure(response: BotResponse, path: string): BridgeFailure {
    const at = Date.now();
    const detail = this.detailOf(response.body);
    if (response.status === 503) return { kind: 'not_initialized', message: `bot is not ready (${path}: ${detail ?? 'HTTP 503'})`, at };
    if (response.status === 401 || response.status === 403) {
      return { kind: 'rejected_key', message: `bot rejected the control center's admin key (HTTP ${response.status})`, at };
    }
    return { kind: 'invalid', message: `bot answered ${path} with HTTP ${response.status}${detail ? `: ${detail}` : ''}`, at };
  }

  /** The bot's {"detail": "..."} when its error body has that shape. */
  private detailOf(body: unknown): string | undefined {
    return this.validator.check('error', body) === undefined ? (body as { detail: string }).detail.slice(0, 500) : undefined;
  }

  /** A non-200 answer to a user-initiated call, as the error the caller should throw. */
  private statusException(response: BotResponse, path: string, feature?: BotFeature): AppException {
    const detail = this.detailOf(response.body);
    if (feature && (response.status === 404 || response.status === 405)) return this.unsupportedException(feature);
    if (response.status === 422) {
      return new AppException(422, 'BOT_REJECTED', detail ?? `the bot refused the request to ${path} (HTTP 422)`, undefined, {
        bot_status: 422,
      });
    }
    return this.failureException(this.statusFailure(response, path), `call ${path}`);
  }

  private failureException(failure: BridgeFailure, doing: string): AppException {
    const retryAfter = this.retryAfterSeconds();
    const map: Record<BridgeFailureKind, { status: number; code: ErrorCode; error: string }> = {
      unreachable: { status: 503, code: 'BOT_UNAVAILABLE', error: 'Bot unavailable' },
      breaker_open: { status: 503, code: 'BOT_UNAVAILABLE', error: 'Bot unavailable' },
      not_initialized: { status: 503, code: 'BOT_UNAVAILABLE', error: 'Bot starting' },
      rejected_key: { status: 503, code: 'BOT_UNAVAILABLE', error: 'Bot rejected the control center' },
      timeout: { status: 504, code: 'BOT_TIMEOUT', error: 'Bot timeout' },
      invalid: { status: 502, code: 'BOT_INVALID_RESPONSE', error: 'Bot answer unusable' },
    };
    const { status, code, error } = map[failure.kind];
    return new AppException(
      status,
      code,
      `Could not ${doing}: ${failure.message}`,
      undefined,
      { error, retry_after: retryAfter },
      { 'retry-after': String(retryAfter) },
    );
  }

  private unsupportedException(feature: BotFeature): AppException {
    return new AppException(
      501,
      'BOT_FEATURE_UNSUPPORTED',
      `This bot does not support ${FEATURE_LABELS[feature]}; everything else keeps working.`,
      undefined,
      { feature },
    );
  }

  private assertBreakerClosed(extra: Record<string, unknown> = {}): void {
    if (this.breaker.state === CircuitState.Closed) return;
    const base = this.failureException(this.classify(new BrokenCircuitError()), 'reach the bot');
    throw new AppException(base.statusCode, base.code, base.message, undefined, { ...base.extra, ...extra }, base.headers);
  }

  // ------------------------------------------------------------------ extension support

  private noteSupport(feature: BotFeature, status: number, method: 'GET' | 'POST' | 'PUT'): void {
    let supported: boolean;
    if (status === 404) supported = false;
    else if (status === 405)
      supported = feature === 'emergency-stop' && method === 'GET'; // the probe: exists, POST only
    else if (status === 503 || status === 401 || status === 403 || status >= 500)
      return; // says nothing
    else supported = true;
    const previous = this.features.get(feature);
    this.features.set(feature, { supported, checkedAt: Date.now() });
    if (previous?.supported !== supported) {
      this.logger?.info({ feature, supported, status }, supported ? 'bot supports an extension' : 'bot does not support an extension');
    }
  }

  /** Not known to be unsupported, or due for a re-check. */
  private featureWorthAsking(feature: BotFeature): boolean {
    const state = this.features.get(feature);
    return !state || state.supported || Date.now() - state.checkedAt >= FEATURE_RECHECK_MS;
  }

  private featureCheckDue(feature: BotFeature): boolean {
    const state = this.features.get(feature);
    return !state || Date.now() - state.checkedAt >= FEATURE_RECHECK_MS;
  }

  private assertFeatureUsable(feature: BotFeature): void {
    if (!this.featureWorthAsking(feature)) throw this.unsupportedException(feature);
  }

  // ------------------------------------------------------------------ freshness

  private isFresh(resource: Resource<unknown>): boolean {
    return resource.asOf !== null && Date.now() - resource.asOf < this.config.bot.cacheTtlMs;
  }

  private freshnessOf(resource: Resource<unknown>): DataFreshness {
    if (resource.asOf === null) return { source: 'cached', as_of: null, age_ms: null };
    const age = Math.max(0, Date.now() - resource.asOf);
    return {
      source: resource.failure === null && age < this.config.bot.cacheTtlMs ? 'live' : 'cached',
      as_of: iso(resource.asOf),
      age_ms: age,
    };
  }

  /** Why data is stale when no read of it has failed (the poll never got to it). */
  private staleFailure(): BridgeFailure {
    if (this.breakerView() !== CircuitState.Closed) return this.classify(new BrokenCircuitError());
    if (this.lifecycle === 'unavailable') {
      // A /health that timed out means a slow bot, not a missing one.
      const kind = this.healthFailure?.kind === 'timeout' ? 'timeout' : 'unreachable';
      return { kind, message: this.lifecycleReason ?? 'bot unavailable', at: Date.now() };
    }
    return { kind: 'timeout', message: `no answer from the bot within ${this.config.bot.readTimeoutMs} ms`, at: Date.now() };
  }

  private breakerStateName(): BreakerStateName {
    switch (this.breakerView()) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.HalfOpen:
        return 'half_open';
      default:
        return 'open';
    }
  }

  private failed(startedAt: number, kind: BridgeFailureKind, message: string): Outcome<never> {
    return { ok: false, failure: { kind, message, at: Date.now() }, startedAt };
  }
}

interface ResourceData {
  stats: BotStats;
  positions: BotPositions;
  pauseState: BotPauseState;
  chains: BotChains;
  fundingRates: BotFundingRates;
}

const CORE_PATHS: Record<CoreResource, string> = {
  stats: BOT_PATHS.stats,
  positions: BOT_PATHS.positions,
  pauseState: BOT_PATHS.pauseState,
};
const CORE_ANSWERS: Record<CoreResource, BotAnswerKind> = { stats: 'stats', positions: 'positions', pauseState: 'pauseState' };
const CORE_NORMALISERS: Record<CoreResource, (body: unknown) => unknown> = {
  stats: (body) => toStats(body as BotStats),
  positions: (body) => toPositions(body as BotPositions),
  pauseState: (body) => toPauseState(body as BotPauseState),
};
