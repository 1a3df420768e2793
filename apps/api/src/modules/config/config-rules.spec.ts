import { describe, expect, it } from 'vitest';
import { diffConfig, mergeConfig } from './config-diff';
import { configProblems } from './config-rules';

const base = {
  bot: { poll_interval_seconds: 30, max_concurrent_positions: 5, min_opportunity_apy: '0.01', enable_auto_exit: true },
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

describe(configProblems.name, () => {
  it('accepts the spec’s defaults', () => {
    expect(configProblems(base)).toEqual([]);
  });

  it('refuses a default leverage above the maximum, naming the field', () => {
    const problems = configProblems(mergeConfig(base, { risk: { default_leverage: '4.5' } }));
    expect(problems.map((p) => p.field)).toEqual(['config.risk.default_leverage']);
  });

  it('refuses a critical threshold at or above its warning threshold', () => {
    const problems = configProblems(mergeConfig(base, { risk: { health_factor_critical: '0.20' } }));
    expect(problems.map((p) => p.field)).toContain('config.risk.health_factor_critical');
  });

  it('refuses a health factor given as a percentage instead of a fraction', () => {
    expect(configProblems(mergeConfig(base, { risk: { health_factor_warning: '20' } })).map((p) => p.field)).toContain(
      'config.risk.health_factor_warning',
    );
  });

  it('refuses a minimum position above the maximum', () => {
    expect(configProblems(mergeConfig(base, { risk: { min_position_usd: '60000' } })).map((p) => p.field)).toEqual([
      'config.risk.min_position_usd',
    ]);
  });
});

describe(diffConfig.name, () => {
  it('lists only the fields that changed, with before and after', () => {
    const after = mergeConfig(base, { risk: { max_leverage: '3.5' }, bot: { enable_auto_exit: false } });
    expect(diffConfig(base, after)).toEqual([
      { path: 'bot.enable_auto_exit', before: true, after: false },
      { path: 'risk.max_leverage', before: '4.0', after: '3.5' },
    ]);
  });

  it('keeps fields a patch leaves undefined', () => {
    const merged = mergeConfig(base, { risk: { max_leverage: undefined, default_leverage: '2.0' } });
    expect(merged.risk?.max_leverage).toBe('4.0');
    expect(merged.risk?.default_leverage).toBe('2.0');
  });

  it('treats "4.0" and "4" as the same decimal', () => {
    expect(diffConfig(base, mergeConfig(base, { risk: { max_leverage: '4' } }))).toEqual([]);
  });
});
