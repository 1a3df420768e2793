import Decimal from 'decimal.js';
import { ExactDecimal } from '../positions/decimal-sum';
import type { AlertSeverity, AlertType } from '@dnb/contracts';

/** A stored alert, as the messages are written from it. */
export interface AlertForMessage {
  id: string;
  type: AlertType;
  severity: AlertSeverity;
  positionId: string | null;
  asset: string | null;
  facts: Readonly<Record<string, string | number | boolean | null>>;
  /** When the engine raised it, epoch ms. */
  createdAt: number;
  /** Sent again because nobody acknowledged it in time. */
  escalated?: boolean;
}

/** The words of one alert: a title and labelled lines, shared by every channel's format. */
export interface AlertMessage {
  title: string;
  lines: Array<[label: string, value: string]>;
  /** What the operator should do, if anything. */
  action: string | null;
}

type Facts = AlertForMessage['facts'];

/**
 * Spec 6.3 and Q10: health factors and margin fractions as 0.2500 with (25.0%), never 2500%;
 * liquidation context and the escalation path on every health alert; times in UTC; money from
 * the decimal strings, rounded only here, for people.
 */
export function alertMessage(alert: AlertForMessage): AlertMessage {
  const message = baseMessage(alert);
  return alert.escalated ? { ...message, title: `ESCALATED (not acknowledged): ${message.title}` } : message;
}

function baseMessage(alert: AlertForMessage): AlertMessage {
  const f = alert.facts;
  const where: AlertMessage['lines'] = [];
  if (alert.positionId) where.push(['Position', alert.positionId]);
  if (alert.asset) where.push(['Asset', alert.asset]);
  const time: [string, string] = ['Time', utc(alert.createdAt)];
  switch (alert.type) {
    case 'health_factor_warning':
    case 'health_factor_critical':
    case 'health_factor_emergency': {
      const level = alert.type.slice('health_factor_'.length);
      const lines: AlertMessage['lines'] = [
        ...where,
        ['Health Factor', ratio(f.health_factor)],
        ['Margin Fraction', ratio(f.margin_fraction)],
        [
          'Triggered by',
          f.trigger === 'margin_fraction'
            ? `margin fraction below ${ratio(f.margin_fraction_below)}`
            : `health factor below ${ratio(f.health_factor_below)}`,
        ],
        ['Liquidation at', ratio('0')],
      ];
      if (f.escalates_to) {
        lines.push([
          `Escalates to ${String(f.escalates_to).toUpperCase()} at`,
          `health factor ${ratio(f.escalates_at_health_factor)} or margin fraction ${ratio(f.escalates_at_margin_fraction)}`,
        ]);
      } else {
        lines.push(['Distance to liquidation', `health factor ${ratio(f.health_factor)} above 0`]);
      }
      lines.push(time);
      const titles: Record<string, string> = {
        warning: 'WARNING: Health Factor Declining',
        critical: 'CRITICAL: Health Factor Alert',
        emergency: 'EMERGENCY: Liquidation Imminent',
      };
      const actions: Record<string, string | null> = {
        warning: null,
        critical: 'Monitor closely - prepare to add collateral',
        emergency: 'ACTION REQUIRED: Add collateral or close position',
      };
      return { title: titles[level]!, lines, action: actions[level] ?? null };
    }
    case 'delta_drift':
      return {
        title: 'WARNING: Delta Drift',
        lines: [
          ...where,
          ['Delta ratio', percent(f.delta_ratio, 2)],
          ['Delta', usd(f.delta)],
          ['Limit', percent(f.delta_ratio_above, 2)],
          time,
        ],
        action: 'Check the hedge: the short no longer matches the long',
      };
    case 'funding_flip':
      return {
        title: 'Funding Rate Flip Detected',
        lines: [
          ...where,
          ['Previous', `${percent(f.previous_rate, 4)} per hour`],
          ['Current', `${percent(f.current_rate, 4)} per hour`],
          ['Net APY', percent(f.net_apy, 2)],
          ['Positions', text(f.position_ids) || 'none open'],
          time,
        ],
        action: 'Monitoring for exit opportunity',
      };
    case 'circuit_breaker':
    case 'lst_depeg':
    case 'chain_outage':
      return {
        title:
          alert.type === 'lst_depeg'
            ? 'CRITICAL: LST Depeg'
            : alert.type === 'chain_outage'
              ? 'CRITICAL: Chain Outage'
              : 'Circuit Breaker Triggered',
        lines: [
          ['Type', text(f.breaker_type)],
          ...(f.chain ? ([['Chain', text(f.chain)]] as Array<[string, string]>) : []),
          ['Reason', text(f.reason) || 'not given'],
          ['Scope', text(f.scope) || 'n/a'],
          time,
        ],
        action: f.paused ? 'Bot operations have been paused. Use /resume to restart after investigation.' : null,
      };
    case 'position_liquidation':
      return {
        title: 'CRITICAL: Position Liquidated',
        lines: [...where, ['Reason', text(f.reason)], ['Deployed', usd(f.deployed_usd)], ['Total PnL', usd(f.total_pnl_usd)], time],
        action: 'Review the position and the remaining hedge',
      };
    case 'transaction_failure':
      return {
        title: 'WARNING: Transaction Failed',
        lines: [...where, ['Operation', text(f.operation)], ['Error', text(f.error)], time],
        action: null,
      };
    case 'heartbeat':
      return {
        title: 'Heartbeat',
        lines: [
          ['Bot', text(f.bot_state)],
          ['Open positions', text(f.open_positions)],
          ['Paused', f.paused ? `yes (${text(f.scope)})` : 'no'],
          time,
        ],
        action: null,
      };
    case 'daily_pnl':
      return {
        title: 'Daily PnL Summary',
        lines: [
          ['Date', text(f.date)],
          ['Realized PnL', usd(f.realized_pnl)],
          ['Unrealized PnL', usd(f.unrealized_pnl)],
          ['Total PnL', usd(f.total_pnl)],
          ['Win Rate', percent(f.win_rate, 1)],
          ['Total Trades', text(f.total_trades)],
        ],
        action: null,
      };
    case 'bot_unreachable':
      return {
        title: 'CRITICAL: Trading Bot Not Answering',
        lines: [['Silent since', text(f.silent_since)], ['Last error', text(f.reason) || 'none recorded'], time],
        action: 'The bot may still be trading: check its host now',
      };
    case 'bot_recovered':
      return {
        title: 'Trading Bot Answering Again',
        lines: [['Silent for', text(f.silent_for)], ['State', text(f.bot_state)], time],
        action: null,
      };
  }
}

