import { ASSETS, type Asset, type BotPauseState, type BreakerType, type PauseScope } from '@dnb/contracts';
import { Dec, dec, fromFloat, minDec } from '../common/decimal';
import { naiveIso } from '../common/naive-time';
import { SeededRng } from '../common/seeded-rng';
import { HL_MAINTENANCE_MARGIN } from './asset-params';
import { applyConfigUpdate, BotSettings, defaultBotConfig, type ConfigResult, type FullBotConfig } from './bot-config';
import { StatsCounter } from './bot-stats';
import { breakerWire, CircuitBreakers, type BreakerEvent, type BreakerReadings, type TripOptions } from './circuit-breakers';
import { MarketModel, type ChainName } from './market-model';
import { isBlocked, PauseController, type BotAction } from './pause-controller';
import * as pos from './position';
import { PositionBook } from './position-book';
import { positionDetail, positionSummary } from './position-view';
import type { SimJournal } from './sim-journal';
import { exitReason, findOpportunities, liquidationReason, REHEDGE_DELTA_RATIO, riskExitReason } from './trading-strategy';

export type SimPhase = 'starting' | 'recovering' | 'running' | 'shutdown';
type Risk = ReturnType<typeof pos.riskOf>;
const MAINTENANCE = dec(HL_MAINTENANCE_MARGIN);

export interface EngineOptions {
  seed: string;
  startTimeMs: number;
  volatility: number;
  incidents: boolean;
  initialPositions: number;
  journal: SimJournal;
  config?: FullBotConfig;
  /** Notable events for the process log (the journal gets the bot's own records). */
  log?: (message: string, data: Record<string, unknown>) => void;
}

/**
 * Simulated step lengths: coarse while nothing is pending, fine (breaker durations are
 * measured at this resolution) while a breaker condition holds but has not tripped yet.
 * Steps also end exactly at polls, scans, closings and the hour.
 */
const COARSE_STEP_MS = 10_000;
const FINE_STEP_MS = 1000;
const HOUR_MS = 3_600_000;
/** How long closing both legs takes (two transactions). */
const CLOSE_MS = 6000;
const EMERGENCY_CLOSE_MS = 4000;
/** Chance per scan of a transient failure (an RPC timeout), so errors_count is not always zero. */
const TRANSIENT_ERROR_CHANCE = 0.01;
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * The simulated bot: market, positions, strategy, pauses and breakers on one simulated
 * clock. Pure and synchronous: the same seed and the same calls give the same numbers.
 */
export class SimEngine {
  readonly seed: string;
  now: number;
  phase: SimPhase = 'running';
  readonly market: MarketModel;
  readonly book = new PositionBook();
  readonly breakers = new CircuitBreakers();
  readonly pause = new PauseController();
  readonly settings: BotSettings;
  readonly stats: StatsCounter;
  private readonly rng: SeededRng;
  private readonly journal: SimJournal;
  private readonly log: (message: string, data: Record<string, unknown>) => void;
  /** Ids the bot has recovered so far while (re)starting; null once all are visible. */
  private visible: Set<string> | null = null;
  private nextPollAt: number;
  private nextScanAt: number;
  private readonly lastState = new Map<string, string>();

  constructor(o: EngineOptions) {
    this.seed = o.seed;
    this.now = o.startTimeMs;
    this.journal = o.journal;
    this.log = o.log ?? (() => undefined);
    this.market = new MarketModel({ seed: o.seed, volatility: o.volatility, incidents: o.incidents });
    this.rng = new SeededRng(`${o.seed}:strategy`);
    this.settings = new BotSettings(o.config ?? defaultBotConfig());
    this.stats = new StatsCounter(this.now);
    this.nextPollAt = this.now + this.settings.pollMs;
    this.nextScanAt = this.now + this.settings.scanMs;
    this.seedPositions(o.initialPositions);
    this.stats.recovered = this.book.size;
    this.persist();
  }

  // ---- clock ------------------------------------------------------------------

  /** Runs the model forward by ms of simulated time. */
  advance(ms: number): void {
    const end = this.now + Math.max(0, Math.round(ms));
    while (this.now < end) this.step(Math.min(end - this.now, this.nextStepMs()));
    this.persist();
  }

  private nextStepMs(): number {
    let step = this.breakers.pending() ? FINE_STEP_MS : COARSE_STEP_MS;
    const due = [this.nextPollAt, this.nextScanAt, (Math.floor(this.now / HOUR_MS) + 1) * HOUR_MS];
    for (const p of this.book.all()) if (p.closeAt !== undefined) due.push(p.closeAt);
    for (const t of due) if (t > this.now) step = Math.min(step, t - this.now);
    return step;
  }

