import Decimal from 'decimal.js';
import { sumDecimals } from '../positions/decimal-sum';
import {
  ALERT_SEVERITY_OF,
  type AlertRules,
  type AlertSeverity,
  type AlertType,
  type BotChains,
  type BotFundingRate,
  type BotPauseState,
  type BotPositionSummary,
  type BreakerType,
} from '@dnb/contracts';

/** What one evaluation found worth alerting about, before the gate (throttle, ack) decides. */
export interface AlertCandidate {
  type: AlertType;
  severity: AlertSeverity;
  /** What it is about: throttles, acks and escalation are kept per metric key ("<position>:health"). */
  metricKey: string;
  /** Rank within the metric key (warning 1, critical 2, emergency 3): a higher one is a rise. */
  level: number;
  /** 0: no throttle. */
  throttleMs: number;
  positionId: string | null;
  asset: string | null;
  /** The figures the messages are written from: decimal strings exactly as the bot sent them. */
  facts: Readonly<Record<string, string | number | boolean | null>>;
}

export const healthKey = (positionId: string): string => `${positionId}:health`;
export const deltaKey = (positionId: string): string => `${positionId}:delta`;
export const fundingKey = (asset: string): string => `${asset}:funding`;
export const breakerKey = (breaker: BreakerType): string => `breaker:${breaker}`;
export const chainKey = (chain: string): string => `chain:${chain}`;

const HEALTH_LEVELS = [
  { level: 3, name: 'emergency', type: 'health_factor_emergency' },
  { level: 2, name: 'critical', type: 'health_factor_critical' },
  { level: 1, name: 'warning', type: 'health_factor_warning' },
] as const;

/**
 * Spec 6.4 / Q11: the highest health level whose health-factor or margin-fraction threshold the
 * position is below, or null when it is above all (or its figures are unusable). Thresholds are
 * compared as decimals, never floats.
 */
export function healthAlert(position: BotPositionSummary, rules: AlertRules): AlertCandidate | null {
  const hf = decimalOf(position.asgard_hf);
  const mf = decimalOf(position.hyperliquid_mf);
  if (!hf && !mf) return null;
  for (const [i, { level, name, type }] of HEALTH_LEVELS.entries()) {
    const rule = rules.health[name];
    const byHealthFactor = !!hf?.lessThan(rule.health_factor_below);
    const byMarginFraction = !!mf?.lessThan(rule.margin_fraction_below);
    if (!byHealthFactor && !byMarginFraction) continue;
    if (!rules.enabled[type]) return null;
    // The escalation path: the next level up, if any (spec 6.3 "Escalates to CRITICAL at").
    const next = i > 0 ? HEALTH_LEVELS[i - 1] : undefined;
    return candidate(type, rule.throttle_seconds, {
      metricKey: healthKey(position.position_id),
      level,
      position,
      facts: {
        health_factor: position.asgard_hf,
        margin_fraction: position.hyperliquid_mf,
        trigger: byHealthFactor ? 'health_factor' : 'margin_fraction',
        health_factor_below: rule.health_factor_below,
        margin_fraction_below: rule.margin_fraction_below,
        escalates_to: next?.name ?? null,
        escalates_at_health_factor: next ? rules.health[next.name].health_factor_below : null,
        escalates_at_margin_fraction: next ? rules.health[next.name].margin_fraction_below : null,
        leverage: position.leverage,
        deployed_usd: position.deployed_usd,
        total_pnl_usd: position.total_pnl_usd,
      },
    });
  }
  return null;
}

/** |delta_ratio| above the rule (0.005 = 0.5%): the hedge no longer matches the long. */
export function deltaDriftAlert(position: BotPositionSummary, rules: AlertRules): AlertCandidate | null {
  const ratio = decimalOf(position.delta_ratio);
  if (!ratio || !ratio.abs().greaterThan(rules.delta_drift_above) || !rules.enabled.delta_drift) return null;
  return candidate('delta_drift', rules.throttle_seconds.delta_drift, {
    metricKey: deltaKey(position.position_id),
    level: 1,
    position,
    facts: { delta: position.delta, delta_ratio: position.delta_ratio, delta_ratio_above: rules.delta_drift_above },
  });
}

/**
 * An asset whose Hyperliquid funding turned positive (shorts now pay, the strategy's income
 * stops), with the positions held in it. Nothing on the first reading (no "previous").
 */
