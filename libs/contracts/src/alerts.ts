/**
 * Alerts (spec 6.1-6.4, Q10, Q11): the types, severities and default rules the API's engine
 * evaluates and the SPA shows. Thresholds are decimal strings, like every figure of the bot.
 */

/** A channel's severity filter and an alert's weight. */
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_TYPES = [
  'funding_flip',
  'health_factor_warning',
  'health_factor_critical',
  'health_factor_emergency',
  'delta_drift',
  'lst_depeg',
  'circuit_breaker',
  'position_liquidation',
  'chain_outage',
  'transaction_failure',
  'heartbeat',
  'daily_pnl',
  // The dead-man's switch: the bot has not answered for BOT_SILENCE_ALERT_S, and its recovery.
  'bot_unreachable',
  'bot_recovered',
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

/** Spec 6.1: each type's severity. */
export const ALERT_SEVERITY_OF: Readonly<Record<AlertType, AlertSeverity>> = {
  funding_flip: 'warning',
  health_factor_warning: 'warning',
  health_factor_critical: 'critical',
  health_factor_emergency: 'critical',
  delta_drift: 'warning',
  lst_depeg: 'critical',
  circuit_breaker: 'critical',
  position_liquidation: 'critical',
  chain_outage: 'critical',
  transaction_failure: 'warning',
  heartbeat: 'info',
  daily_pnl: 'info',
  bot_unreachable: 'critical',
  bot_recovered: 'info',
};

/** One health level: below either threshold (health factor or margin fraction) it applies. */
export interface HealthLevelRule {
  health_factor_below: string;
  margin_fraction_below: string;
  /** Seconds between two alerts of this level for one position; 0: every evaluation (no throttle). */
  throttle_seconds: number;
}

/** The rules an operator may tune (PUT /api/v1/alerts/config, operator+). */
export interface AlertRules {
  /** Types switched off here are neither stored nor sent. */
  enabled: Readonly<Record<AlertType, boolean>>;
  health: {
    warning: HealthLevelRule;
    critical: HealthLevelRule;
    emergency: HealthLevelRule;
  };
  /** |delta_ratio| above this (0.005 = 0.5%). */
  delta_drift_above: string;
  /** Per-type throttles in seconds for the types without levels; 0: no throttle. */
  throttle_seconds: Readonly<
    Record<
      'funding_flip' | 'delta_drift' | 'lst_depeg' | 'circuit_breaker' | 'position_liquidation' | 'chain_outage' | 'transaction_failure',
      number
    >
  >;
}

/** Spec 6.1 as shipped. */
export const DEFAULT_ALERT_RULES: AlertRules = {
  enabled: Object.fromEntries(ALERT_TYPES.map((type) => [type, true])) as Record<AlertType, boolean>,
  health: {
    warning: { health_factor_below: '0.20', margin_fraction_below: '0.10', throttle_seconds: 300 },
    critical: { health_factor_below: '0.15', margin_fraction_below: '0.08', throttle_seconds: 60 },
    emergency: { health_factor_below: '0.10', margin_fraction_below: '0.05', throttle_seconds: 0 },
  },
  delta_drift_above: '0.005',
  throttle_seconds: {
    funding_flip: 300,
    delta_drift: 300,
    lst_depeg: 0,
    circuit_breaker: 0,
    position_liquidation: 0,
    chain_outage: 60,
    transaction_failure: 300,
  },
};
