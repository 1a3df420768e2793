import Decimal from 'decimal.js';
import type { Tone } from '@/components/ui/status-badge';
import { toDecimal, type DecimalInput } from './format';

/**
 * Health of a position's legs, with the default alert thresholds (spec 6.4: health factor below
 * 0.20 / 0.15 / 0.10, margin fraction below 0.10 / 0.08 / 0.05 are warning / critical /
 * emergency). Shown as a word and an icon as well as a colour.
 */
export type HealthLevel = 'ok' | 'warning' | 'critical' | 'emergency' | 'unknown';

const HF_LEVELS = [
  { level: 'emergency', below: new Decimal('0.10') },
  { level: 'critical', below: new Decimal('0.15') },
  { level: 'warning', below: new Decimal('0.20') },
] as const;
const MF_LEVELS = [
  { level: 'emergency', below: new Decimal('0.05') },
  { level: 'critical', below: new Decimal('0.08') },
  { level: 'warning', below: new Decimal('0.10') },
] as const;

function levelOf(value: DecimalInput, levels: typeof HF_LEVELS | typeof MF_LEVELS): HealthLevel {
  const d = toDecimal(value);
  if (!d) return 'unknown';
  for (const { level, below } of levels) if (d.lessThan(below)) return level;
  return 'ok';
}

export const healthFactorLevel = (hf: DecimalInput) => levelOf(hf, HF_LEVELS);
export const marginFractionLevel = (mf: DecimalInput) => levelOf(mf, MF_LEVELS);

const RANK: Record<HealthLevel, number> = { unknown: -1, ok: 0, warning: 1, critical: 2, emergency: 3 };

/** The worse of two levels (a position is as healthy as its weaker leg). */
export function worstLevel(...levels: HealthLevel[]): HealthLevel {
  return levels.reduce((worst, level) => (RANK[level] > RANK[worst] ? level : worst), 'unknown' as HealthLevel);
}

export const healthPresentation: Record<HealthLevel, { tone: Tone; label: string }> = {
  ok: { tone: 'success', label: 'Healthy' },
  warning: { tone: 'warning', label: 'Warning' },
  critical: { tone: 'danger', label: 'Critical' },
  emergency: { tone: 'danger', label: 'Emergency' },
  unknown: { tone: 'neutral', label: 'Unknown' },
};

export function positionHealth(position: { asgard_hf: DecimalInput; hyperliquid_mf: DecimalInput }): HealthLevel {
  return worstLevel(healthFactorLevel(position.asgard_hf), marginFractionLevel(position.hyperliquid_mf));
}