/** Q10: "0.2500 (25.0%)". */
export function ratio(value: Facts[string]): string {
  const d = decimal(value);
  return d ? `${d.toFixed(4, Decimal.ROUND_HALF_UP)} (${d.times(100).toFixed(1, Decimal.ROUND_HALF_UP)}%)` : 'n/a';
}

/** A fraction as a percentage with the given decimals: 0.00015 -> "0.0150%". */
export function percent(value: Facts[string], decimals: number): string {
  const d = decimal(value);
  return d ? `${d.times(100).toFixed(decimals, Decimal.ROUND_HALF_UP)}%` : 'n/a';
}

/** "$1,234.56" / "-$12.30", rounded half up to the cent. */
export function usd(value: Facts[string]): string {
  const d = decimal(value);
  if (!d) return 'n/a';
  const rounded = d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [whole, cents] = rounded.abs().toFixed(2).split('.');
  return `${rounded.isNegative() && !rounded.isZero() ? '-' : ''}$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** "2026-12-04 14:30:00 UTC". */
export function utc(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function text(value: Facts[string]): string {
  return value === null || value === undefined ? '' : String(value);
}

function decimal(value: Facts[string]): Decimal | null {
  // Exact: a 30-digit amount keeps every digit until it is rounded for display.
  if (typeof value === 'number' && Number.isFinite(value)) return new ExactDecimal(value);
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? new ExactDecimal(value) : null;
}