  private step(dt: number): void {
    const before = this.now;
    this.now += dt;
    for (const incident of this.market.step(dt, this.now)) this.log('market incident', { ...incident });
    if (Math.floor(this.now / HOUR_MS) > Math.floor(before / HOUR_MS)) this.accrueHour();
    const risks = this.risks();
    this.liquidate(risks);
    if (this.phase !== 'running') return;
    this.completeClosings();
    this.guardRisk(risks);
    this.judgeBreakers(risks);
    if (this.now >= this.nextPollAt) {
      this.nextPollAt = this.now + this.settings.pollMs;
      this.poll();
    }
    if (this.now >= this.nextScanAt) {
      this.nextScanAt = this.now + this.settings.scanMs;
      this.scan();
    }
  }

  private accrueHour(): void {
    this.market.accrueHour();
    const mark = this.market.hlMark();
    for (const p of this.book.all()) pos.accrueHour(p, this.market.fundingRate(p.asset), mark);
  }

  private risks(): Map<string, Risk> {
    return new Map(this.book.all().map((p) => [p.id, pos.riskOf(p, this.marks(p.asset))]));
  }

  private liquidate(risks: Map<string, Risk>): void {
    for (const p of this.book.all()) {
      const reason = liquidationReason(risks.get(p.id)!, MAINTENANCE);
      if (reason) {
        this.finishClose(p, reason);
        risks.delete(p.id);
      }
    }
  }

  private completeClosings(): void {
    if (!this.market.allChainsUp()) return; // in-flight closures wait for both chains
    for (const p of this.book.all()) {
      if (p.status === 'closing' && p.closeAt !== undefined && this.now >= p.closeAt) this.finishClose(p, p.closeReason ?? 'closed');
    }
  }

  private judgeBreakers(risks = this.risks()): void {
    const { tripped, resolved } = this.breakers.evaluate(this.readings(risks), this.now, this.settings.breakersEnabled);
    for (const e of tripped) this.recordTrip(e);
    for (const e of resolved) this.recordResolve(e);
  }

  /**
   * The risk monitor, every step: a position below the critical health factor or
   * margin fraction starts closing at once (if auto exit is on and exits may run).
   */
  private guardRisk(risks: Map<string, Risk>): void {
    if (!this.settings.autoExit || this.blocked('close') || !this.market.allChainsUp()) return;
    for (const p of this.book.open()) {
      const reason = riskExitReason(risks.get(p.id)!, this.settings);
      if (reason) this.beginClose(p, reason, CLOSE_MS, false);
    }
  }

  /** Position monitoring, exits on carry and re-hedging, every poll interval. */
  private poll(): void {
    // Monitoring runs under any pause; a dead RPC is an error whatever the scope.
    if (!this.market.allChainsUp()) return this.recordError(`RPC unreachable while polling positions: ${this.chainsDown().join(', ')}`);
    if (this.blocked('scan')) return;
    for (const p of this.book.open()) {
      const f = this.figures(p);
      const reason = this.settings.autoExit ? exitReason(p, f, this.market, this.settings) : null;
      if (reason && !this.blocked('close')) {
        this.beginClose(p, reason, CLOSE_MS, false);
      } else if (!reason && f.deltaRatio.abs().greaterThan(REHEDGE_DELTA_RATIO) && !this.blocked('rebalance')) {
        const change = pos.rebalanceShort(p, this.marks(p.asset));
        this.action('rebalance', { position_id: p.id, size_change_sol: change.toFixed(6) });
      }
    }
  }

  /** Opportunity scan and entry, every scan interval. */
  private scan(): void {
    if (this.blocked('scan')) return;
    if (!this.market.allChainsUp()) return this.recordError(`RPC unreachable while scanning: ${this.chainsDown().join(', ')}`);
    if (this.rng.chance(TRANSIENT_ERROR_CHANCE)) return this.recordError('Asgard rates request timed out; retrying next scan');
    const opportunities = findOpportunities(this.market, this.settings);
    this.stats.opportunitiesFound += opportunities.length;
    const best = opportunities[0];
    if (!best || this.blocked('open') || this.book.size >= this.settings.maxConcurrent) return;
    const p = this.openNow(best.asset, this.pickSize(), this.settings.defaultLeverage, this.now);
    this.stats.positionsOpened += 1;
    this.action('position_opened', {
      position_id: p.id,
      asset: p.asset,
      deployed_usd: p.deployedUsd.toFixed(2),
      leverage: p.leverage.toFixed(),
      net_apy: best.netApy.toFixed(4),
    });
    this.log('position opened', { position_id: p.id, asset: p.asset });
  }

