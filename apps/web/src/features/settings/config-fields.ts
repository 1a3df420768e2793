import type { Schema } from '@/lib/api-types';
import { toDecimal } from '@/lib/format';

export type BotConfig = Schema<'ConfigDto'>;
export type ConfigChange = Schema<'ConfigChangeDto'>;
type Value = string | number | boolean;

export interface ConfigField {
  section: 'bot' | 'risk';
  key: string;
  label: string;
  kind: 'int' | 'decimal' | 'bool';
  hint?: string;
}

/** The fields of the bot's configuration the form edits (the API's ConfigDto), in display order. */
export const CONFIG_FIELDS: readonly ConfigField[] = [
  { section: 'risk', key: 'max_leverage', label: 'Max leverage', kind: 'decimal', hint: '1 to 10' },
  { section: 'risk', key: 'default_leverage', label: 'Default leverage', kind: 'decimal', hint: 'At most the max leverage' },
  { section: 'risk', key: 'min_position_usd', label: 'Min position (USD)', kind: 'decimal' },
  { section: 'risk', key: 'max_position_usd', label: 'Max position (USD)', kind: 'decimal' },
  { section: 'risk', key: 'health_factor_warning', label: 'Health factor warning', kind: 'decimal', hint: 'Fraction: 0.20 means 20%' },
  { section: 'risk', key: 'health_factor_critical', label: 'Health factor critical', kind: 'decimal', hint: 'Below the warning level' },
  { section: 'risk', key: 'margin_fraction_warning', label: 'Margin fraction warning', kind: 'decimal', hint: 'Fraction: 0.10 means 10%' },
  { section: 'risk', key: 'margin_fraction_critical', label: 'Margin fraction critical', kind: 'decimal', hint: 'Below the warning level' },
  { section: 'bot', key: 'min_opportunity_apy', label: 'Min opportunity APY', kind: 'decimal', hint: 'Annualised fraction: 0.01 means 1%' },
  { section: 'bot', key: 'max_concurrent_positions', label: 'Max concurrent positions', kind: 'int', hint: '0 to 100' },
  { section: 'bot', key: 'poll_interval_seconds', label: 'Poll interval (s)', kind: 'int' },
  { section: 'bot', key: 'scan_interval_seconds', label: 'Scan interval (s)', kind: 'int' },
  { section: 'bot', key: 'enable_auto_exit', label: 'Auto exit', kind: 'bool' },
  { section: 'bot', key: 'enable_circuit_breakers', label: 'Circuit breakers', kind: 'bool' },
];

export const fieldPath = (field: ConfigField) => `${field.section}.${field.key}`;

/** The form's value for a field: text for numbers (as typed), boolean for switches. */
export type ConfigDraft = Record<string, string | boolean>;

function read(config: BotConfig, field: ConfigField): Value | undefined {
  return (config[field.section] as Record<string, Value> | undefined)?.[field.key];
}

export function draftFromConfig(config: BotConfig): ConfigDraft {
  const draft: ConfigDraft = {};
  for (const field of CONFIG_FIELDS) {
    const value = read(config, field);
    if (value === undefined) continue;
    draft[fieldPath(field)] = field.kind === 'bool' ? Boolean(value) : String(value);
  }
  return draft;
}

/** What the API gets for a field: integers as numbers, decimals as the exact string typed. */
function wireValue(field: ConfigField, value: string | boolean): Value {
  if (field.kind === 'bool') return Boolean(value);
  const text = String(value).trim();
  if (field.kind === 'int') return /^-?\d+$/.test(text) ? Number(text) : text;
  return text;
}

/** Same for the bot: "4.0" and "4" are one leverage (the API compares decimals the same way). */
function same(field: ConfigField, before: Value | undefined, after: Value): boolean {
  if (field.kind === 'decimal') {
    const a = toDecimal(before as string | undefined);
    const b = toDecimal(after as string);
    if (a && b) return a.eq(b);
  }
  return before === after;
}

/** Field by field, old -> new, of what the form would change: the preview shown before saving. */
export function previewChanges(config: BotConfig, draft: ConfigDraft): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const field of CONFIG_FIELDS) {
    const path = fieldPath(field);
    if (!(path in draft)) continue;
    const before = read(config, field);
    const after = wireValue(field, draft[path]!);
    if (!same(field, before, after)) changes.push({ path, before: before ?? null, after });
  }
  return changes;
}

/** The PUT body's config: only the changed fields (the rest stays as the bot has it). */
export function patchOf(changes: readonly ConfigChange[]): BotConfig {
  const patch: Record<string, Record<string, Value>> = {};
  for (const change of changes) {
    const [section, key] = change.path.split('.') as [string, string];
    // A change the form makes always has a value; only the bot's own diff can say "absent".
    if (change.after !== null) (patch[section] ??= {})[key] = change.after;
  }
  return patch as BotConfig;
}

/** null (absent) and booleans read as words in the preview. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '(not set)';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}
