import { describe, expect, it } from 'vitest';
import type { BotPositionDetail } from '@dnb/contracts';
import { toPauseState, toPositionDetail, toPositions } from './bot-answers';

describe('bot answers', () => {
  it('keeps decimals byte for byte, converts opened_at to UTC Z and drops fields the contract does not name', () => {
    const raw = {
      pos_1: {
        position_id: 'pos_1',
        asset: 'SOL',
        status: 'open',
        leverage: '3.0',
        deployed_usd: '123456789012345678901234567890.123456',
        long_value_usd: '0.10',
        short_value_usd: '-0.0000000000000000000000000001',
        delta: '0',
        delta_ratio: '0.0008',
        asgard_hf: '0.28',
        hyperliquid_mf: '0.15',
        total_pnl_usd: '45.30',
        funding_pnl_usd: '67.50',
        opened_at: '2025-02-04T00:00:00.250000',
        hold_duration_hours: 12.5,
        internal_secret: 'should not leak',
      },
    };
    const out = toPositions(raw as never);
    expect(out.pos_1).not.toHaveProperty('internal_secret');
    expect(out.pos_1!.deployed_usd).toBe('123456789012345678901234567890.123456');
    expect(out.pos_1!.short_value_usd).toBe('-0.0000000000000000000000000001');
    expect(out.pos_1!.opened_at).toBe('2025-02-04T00:00:00.250Z');
  });

  it('keeps only the named fields of each detail section', () => {
    const detail = toPositionDetail({
      position_id: 'p',
      opened_at: '2025-02-04T00:00:00',
      sizing: { deployed_usd: '1.00', _padding: 'x' },
      asgard: {},
      hyperliquid: {},
      pnl: {},
      risk: { health_status: 'healthy' },
    } as unknown as BotPositionDetail);
    expect(detail.sizing).toEqual({ deployed_usd: '1.00' });
    expect(detail.risk).toEqual({ health_status: 'healthy' });
  });

  it('fills the optional pause fields with null and converts paused_at to UTC Z', () => {
    expect(toPauseState({ paused: true, scope: 'entry', paused_at: '2025-02-04T10:00:00', active_breakers: ['manual'] })).toEqual({
      paused: true,
      scope: 'entry',
      reason: null,
      paused_at: '2025-02-04T10:00:00.000Z',
      paused_by: null,
      active_breakers: ['manual'],
    });
  });
});