  // ---- position life -------------------------------------------------------------

  private openNow(asset: Asset, deployedUsd: Dec, leverage: Dec, openedAt: number, entryRatio = dec(1)): pos.PositionState {
    const spot = this.market.spot(asset);
    const solMark = this.market.hlMark();
    const p = pos.openPosition({
      id: this.book.nextId(openedAt),
      asset,
      deployedUsd,
      leverage,
      openedAt,
      // Slippage: the long fills a little above spot, the short a little below mark.
      entryPrice: spot.times(entryRatio).times('1.0005').toDecimalPlaces(6),
      entryPx: solMark.times(entryRatio).times('0.9995').toDecimalPlaces(6),
      positionPda: this.pda(),
    });
    this.book.add(p);
    this.visible?.add(p.id);
    return p;
  }

  private beginClose(p: pos.PositionState, reason: string, ms: number, force: boolean): void {
    p.status = 'closing';
    p.closeReason = reason;
    p.closeAt = this.now + ms;
    p.forceClose = force || p.forceClose;
  }

  /** The production bot forgets a closed position: row deleted, one position_closed log row. */
  private finishClose(p: pos.PositionState, reason: string): void {
    this.book.remove(p.id);
    this.visible?.delete(p.id);
    this.stats.positionsClosed += 1;
    this.journal.deletePosition(p.id);
    this.journal.action('position_closed', { type: 'position_closed', position_id: p.id, reason, timestamp: naiveIso(this.now) }, this.now);
    this.log('position closed', { position_id: p.id, reason });
  }

  private pickSize(): Dec {
    const min = this.settings.minPositionUsd;
    const max = Dec.min(this.settings.maxPositionUsd, Dec.max(min, min.times(10)));
    const raw = min.plus(max.minus(min).times(fromFloat(this.rng.next(), 6)));
    const rounded = raw.dividedBy(100).toDecimalPlaces(0).times(100);
    return Dec.min(max, Dec.max(min, rounded));
  }

  private pda(): string {
    let s = '';
    for (let i = 0; i < 44; i++) s += BASE58[Math.floor(this.rng.next() * BASE58.length)];
    return s;
  }

  /** Positions the bot already held before this run: opened hours ago, carry accrued. */
  private seedPositions(count: number): void {
    const plans = Array.from({ length: count }, () => ({
      asset: this.rng.pick(ASSETS),
      hoursAgo: this.rng.between(2, 72),
      entryRatio: fromFloat(this.rng.between(0.98, 1.04), 6),
      leverage: this.rng.chance(0.25) ? dec('3.5') : this.settings.defaultLeverage,
      deployed: this.pickSize(),
      fundingScale: this.rng.between(0.6, 1.4),
    })).sort((a, b) => b.hoursAgo - a.hoursAgo);
    for (const plan of plans) {
      const lev = Dec.min(plan.leverage, this.settings.maxLeverage);
      const openedAt = this.now - Math.round(plan.hoursAgo * HOUR_MS);
      const p = this.openNow(plan.asset, plan.deployed, lev, openedAt, plan.entryRatio);
      const hours = Math.floor(plan.hoursAgo);
      const notional = p.sizeSol.times(p.entryPx);
      p.fundingPnl = notional.times(fromFloat(0.000008 * plan.fundingScale * hours, 10)).toDecimalPlaces(6);
      p.debtUsd = p.debtUsd.times(fromFloat(1 + (0.085 * hours) / 8760, 10)).toDecimalPlaces(6);
      // What the previous run of the bot logged when it opened them.
      this.action(
        'position_opened',
        { position_id: p.id, asset: p.asset, deployed_usd: p.deployedUsd.toFixed(2), leverage: p.leverage.toFixed() },
        openedAt,
      );
    }
  }

  // ---- lifecycle ----------------------------------------------------------------

  /** The bot process (re)starts: no bot object yet, counters start again. */
  beginStartup(): void {
    this.phase = 'starting';
    this.visible = new Set();
    this.stats.restart(this.now, this.book.size);
    this.persist();
  }

  beginRecovery(): void {
    this.phase = 'recovering';
    this.persist();
  }

