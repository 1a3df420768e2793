import { describe, expect, it } from 'vitest';
import { applyConfigUpdate, defaultBotConfig } from './bot-config';

describe(applyConfigUpdate.name, () => {
  it('has the spec 3.1 defaults as decimal strings', () => {
    const c = defaultBotConfig();
    expect(c.bot.max_concurrent_positions).toBe(5);
    expect(c.risk).toMatchObject({
      max_leverage: '4.0',
      default_leverage: '3.0',
      health_factor_warning: '0.20',
      margin_fraction_critical: '0.05',
    });
  });

  it('merges a partial update and keeps the rest', () => {
    const r = applyConfigUpdate(defaultBotConfig(), { bot: { max_concurrent_positions: 2 }, risk: { default_leverage: '3.5' } });
    expect(r.ok && r.config.bot.max_concurrent_positions).toBe(2);
    expect(r.ok && r.config.risk.default_leverage).toBe('3.5');
    expect(r.ok && r.config.risk.max_leverage).toBe('4.0');
  });

  it('refuses a default leverage above the max leverage, saying which', () => {
    const r = applyConfigUpdate(defaultBotConfig(), { risk: { default_leverage: '5.0' } });
    expect(r).toEqual({ ok: false, detail: 'risk.default_leverage (5.0) must not exceed risk.max_leverage (4.0)' });
  });

  it.each([
    [{ bot: { poll_interval_seconds: 0 } }, 'config.bot.poll_interval_seconds'],
    [{ bot: { max_concurrent_positions: 1.5 } }, 'config.bot.max_concurrent_positions'],
    [{ risk: { max_leverage: 'four' } }, 'config.risk.max_leverage'],
    [{ risk: { health_factor_critical: '0.30' } }, 'risk.health_factor_critical (0.30) must be below'],
    [{ risk: { min_position_usd: '60000' } }, 'risk.min_position_usd (60000) must not exceed'],
    [{ risk: { margin_fraction_warning: '1.5' } }, 'risk.margin_fraction_warning (1.5) must be between'],
    [{ risk: { max_levrage: '3' } }, 'unknown field(s) max_levrage'],
  ])('refuses %j', (update, detail) => {
    const r = applyConfigUpdate(defaultBotConfig(), update);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.detail).toContain(detail);
  });

  it('coerces a number to its decimal string, as pydantic would', () => {
    const r = applyConfigUpdate(defaultBotConfig(), { risk: { max_leverage: 3.5 } });
    expect(r.ok && r.config.risk.max_leverage).toBe('3.5');
  });
});
