import { describe, expect, it } from 'vitest';
import type { BotPositionSummary } from '@dnb/contracts';
import { parseSort, selectPositions, summarise } from './positions-query';

function p(id: string, o: Partial<BotPositionSummary>): BotPositionSummary {
  return {
    position_id: id,
    asset: 'SOL',
    status: 'open',
    leverage: '3.0',
    deployed_usd: '1000.00',
    long_value_usd: '3000.00',
    short_value_usd: '3000.00',
    delta: '0.00',
    delta_ratio: '0.0000',
    asgard_hf: '0.30',
    hyperliquid_mf: '0.33',
    total_pnl_usd: '0.00',
    funding_pnl_usd: '0.00',
    opened_at: '2026-11-21T00:00:00.000Z',
    hold_duration_hours: 1,
    ...o,
  };
}

const list = [
  p('a', { total_pnl_usd: '9.99', asset: 'SOL', opened_at: '2026-11-20T00:00:00.000Z' }),
  p('b', { total_pnl_usd: '10.00', asset: 'INF', status: 'closing', opened_at: '2026-11-21T00:00:00.000Z' }),
  p('c', { total_pnl_usd: '-100.5', asset: 'SOL', opened_at: '2026-11-19T00:00:00.000Z' }),
];

describe('positions query', () => {
  it('sorts decimals by value, not as text ("10.00" > "9.99")', () => {
    expect(selectPositions(list, { sort: 'total_pnl_usd:desc' }).map((x) => x.position_id)).toEqual(['b', 'a', 'c']);
    expect(selectPositions(list, { sort: 'total_pnl_usd' }).map((x) => x.position_id)).toEqual(['c', 'a', 'b']);
  });

  it('lists the newest first by default', () => {
    expect(selectPositions(list, {}).map((x) => x.position_id)).toEqual(['b', 'a', 'c']);
  });

  it('filters by status and by asset', () => {
    expect(selectPositions(list, { status: 'closing' }).map((x) => x.position_id)).toEqual(['b']);
    expect(selectPositions(list, { asset: 'SOL', sort: 'position_id:asc' }).map((x) => x.position_id)).toEqual(['a', 'c']);
  });

  it('refuses a sort on an unknown field', () => {
    expect(() => parseSort('secret:desc')).toThrow(RangeError);
    expect(() => parseSort('total_pnl_usd:sideways')).toThrow(RangeError);
  });

  it('summarises counts per status and exact sums as strings', () => {
    expect(summarise(list)).toEqual({
      total_positions: 3,
      open_positions: 2,
      closing_positions: 1,
      closed_positions: 0,
      total_pnl_usd: '-80.51',
      total_deployed_usd: '3000.00',
    });
  });
});