  /** Ids still to be recovered, oldest first. */
  unrecovered(): string[] {
    return this.book
      .all()
      .map((p) => p.id)
      .filter((id) => !this.isVisible(id));
  }

  reveal(id: string): void {
    this.visible?.add(id);
  }

  setRunning(): void {
    this.visible = null;
    this.phase = 'running';
    this.nextPollAt = this.now + this.settings.pollMs;
    this.nextScanAt = this.now + this.settings.scanMs;
    this.persist();
  }

  isVisible(id: string): boolean {
    return this.visible === null || this.visible.has(id);
  }

  visiblePositions(): pos.PositionState[] {
    return this.book.all().filter((p) => this.isVisible(p.id));
  }

  // ---- bot API -------------------------------------------------------------------

  marks(asset: Asset): pos.Marks {
    return { spot: this.market.spot(asset), solMark: this.market.hlMark() };
  }

  figures(p: pos.PositionState): pos.PositionFigures {
    return pos.valuePosition(p, this.marks(p.asset));
  }

  summary(p: pos.PositionState) {
    return positionSummary(p, this.figures(p), this.now);
  }

  detail(p: pos.PositionState) {
    return positionDetail(p, this.figures(p), this.marks(p.asset), this.now, this.settings);
  }

  pauseState(): BotPauseState {
    return this.pause.view(this.breakers.active());
  }

  activeScopes(): PauseScope[] {
    return this.pause.scopes(this.breakers.active());
  }

  blocked(action: BotAction): boolean {
    return isBlocked(action, this.activeScopes());
  }

  pauseBot(scope: PauseScope, reason: string): void {
    const entry = this.pause.pause(scope, reason, this.now);
    this.action('pause', { scope, reason, paused_by: entry.pausedBy });
    this.persist();
  }

  /**
   * Clears the operator's pause and resets the breakers that wait for a manual reset
   * (asgard_health, hyperliquid_margin, manual): against the core tier resume is the
   * only reset an operator has. Auto-recovering breakers stay until their condition clears.
   */
  resumeBot(): BreakerEvent[] {
    const cleared = this.pause.resume();
    const reset = this.breakers.resetManual(this.now);
    for (const e of reset) this.recordResolve(e);
    this.action('resume', { cleared_scope: cleared?.scope ?? null, reset_breakers: reset.map((e) => e.type) });
    this.persist();
    return reset;
  }

  /** Closes every position on both venues and pauses everything until a manual resume. */
  emergencyStop(reason: string): string[] {
    const ids = this.book.all().map((p) => p.id);
    for (const p of this.book.all()) this.beginClose(p, 'emergency_stop', EMERGENCY_CLOSE_MS, true);
    const entry = this.pause.pause('all', reason, this.now);
    this.action('emergency_stop', { reason, paused_by: entry.pausedBy, positions_closing: ids });
    this.persist();
    return ids;
  }

  updateConfig(update: unknown): ConfigResult {
    const result = applyConfigUpdate(this.settings.wire, update);
    if (result.ok) {
      this.settings.replace(result.config);
      this.nextPollAt = Math.min(this.nextPollAt, this.now + this.settings.pollMs);
      this.nextScanAt = Math.min(this.nextScanAt, this.now + this.settings.scanMs);
      this.action('config_updated', { config: result.config });
      this.persist();
    }
    return result;
  }

  /** What the breakers look at, over every position the bot holds. */
  readings(risks = this.risks()): BreakerReadings {
    const held = [...risks.entries()].filter(([id]) => this.book.get(id) !== undefined); // not what closed this step
    const lowest = (pick: (r: Risk) => Dec) => {
      const m = minDec(held.map(([, r]) => pick(r)));
      const hit = m === undefined ? undefined : held.find(([, r]) => pick(r).equals(m));
      return hit ? { value: pick(hit[1]), positionId: hit[0] } : null;
    };
    const leverage = this.settings.defaultLeverage;
    const apys = ASSETS.map((asset) => ({
      asset,
      value: this.market.netApy(asset, leverage),
      fundingRate: this.market.fundingRate(asset),
    }));
    const best = apys.reduce((a, b) => (b.value.greaterThan(a.value) ? b : a));
    return {
      minHealthFactor: lowest((f) => f.healthFactor),
      minMarginFraction: lowest((f) => f.marginFraction),
      bestNetApy: best,
      priceDeviation: this.market.priceDeviation(),
      lstPremiums: ASSETS.filter((a) => a !== 'SOL').map((asset) => ({ asset, premium: this.market.lstPremium(asset) })),
      gasSol: this.market.gasSol(),
      chainsDown: this.chainsDown(),
    };
  }

