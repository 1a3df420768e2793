import type { BotPauseState, PauseScope } from '@dnb/contracts';
import { naiveIso } from '../common/naive-time';
import type { BreakerEvent } from './circuit-breakers';

/** What the bot may be about to do; each pause scope blocks some of these. */
export type BotAction = 'scan' | 'open' | 'close' | 'rebalance';

const BLOCKED_BY: Record<BotAction, readonly PauseScope[]> = {
  // "all" means the bot does nothing at all, not even look for opportunities.
  scan: ['all'],
  // Opening and closing touch both venues, so a venue pause blocks them too.
  open: ['all', 'entry', 'asgard', 'hyperliquid'],
  close: ['all', 'exit', 'asgard', 'hyperliquid'],
  // Re-hedging only resizes the Hyperliquid short.
  rebalance: ['all', 'hyperliquid'],
};

export function isBlocked(action: BotAction, scopes: Iterable<PauseScope>): boolean {
  const blocking = BLOCKED_BY[action];
  for (const scope of scopes) if (blocking.includes(scope)) return true;
  return false;
}

export interface PauseEntry {
  scope: PauseScope;
  reason: string;
  pausedAt: number;
  pausedBy: string;
}

/** "alice: maintenance" was paused by alice; a reason without a prefix by admin. */
export function pausedByOf(reason: string): string {
  const match = /^([^:\s][^:]{0,63}):\s/.exec(reason);
  return match ? match[1]!.trim() : 'admin';
}

/** The operator's pause (one at a time; a new pause replaces it). Breakers pause on their own. */
export class PauseController {
  private manual: PauseEntry | null = null;

  pause(scope: PauseScope, reason: string, now: number): PauseEntry {
    this.manual = { scope, reason, pausedAt: now, pausedBy: pausedByOf(reason) };
    return this.manual;
  }

  resume(): PauseEntry | null {
    const cleared = this.manual;
    this.manual = null;
    return cleared;
  }

  get current(): PauseEntry | null {
    return this.manual;
  }

  restore(entry: PauseEntry | null): void {
    this.manual = entry;
  }

  /** Every scope in force: the operator's and each active breaker's. */
  scopes(active: readonly BreakerEvent[]): PauseScope[] {
    return [...(this.manual ? [this.manual.scope] : []), ...active.map((b) => b.scope)];
  }

  /**
   * The single pause state the wire carries. "all" wins over narrower scopes; among
   * equals the most recent pause is shown. active_breakers lists every active type.
   */
  view(active: readonly BreakerEvent[]): BotPauseState {
    const entries: PauseEntry[] = [
      ...(this.manual ? [this.manual] : []),
      ...active.map((b) => ({ scope: b.scope, reason: b.reason, pausedAt: b.triggeredAt, pausedBy: 'circuit_breaker' })),
    ];
    const activeBreakers = [...new Set(active.map((b) => b.type))];
    if (entries.length === 0) {
      return { paused: false, scope: 'all', reason: null, paused_at: null, paused_by: null, active_breakers: activeBreakers };
    }
    const rank = (e: PauseEntry) => (e.scope === 'all' ? 1 : 0);
    const shown = entries.reduce((best, e) => (rank(e) > rank(best) || (rank(e) === rank(best) && e.pausedAt >= best.pausedAt) ? e : best));
    return {
      paused: true,
      scope: shown.scope,
      reason: shown.reason,
      paused_at: naiveIso(shown.pausedAt),
      paused_by: shown.pausedBy,
      active_breakers: activeBreakers,
    };
  }
}
