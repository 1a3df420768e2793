import type { BotConfig } from '@dnb/contracts';
import { z } from 'zod';
import { DEC_PATTERN, type Dec, dec } from '../common/decimal';

type BotSection = Required<NonNullable<BotConfig['bot']>>;
type RiskSection = Required<NonNullable<BotConfig['risk']>>;
export interface FullBotConfig {
  bot: BotSection;
  risk: RiskSection;
}

/** Spec 3.1 defaults, as the bot prints them (decimals as strings). */
export function defaultBotConfig(): FullBotConfig {
  return {
    bot: {
      poll_interval_seconds: 30,
      scan_interval_seconds: 60,
      max_concurrent_positions: 5,
      min_opportunity_apy: '0.01',
      enable_auto_exit: true,
      enable_circuit_breakers: true,
    },
    risk: {
      max_leverage: '4.0',
      default_leverage: '3.0',
      min_position_usd: '1000',
      max_position_usd: '50000',
      health_factor_warning: '0.20',
      health_factor_critical: '0.10',
      margin_fraction_warning: '0.10',
      margin_fraction_critical: '0.05',
    },
  };
}

/** Like pydantic's Decimal: a decimal string, or a number coerced to its decimal text. */
const decField = z.union([
  z.string().regex(DEC_PATTERN, 'expected a decimal string such as "3.0"'),
  z
    .number()
    .refine(Number.isFinite, 'expected a finite number')
    .transform((n) => dec(n).toFixed()),
]);

const updateSchema = z
  .object({
    bot: z
      .object({
        poll_interval_seconds: z.number().int().min(1).max(3600),
        scan_interval_seconds: z.number().int().min(1).max(86_400),
        max_concurrent_positions: z.number().int().min(0).max(50),
        min_opportunity_apy: decField,
        enable_auto_exit: z.boolean(),
        enable_circuit_breakers: z.boolean(),
      })
      .partial()
      .strict(),
    risk: z
      .object({
        max_leverage: decField,
        default_leverage: decField,
        min_position_usd: decField,
        max_position_usd: decField,
        health_factor_warning: decField,
        health_factor_critical: decField,
        margin_fraction_warning: decField,
        margin_fraction_critical: decField,
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export type ConfigResult = { ok: true; config: FullBotConfig } | { ok: false; detail: string };

/**
 * Merges an update into the current config and validates the result as a whole.
 * Unknown keys are refused (a typo in a risk limit must not pass silently).
 */
export function applyConfigUpdate(current: FullBotConfig, update: unknown): ConfigResult {
  const parsed = updateSchema.safeParse(update);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = ['config', ...issue.path.map(String)].join('.');
    const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
    return { ok: false, detail: `${where}: ${message}` };
  }
  const next: FullBotConfig = {
    bot: { ...current.bot, ...parsed.data.bot },
    risk: { ...current.risk, ...parsed.data.risk },
  };
  const problem = crossCheck(next);
  return problem ? { ok: false, detail: problem } : { ok: true, config: next };
}

function crossCheck(c: FullBotConfig): string | undefined {
  const r = Object.fromEntries(Object.entries(c.risk).map(([k, v]) => [k, dec(v)])) as Record<keyof RiskSection, Dec>;
  const between = (name: keyof RiskSection, lo: number, hi: number) =>
    r[name].lessThanOrEqualTo(lo) || r[name].greaterThanOrEqualTo(hi)
      ? `risk.${name} (${c.risk[name]}) must be between ${lo} and ${hi} exclusive`
      : undefined;
  return (
    (r.max_leverage.lessThan(1) || r.max_leverage.greaterThan(10)
      ? `risk.max_leverage (${c.risk.max_leverage}) must be between 1 and 10`
      : undefined) ??
    (r.default_leverage.lessThan(1) ? `risk.default_leverage (${c.risk.default_leverage}) must be at least 1` : undefined) ??
    (r.default_leverage.greaterThan(r.max_leverage)
      ? `risk.default_leverage (${c.risk.default_leverage}) must not exceed risk.max_leverage (${c.risk.max_leverage})`
      : undefined) ??
    (r.min_position_usd.lessThanOrEqualTo(0) ? `risk.min_position_usd (${c.risk.min_position_usd}) must be positive` : undefined) ??
    (r.min_position_usd.greaterThan(r.max_position_usd)
      ? `risk.min_position_usd (${c.risk.min_position_usd}) must not exceed risk.max_position_usd (${c.risk.max_position_usd})`
      : undefined) ??
    between('health_factor_warning', 0, 1) ??
    between('health_factor_critical', 0, 1) ??
    between('margin_fraction_warning', 0, 1) ??
    between('margin_fraction_critical', 0, 1) ??
    (r.health_factor_critical.greaterThanOrEqualTo(r.health_factor_warning)
      ? `risk.health_factor_critical (${c.risk.health_factor_critical}) must be below risk.health_factor_warning (${c.risk.health_factor_warning})`
      : undefined) ??
    (r.margin_fraction_critical.greaterThanOrEqualTo(r.margin_fraction_warning)
      ? `risk.margin_fraction_critical (${c.risk.margin_fraction_critical}) must be below risk.margin_fraction_warning (${c.risk.margin_fraction_warning})`
      : undefined) ??
    (dec(c.bot.min_opportunity_apy).lessThanOrEqualTo(-1)
      ? `bot.min_opportunity_apy (${c.bot.min_opportunity_apy}) must be above -1`
      : undefined)
  );
}

/** Typed read access for the model, so it never parses strings in its hot path by hand. */
export class BotSettings {
  constructor(private config: FullBotConfig) {}

  get wire(): FullBotConfig {
    return structuredClone(this.config);
  }

  replace(config: FullBotConfig): void {
    this.config = config;
  }

  get pollMs(): number {
    return this.config.bot.poll_interval_seconds * 1000;
  }
  get scanMs(): number {
    return this.config.bot.scan_interval_seconds * 1000;
  }
  get maxConcurrent(): number {
    return this.config.bot.max_concurrent_positions;
  }
  get minApy(): Dec {
    return dec(this.config.bot.min_opportunity_apy);
  }
  get autoExit(): boolean {
    return this.config.bot.enable_auto_exit;
  }
  get breakersEnabled(): boolean {
    return this.config.bot.enable_circuit_breakers;
  }
  get maxLeverage(): Dec {
    return dec(this.config.risk.max_leverage);
  }
  get defaultLeverage(): Dec {
    return dec(this.config.risk.default_leverage);
  }
  get minPositionUsd(): Dec {
    return dec(this.config.risk.min_position_usd);
  }
  get maxPositionUsd(): Dec {
    return dec(this.config.risk.max_position_usd);
  }
  get hfWarning(): Dec {
    return dec(this.config.risk.health_factor_warning);
  }
  get hfCritical(): Dec {
    return dec(this.config.risk.health_factor_critical);
  }
  get mfWarning(): Dec {
    return dec(this.config.risk.margin_fraction_warning);
  }
  get mfCritical(): Dec {
    return dec(this.config.risk.margin_fraction_critical);
  }
}
