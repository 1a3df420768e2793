import type { Asset, BotCircuitBreakerEvent, BreakerType, PauseScope } from '@dnb/contracts';
import { type Dec, dec } from '../common/decimal';
import { naiveIso } from '../common/naive-time';
import type { ChainName } from './market-model';

export interface BreakerRule {
  scope: PauseScope;
  autoRecovery: boolean;
  cooldownSeconds: number | null;
  /** How long the condition must hold before the breaker trips. */
  sustainMs: number;
}

/** The production bot's breakers (bot-contract README). */
export const BREAKER_RULES: Record<BreakerType, BreakerRule> = {
  asgard_health: { scope: 'all', autoRecovery: false, cooldownSeconds: null, sustainMs: 20_000 },
  hyperliquid_margin: { scope: 'all', autoRecovery: false, cooldownSeconds: null, sustainMs: 20_000 },
  negative_apy: { scope: 'entry', autoRecovery: true, cooldownSeconds: 1800, sustainMs: 0 },
  price_deviation: { scope: 'entry', autoRecovery: true, cooldownSeconds: 1800, sustainMs: 0 },
  lst_depeg: { scope: 'all', autoRecovery: true, cooldownSeconds: 1800, sustainMs: 0 },
  high_gas: { scope: 'asgard', autoRecovery: true, cooldownSeconds: null, sustainMs: 0 },
  chain_outage: { scope: 'all', autoRecovery: true, cooldownSeconds: null, sustainMs: 0 },
  manual: { scope: 'all', autoRecovery: false, cooldownSeconds: null, sustainMs: 0 },
};

export const BREAKER_THRESHOLDS = {
  healthFactor: dec('0.10'),
  marginFraction: dec('0.20'),
  priceDeviation: dec('0.02'),
  lstPremium: dec('0.05'),
  lstDiscount: dec('-0.02'),
  gasTrip: dec('0.01'),
  gasClear: dec('0.005'),
};

/** A forced trip of an auto-recovering breaker without a cooldown holds at least this long. */
const FORCED_MIN_HOLD_SECONDS = 60;

export interface BreakerEvent {
  id: number;
  type: BreakerType;
  triggeredAt: number;
  reason: string;
  scope: PauseScope;
  autoRecovery: boolean;
  cooldownSeconds: number | null;
  recoveryTime: number | null;
  resolvedAt: number | null;
  resolvedBy: 'auto' | 'manual' | null;
}

/** What the bot measures each step; the breakers judge it. */
export interface BreakerReadings {
  minHealthFactor: { value: Dec; positionId: string } | null;
  minMarginFraction: { value: Dec; positionId: string } | null;
  bestNetApy: { asset: Asset; value: Dec; fundingRate: Dec } | null;
  priceDeviation: Dec;
  lstPremiums: { asset: Asset; premium: Dec }[];
  gasSol: Dec;
  chainsDown: ChainName[];
}

interface Condition {
  breached: boolean;
  /** Auto recovery needs this (hysteresis for gas). */
  clear: boolean;
  /** Worded only when a breaker trips: formatting every step is wasted work. */
  reason: () => string;
}

const pct = (d: Dec, places = 2) => `${d.times(100).toFixed(places)}%`;

function condition(type: BreakerType, r: BreakerReadings): Condition {
  const t = BREAKER_THRESHOLDS;
  switch (type) {
    case 'asgard_health': {
      const m = r.minHealthFactor;
      const breached = m !== null && m.value.lessThan(t.healthFactor);
      return {
        breached,
        clear: !breached,
        reason: () => (m ? `Health factor ${m.value.toFixed(4)} below ${t.healthFactor.toFixed(2)} for 20s on ${m.positionId}` : ''),
      };
    }
    case 'hyperliquid_margin': {
      const m = r.minMarginFraction;
      const breached = m !== null && m.value.lessThan(t.marginFraction);
      return {
        breached,
        clear: !breached,
        reason: () => (m ? `Margin fraction ${m.value.toFixed(4)} below ${t.marginFraction.toFixed(2)} for 20s on ${m.positionId}` : ''),
      };
    }
    case 'negative_apy': {
      const b = r.bestNetApy;
      const breached = b !== null && b.value.isNegative();
      const reason = () => (b ? `Funding flipped positive: ${pct(b.fundingRate, 4)} (best net APY ${b.asset} ${pct(b.value)})` : '');
      return { breached, clear: !breached, reason };
    }
    case 'price_deviation': {
      const breached = r.priceDeviation.greaterThan(t.priceDeviation);
      return {
        breached,
        clear: !breached,
        reason: () => `Hyperliquid mark deviates ${pct(r.priceDeviation)} from the Asgard oracle (limit 2%)`,
      };
    }
    case 'lst_depeg': {
      const off = r.lstPremiums.find((p) => p.premium.greaterThan(t.lstPremium) || p.premium.lessThan(t.lstDiscount));
      const reason = () =>
        off
          ? `${off.asset} ${off.premium.isNegative() ? 'discount' : 'premium'} ${pct(off.premium.abs())} (limits: premium 5%, discount 2%)`
          : '';
      return { breached: off !== undefined, clear: off === undefined, reason };
    }
    case 'high_gas':
      return {
        breached: r.gasSol.greaterThan(t.gasTrip),
        clear: r.gasSol.lessThan(t.gasClear),
        reason: () => `Solana gas ${r.gasSol.toFixed(6)} SOL above 0.01 SOL`,
      };
    case 'chain_outage':
      return {
        breached: r.chainsDown.length > 0,
        clear: r.chainsDown.length === 0,
        reason: () => `${r.chainsDown.join(', ')} RPC unreachable`,
      };
    case 'manual':
      return { breached: false, clear: true, reason: () => '' };
  }
}

