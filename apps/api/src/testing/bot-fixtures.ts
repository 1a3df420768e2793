import type { BotPositionSummary } from '@dnb/contracts';

// Fixtures for unit specs (excluded from the build by apps/api/tsconfig.json).

/** A healthy open SOL position as the bridge holds it (opened_at already UTC Z). */
export function botPosition(id: string, overrides: Partial<BotPositionSummary> = {}): BotPositionSummary {
  return {
    position_id: id,
    asset: 'SOL',
    status: 'open',
    leverage: '3.0',
    deployed_usd: '5000.00',
    long_value_usd: '15000.00',
    short_value_usd: '15000.00',
    delta: '12.50',
    delta_ratio: '0.0008',
    asgard_hf: '0.28',
    hyperliquid_mf: '0.15',
    total_pnl_usd: '45.30',
    funding_pnl_usd: '67.50',
    opened_at: '2026-11-21T00:00:00.000Z',
    hold_duration_hours: 10,
    ...overrides,
  };
}
