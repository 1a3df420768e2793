import Decimal from 'decimal.js';
import type { BotConfig } from '@dnb/contracts';

export interface ConfigChange {
  /** Dotted path, e.g. "risk.max_leverage". */
  path: string;
  before: unknown;
  after: unknown;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Same value for the bot: "4.0" and "4" are one leverage, so decimals compare as numbers. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && DECIMAL.test(a) && DECIMAL.test(b)) return new Decimal(a).eq(b);
  return a === b;
}

/** Field-by-field changes between two configurations (sections bot and risk). */
export function diffConfig(before: BotConfig, after: BotConfig): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const section of ['bot', 'risk'] as const) {
    const left = (before[section] ?? {}) as Record<string, unknown>;
    const right = (after[section] ?? {}) as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
      if (!same(left[key], right[key])) changes.push({ path: `${section}.${key}`, before: left[key] ?? null, after: right[key] ?? null });
    }
  }
  return changes;
}

/** The proposed configuration: the current one with the given fields replaced. */
export function mergeConfig(current: BotConfig, patch: BotConfig): BotConfig {
  return {
    bot: { ...current.bot, ...defined(patch.bot) },
    risk: { ...current.risk, ...defined(patch.risk) },
  };
}

// Validated DTO instances carry every declared field, unset ones as undefined: those mean "keep".
function defined<T extends object>(section: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(section ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}