export interface TripOptions {
  reason?: string;
  scope?: PauseScope;
  autoRecovery?: boolean;
  cooldownSeconds?: number | null;
}

/** Breaker state machine and its history (in memory, newest first on the wire). */
export class CircuitBreakers {
  private events: BreakerEvent[] = [];
  private readonly breachedSince = new Map<BreakerType, number>();
  private nextId = 1;

  /** Judges one step's readings: trips what has held long enough, recovers what may. */
  evaluate(r: BreakerReadings, now: number, tripping: boolean): { tripped: BreakerEvent[]; resolved: BreakerEvent[] } {
    const tripped: BreakerEvent[] = [];
    const resolved: BreakerEvent[] = [];
    for (const type of Object.keys(BREAKER_RULES) as BreakerType[]) {
      if (type === 'manual') continue;
      const rule = BREAKER_RULES[type];
      const c = condition(type, r);
      if (c.breached) {
        if (!this.breachedSince.has(type)) this.breachedSince.set(type, now);
      } else {
        this.breachedSince.delete(type);
      }
      const active = this.activeOf(type);
      if (!active && tripping && c.breached && now - this.breachedSince.get(type)! >= rule.sustainMs) {
        tripped.push(this.record(type, now, { reason: c.reason() }, false));
      } else if (active && active.autoRecovery && c.clear && (active.recoveryTime === null || now >= active.recoveryTime)) {
        resolved.push(this.resolve(active, now, 'auto'));
      }
    }
    return { tripped, resolved };
  }

  /** A trip on command (the manual breaker, or any type forced by a scenario). Null when that type is already active. */
  trip(type: BreakerType, now: number, options: TripOptions = {}): BreakerEvent | null {
    if (this.activeOf(type)) return null;
    return this.record(type, now, options, true);
  }

  private record(type: BreakerType, now: number, o: TripOptions, forced: boolean): BreakerEvent {
    const rule = BREAKER_RULES[type];
    const autoRecovery = o.autoRecovery ?? rule.autoRecovery;
    let cooldown = o.cooldownSeconds !== undefined ? o.cooldownSeconds : rule.cooldownSeconds;
    if (forced && autoRecovery && cooldown === null) cooldown = FORCED_MIN_HOLD_SECONDS;
    const event: BreakerEvent = {
      id: this.nextId++,
      type,
      triggeredAt: now,
      reason: o.reason ?? (type === 'manual' ? 'Manual circuit breaker' : `${type} tripped on command`),
      scope: o.scope ?? rule.scope,
      autoRecovery,
      cooldownSeconds: cooldown,
      recoveryTime: autoRecovery && cooldown !== null ? now + cooldown * 1000 : null,
      resolvedAt: null,
      resolvedBy: null,
    };
    this.events.push(event);
    return event;
  }

  private resolve(event: BreakerEvent, now: number, by: 'auto' | 'manual'): BreakerEvent {
    event.resolvedAt = now;
    event.resolvedBy = by;
    // A condition that still holds must be seen for its full duration again before a re-trip.
    this.breachedSince.delete(event.type);
    return event;
  }

  /** What an operator's resume does: clears every breaker that waits for a manual reset. */
  resetManual(now: number): BreakerEvent[] {
    return this.active()
      .filter((e) => !e.autoRecovery)
      .map((e) => this.resolve(e, now, 'manual'));
  }

  /** Resolves active breakers of one type, or all of them. */
  reset(now: number, type?: BreakerType): BreakerEvent[] {
    return this.active()
      .filter((e) => type === undefined || e.type === type)
      .map((e) => this.resolve(e, now, 'manual'));
  }

  /** True while some condition holds but has not held long enough yet: the clock must step finely. */
  pending(): boolean {
    for (const type of this.breachedSince.keys()) {
      if (BREAKER_RULES[type].sustainMs > 0 && !this.activeOf(type)) return true;
    }
    return false;
  }

  active(): BreakerEvent[] {
    return this.events.filter((e) => e.resolvedAt === null);
  }

  activeOf(type: BreakerType): BreakerEvent | undefined {
    return this.events.find((e) => e.type === type && e.resolvedAt === null);
  }

  /** Sim time since which a type's condition has held, if it holds. */
  breachedSinceOf(type: BreakerType): number | undefined {
    return this.breachedSince.get(type);
  }

  /** Newest first; `since` keeps events triggered or resolved at or after it. */
  history(sinceMs?: number): BreakerEvent[] {
    return this.events
      .filter((e) => sinceMs === undefined || e.triggeredAt >= sinceMs || (e.resolvedAt !== null && e.resolvedAt >= sinceMs))
      .sort((a, b) => b.triggeredAt - a.triggeredAt || b.id - a.id);
  }

  clear(): void {
    this.events = [];
    this.breachedSince.clear();
    this.nextId = 1;
  }
}

export function breakerWire(e: BreakerEvent): BotCircuitBreakerEvent {
  return {
    breaker_type: e.type,
    triggered_at: naiveIso(e.triggeredAt),
    reason: e.reason,
    scope: e.scope,
    auto_recovery: e.autoRecovery,
    cooldown_seconds: e.cooldownSeconds,
    recovery_time: e.recoveryTime === null ? null : naiveIso(e.recoveryTime),
    resolved_at: e.resolvedAt === null ? null : naiveIso(e.resolvedAt),
    resolved_by: e.resolvedBy,
  };
}
