import Decimal from 'decimal.js';
import type { BotConfig, FieldError } from '@dnb/contracts';

/**
 * The limits a configuration must respect before it is sent to the bot (the bot checks too,
 * but an operator should hear "why" from us, field by field, and nothing half-valid is sent).
 */
export function configProblems(config: BotConfig): FieldError[] {
  const problems: FieldError[] = [];
  const risk = config.risk ?? {};
  const bot = config.bot ?? {};
  const d = (v: string | undefined) => (v === undefined ? undefined : new Decimal(v));
  const add = (field: string, message: string) => problems.push({ field, messages: [message] });

  const maxLeverage = d(risk.max_leverage);
  const defaultLeverage = d(risk.default_leverage);
  if (maxLeverage && (maxLeverage.lt(1) || maxLeverage.gt(10))) add('config.risk.max_leverage', 'must be between 1 and 10');
  if (defaultLeverage && defaultLeverage.lt(1)) add('config.risk.default_leverage', 'must be at least 1');
  if (maxLeverage && defaultLeverage && defaultLeverage.gt(maxLeverage)) {
    add('config.risk.default_leverage', `must not exceed max_leverage (${risk.max_leverage})`);
  }
  const minUsd = d(risk.min_position_usd);
  const maxUsd = d(risk.max_position_usd);
  if (minUsd && minUsd.lte(0)) add('config.risk.min_position_usd', 'must be greater than 0');
  if (minUsd && maxUsd && minUsd.gt(maxUsd))
    add('config.risk.min_position_usd', `must not exceed max_position_usd (${risk.max_position_usd})`);
  for (const [warning, critical] of [
    ['health_factor_warning', 'health_factor_critical'],
    ['margin_fraction_warning', 'margin_fraction_critical'],
  ] as const) {
    const w = d(risk[warning]);
    const c = d(risk[critical]);
    for (const [name, value] of [
      [warning, w],
      [critical, c],
    ] as const) {
      if (value && (value.lte(0) || value.gte(1))) add(`config.risk.${name}`, 'must be a fraction between 0 and 1 (0.10 means 10%)');
    }
    if (w && c && c.gte(w)) add(`config.risk.${critical}`, `must be below ${warning} (${risk[warning]})`);
  }
  const apy = d(bot.min_opportunity_apy);
  if (apy && apy.lt(0)) add('config.bot.min_opportunity_apy', 'must not be negative');
  return problems;
}
