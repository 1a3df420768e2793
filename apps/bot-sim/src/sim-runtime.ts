import type { BotHealth } from '@dnb/contracts';
import type { Logger } from './common/logger';
import { naiveIso } from './common/naive-time';
import type { SimEnv } from './config/sim-env.config';
import type { FaultSpec, FaultView, SimStateView } from './control/control.types';
import { FaultInjector } from './faults/fault-injector';
import { BotLifecycle } from './model/bot-lifecycle';
import { breakerWire } from './model/circuit-breakers';
import { positionSummary } from './model/position-view';
import { SimEngine } from './model/sim-engine';
import type { StateStore } from './store/state-store';

/** What the runtime needs from the bot's HTTP listener to inject listener-level faults. */
export interface BotListener {
  readonly listening: boolean;
  stopListening(): Promise<void>;
  resumeListening(): Promise<void>;
  /** Ends requests held by a "hang" fault (their sockets are destroyed). */
  releaseHung(): void;
}

/**
 * One simulated bot process: the engine (replaced on reset), its clock, its store, its
 * (re)start lifecycle and the faults of its port.
 */
export class SimRuntime {
  engine: SimEngine;
  readonly faults = new FaultInjector();
  readonly lifecycle: BotLifecycle;
  speed: number;
  clockPaused = false;
  private listener: BotListener | null = null;
  private tickTimer: NodeJS.Timeout | null = null;
  private shuttingDown = false;

  constructor(
    readonly env: SimEnv,
    private readonly store: StateStore,
    private readonly logger: Logger,
  ) {
    this.speed = env.speed;
    this.store.wipe();
    this.engine = this.newEngine(env.seed, env.initialPositions);
    this.lifecycle = new BotLifecycle(
      () => this.engine,
      (phase) => {
        this.logger.info({ phase }, 'bot lifecycle');
        // A restart fault is over once the bot runs again; /faults must not keep showing it.
        if (phase === 'running') this.faults.removeType('restart');
      },
    );
  }

  private newEngine(seed: string, initialPositions: number): SimEngine {
    return new SimEngine({
      seed,
      startTimeMs: this.env.startTimeMs,
      volatility: this.env.volatility,
      incidents: this.env.incidents,
      initialPositions,
      journal: this.store,
      log: (message, data) => this.logger.info(data, message),
    });
  }

  attachListener(listener: BotListener): void {
    this.listener = listener;
  }

  /** Boot: starting -> recovering -> running on the configured timings. */
  boot(): void {
    this.lifecycle.start({ startingMs: this.env.startupMs, recoveryStepMs: this.env.recoveryStepMs });
    this.startClock();
  }

  /** A fresh world from a seed: faults cleared, state.db wiped, the bot running at once. */
  async reset(seed = this.engine.seed, initialPositions = this.env.initialPositions): Promise<void> {
    await this.clearFaults();
    this.lifecycle.cancel();
    this.store.wipe();
    this.engine = this.newEngine(seed, initialPositions);
    this.logger.info({ seed, initialPositions }, 'simulator reset');
  }

  // ---- clock --------------------------------------------------------------------

  startClock(): void {
    if (this.env.tickMs === 0 || this.tickTimer) return; // SIM_TICK_MS=0: the clock moves only on command
    const tick = () => {
      if (!this.clockPaused) {
        try {
          this.engine.advance(this.env.tickMs * this.speed);
        } catch (error) {
          this.logger.error({ err: error }, 'tick failed');
        }
      }
      this.tickTimer = setTimeout(tick, this.env.tickMs);
    };
    this.tickTimer = setTimeout(tick, this.env.tickMs);
  }

  stopClock(): void {
    if (this.tickTimer) clearTimeout(this.tickTimer);
    this.tickTimer = null;
  }

  advance(seconds: number): void {
    this.engine.advance(seconds * 1000);
  }

  // ---- faults -------------------------------------------------------------------

  async addFault(spec: FaultSpec): Promise<FaultView> {
    if (spec.type === 'restart') {
      // The first position shows one step into recovery and running follows one step after the last.
      const steps = this.engine.book.size + 1;
      const recoveryStepMs =
        spec.recoveringMs !== undefined ? Math.round(spec.recoveringMs / steps) : (spec.recoveryStepMs ?? this.env.recoveryStepMs);
      this.lifecycle.start({ startingMs: spec.startingMs ?? this.env.startupMs, recoveryStepMs });
    }
    if (spec.type === 'refuse') await this.listener?.stopListening();
    const fault = this.faults.add(spec);
    this.logger.warn({ fault }, 'fault injected');
    return fault;
  }

  async removeFault(id: string): Promise<FaultView | undefined> {
    const fault = this.faults.remove(id);
    if (fault) await this.undo([fault]);
    return fault;
  }

  async clearFaults(): Promise<FaultView[]> {
    const gone = this.faults.clear();
    await this.undo(gone);
    // A restart that already finished leaves no fault behind but nothing to undo either.
    if (this.lifecycle.inProgress && !this.shuttingDown) this.lifecycle.finishNow();
    return gone;
  }

  private async undo(faults: FaultView[]): Promise<void> {
    if (faults.some((f) => f.type === 'hang')) this.listener?.releaseHung();
    if (faults.some((f) => f.type === 'refuse') && !this.faults.has('refuse') && !this.shuttingDown) await this.listener?.resumeListening();
    if (faults.some((f) => f.type === 'restart')) this.lifecycle.finishNow();
    if (faults.length > 0) this.logger.info({ faults: faults.map((f) => f.id) }, 'faults cleared');
  }

  // ---- views --------------------------------------------------------------------

  health(): BotHealth {
    const e = this.engine;
    if (e.phase === 'starting') return { status: 'starting' };
    if (e.phase === 'shutdown') return { status: 'stopped', state: 'shutdown' };
    if (e.phase === 'recovering') return { status: 'healthy', state: 'recovering' };
    return { status: 'healthy', state: e.market.allChainsUp() ? 'running' : 'degraded' };
  }

  stateView(): SimStateView {
    const e = this.engine;
    return {
      seed: e.seed,
      tier: this.env.tier,
      phase: e.phase,
      health: this.health(),
      listening: this.listener?.listening ?? false,
      clock: {
        now: naiveIso(e.now),
        nowMs: e.now,
        speed: this.speed,
        tickMs: this.env.tickMs,
        paused: this.clockPaused || this.env.tickMs === 0,
      },
      stats: { ...e.stats.view(e.now), recovered: e.stats.recovered },
      pause: e.pauseState(),
      breakers: { active: e.breakers.active().map(breakerWire), total: e.breakers.history().length },
      positions: e.book
        .all()
        .map((p) => ({ ...positionSummary(p, e.figures(p), e.now), visible: e.isVisible(p.id), closeReason: p.closeReason ?? null })),
      market: e.market.snapshot(),
      config: e.settings.wire,
      faults: this.faults.list(),
      stateDbPath: this.store.path,
    };
  }

  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    this.stopClock();
    this.lifecycle.cancel();
    this.engine.phase = 'shutdown';
    this.engine.persist();
  }
}