  chainsDown(): ChainName[] {
    return (['solana', 'arbitrum'] as const).filter((c) => !this.market.chain(c).connected);
  }

  // ---- scenarios (control surface) ----------------------------------------------------

  /** Opens a position now, whatever the pause scope says (a scenario, not a strategy decision). */
  forceOpen(asset: Asset, deployedUsd?: Dec, leverage?: Dec): pos.PositionState {
    const p = this.openNow(asset, deployedUsd ?? this.pickSize(), leverage ?? this.settings.defaultLeverage, this.now);
    this.stats.positionsOpened += 1;
    this.action('position_opened', { position_id: p.id, asset, deployed_usd: p.deployedUsd.toFixed(2), leverage: p.leverage.toFixed() });
    this.persist();
    return p;
  }

  /** Closes a position: at once, or through `closing` for closingMs of simulated time. */
  forceClose(id: string, reason: string, closingMs: number): boolean {
    const p = this.book.get(id);
    if (!p) return false;
    if (closingMs > 0) this.beginClose(p, reason, closingMs, true);
    else this.finishClose(p, reason);
    this.persist();
    return true;
  }

  /**
   * After a scenario changed the world: the bot's monitors look at once (so a forced
   * breach starts its 20 s from now, not from the next coarse step), then state is written.
   */
  afterScenario(): void {
    if (this.phase === 'running') this.judgeBreakers();
    this.persist();
  }

  forceHealthFactor(value: Dec, id?: string): string[] {
    return this.forEachTarget(id, (p) => pos.forceHealthFactor(p, value, this.marks(p.asset)));
  }

  forceMarginFraction(value: Dec, id?: string): string[] {
    return this.forEachTarget(id, (p) => pos.forceMarginFraction(p, value, this.marks(p.asset)));
  }

  private forEachTarget(id: string | undefined, fn: (p: pos.PositionState) => void): string[] {
    const targets = id === undefined ? this.book.all() : [this.book.get(id)].filter((p) => p !== undefined);
    targets.forEach(fn);
    this.afterScenario();
    return targets.map((p) => p.id);
  }

  /** Flips (or sets) hourly funding on one asset or all. */
  setFunding(asset: Asset | undefined, rate?: Dec): Record<string, string> {
    const assets = asset ? [asset] : [...ASSETS];
    const out = Object.fromEntries(assets.map((a) => [a, this.market.setFunding(a, rate).toFixed(10)]));
    this.afterScenario();
    return out;
  }

  tripBreaker(type: BreakerType, options: TripOptions): BreakerEvent | null {
    const event = this.breakers.trip(type, this.now, options);
    if (event) this.recordTrip(event);
    this.persist();
    return event;
  }

  resetBreakers(type?: BreakerType): BreakerEvent[] {
    const reset = this.breakers.reset(this.now, type);
    for (const e of reset) this.recordResolve(e);
    this.persist();
    return reset;
  }

  // ---- records ----------------------------------------------------------------------

  private recordTrip(e: BreakerEvent): void {
    this.action('circuit_breaker_triggered', { breaker_type: e.type, scope: e.scope, reason: e.reason, auto_recovery: e.autoRecovery });
    this.log('circuit breaker triggered', { breaker: breakerWire(e) });
  }

  private recordResolve(e: BreakerEvent): void {
    this.action('circuit_breaker_resolved', { breaker_type: e.type, resolved_by: e.resolvedBy });
    this.log('circuit breaker resolved', { breaker: breakerWire(e) });
  }

  private recordError(message: string): void {
    this.stats.errorsCount += 1;
    this.action('error', { message });
  }

  private action(type: string, data: Record<string, unknown>, at = this.now): void {
    this.journal.action(type, { type, ...data, timestamp: naiveIso(at) }, at);
  }

  /** Writes positions and the state keys that changed. */
  persist(): void {
    this.journal.savePositions(
      this.book.all().map((p) => ({ id: p.id, openedAt: p.openedAt, detail: this.detail(p) })),
      this.now,
    );
    this.syncState('pause_state', this.pauseState());
    this.syncState('bot_state', this.phase);
    this.syncState('config', this.settings.wire);
  }

  private syncState(key: string, value: unknown): void {
    const json = JSON.stringify(value);
    if (this.lastState.get(key) === json) return;
    this.lastState.set(key, json);
    this.journal.state(key, value, this.now);
  }
}