export function fundingFlipAlerts(
  previous: readonly BotFundingRate[] | null,
  current: readonly BotFundingRate[],
  positions: readonly BotPositionSummary[],
  rules: AlertRules,
): AlertCandidate[] {
  if (!previous || !rules.enabled.funding_flip) return [];
  const before = new Map(previous.map((rate) => [rate.asset, decimalOf(rate.hyperliquid_funding_rate)]));
  const flips: AlertCandidate[] = [];
  for (const rate of current) {
    const was = before.get(rate.asset);
    const now = decimalOf(rate.hyperliquid_funding_rate);
    if (!was || !now || was.greaterThan(0) || !now.greaterThan(0)) continue;
    const held = positions.filter((p) => p.asset === rate.asset && p.status === 'open').map((p) => p.position_id);
    flips.push(
      candidate('funding_flip', rules.throttle_seconds.funding_flip, {
        metricKey: fundingKey(rate.asset),
        level: 1,
        asset: rate.asset,
        facts: {
          previous_rate: previous.find((r) => r.asset === rate.asset)?.hyperliquid_funding_rate ?? null,
          current_rate: rate.hyperliquid_funding_rate,
          net_apy: rate.net_apy,
          position_ids: held.join(', ') || null,
        },
      }),
    );
  }
  return flips;
}

/** Breaker types whose own alert type says more than "circuit_breaker". */
const BREAKER_ALERT: Partial<Record<BreakerType, AlertType>> = { lst_depeg: 'lst_depeg', chain_outage: 'chain_outage' };

/** A circuit breaker the bot reports active that was not active at the previous reading. */
export function breakerAlerts(previous: BotPauseState | null, current: BotPauseState, rules: AlertRules): AlertCandidate[] {
  const before = new Set(previous?.active_breakers ?? []);
  const alerts: AlertCandidate[] = [];
  for (const breaker of current.active_breakers) {
    if (before.has(breaker)) continue;
    const type = BREAKER_ALERT[breaker] ?? 'circuit_breaker';
    if (!rules.enabled[type]) continue;
    alerts.push(
      candidate(type, rules.throttle_seconds[type as keyof AlertRules['throttle_seconds']], {
        metricKey: breakerKey(breaker),
        level: 1,
        facts: {
          breaker_type: breaker,
          reason: current.reason ?? null,
          scope: current.scope,
          paused: current.paused,
          paused_at: current.paused_at ?? null,
        },
      }),
    );
  }
  return alerts;
}

/**
 * A chain the bot reports disconnected (its chain-status extension): one alert per chain, repeated
 * at most every throttle interval while it stays down. `up` lists the chains connected now.
 */
export function chainOutageAlerts(chains: BotChains, rules: AlertRules): { down: AlertCandidate[]; up: string[] } {
  const down: AlertCandidate[] = [];
  const up: string[] = [];
  for (const [chain, status] of Object.entries(chains) as Array<
    [string, { connected?: boolean; block_height?: number | null } | undefined]
  >) {
    if (status?.connected === true) up.push(chain);
    if (status?.connected !== false || !rules.enabled.chain_outage) continue;
    down.push(
      candidate('chain_outage', rules.throttle_seconds.chain_outage, {
        metricKey: chainKey(chain),
        level: 1,
        facts: {
          breaker_type: 'chain_outage',
          chain,
          reason: `${chain} unreachable (reported by the bot)`,
          scope: null,
          paused: null,
          block_height: status.block_height ?? null,
        },
      }),
    );
  }
  return { down, up };
}

/**
 * Spec 6.3 daily_pnl for one UTC day: realized PnL and win rate from the trades closed that day,
 * unrealized from the positions open now, summed exactly. win_rate is null without trades.
 */
export function dailyPnlFacts(
  date: string,
  trades: ReadonlyArray<{ total_pnl_usd: string }>,
  open: readonly BotPositionSummary[],
): AlertCandidate['facts'] {
  const realized = sumDecimals(trades.map((t) => t.total_pnl_usd));
  const unrealized = sumDecimals(open.map((p) => p.total_pnl_usd));
  const wins = trades.filter((t) => new Decimal(t.total_pnl_usd).greaterThan(0)).length;
  return {
    date,
    realized_pnl: realized,
    unrealized_pnl: unrealized,
    total_pnl: sumDecimals([realized, unrealized]),
    win_rate: trades.length ? new Decimal(wins).dividedBy(trades.length).toDecimalPlaces(4).toFixed() : null,
    total_trades: trades.length,
  };
}

/** Breakers active before and not any more: their metric keys' episodes are over. */
export function clearedBreakers(previous: BotPauseState | null, current: BotPauseState): BreakerType[] {
  const now = new Set(current.active_breakers);
  return (previous?.active_breakers ?? []).filter((breaker) => !now.has(breaker));
}

function candidate(
  type: AlertType,
  throttleSeconds: number,
  what: { metricKey: string; level: number; position?: BotPositionSummary; asset?: string; facts: AlertCandidate['facts'] },
): AlertCandidate {
  return {
    type,
    severity: ALERT_SEVERITY_OF[type],
    metricKey: what.metricKey,
    level: what.level,
    throttleMs: throttleSeconds * 1000,
    positionId: what.position?.position_id ?? null,
    asset: what.position?.asset ?? what.asset ?? null,
    facts: what.facts,
  };
}

/** A decimal string as a Decimal, or null if it is not one (bot figures are untrusted input). */
function decimalOf(value: string | null | undefined): Decimal | null {
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) return null;
  return new Decimal(value);
}
