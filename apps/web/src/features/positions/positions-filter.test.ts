import { describe, expect, it } from 'vitest';
import { position } from '@/testing/fixtures';
import { DEFAULT_FILTER, filterFromParams, filterPositions, filterToParams } from './positions-filter';

const list = [
  position({ position_id: 'pos_a', asset: 'SOL', total_pnl_usd: '9.50', asgard_hf: '0.30', opened_at: '2026-12-01T00:00:00Z' }),
  position({ position_id: 'pos_b', asset: 'jitoSOL', total_pnl_usd: '10.00', asgard_hf: '0.12', opened_at: '2026-12-03T00:00:00Z' }),
  position({ position_id: 'pos_c', asset: 'INF', total_pnl_usd: '-100', status: 'closing', opened_at: '2026-12-02T00:00:00Z' }),
];
const ids = (l: { position_id: string }[]) => l.map((p) => p.position_id);

describe('filterPositions', () => {
  it('sorts decimals by value, not as text ("10.00" > "9.50")', () => {
    expect(ids(filterPositions(list, { ...DEFAULT_FILTER, sort: 'total_pnl_usd', direction: 'desc' }))).toEqual([
      'pos_b',
      'pos_a',
      'pos_c',
    ]);
    expect(ids(filterPositions(list, { ...DEFAULT_FILTER, sort: 'total_pnl_usd', direction: 'asc' }))).toEqual(['pos_c', 'pos_a', 'pos_b']);
  });

  it('defaults to the newest first', () => {
    expect(ids(filterPositions(list, DEFAULT_FILTER))).toEqual(['pos_b', 'pos_c', 'pos_a']);
  });

  it('searches id and asset, and filters by asset, status and health', () => {
    expect(ids(filterPositions(list, { ...DEFAULT_FILTER, search: 'JITO' }))).toEqual(['pos_b']);
    expect(ids(filterPositions(list, { ...DEFAULT_FILTER, search: 'pos_c' }))).toEqual(['pos_c']);
    expect(ids(filterPositions(list, { ...DEFAULT_FILTER, asset: 'SOL' }))).toEqual(['pos_a']);
    expect(ids(filterPositions(list, { ...DEFAULT_FILTER, status: 'closing' }))).toEqual(['pos_c']);
    expect(ids(filterPositions(list, { ...DEFAULT_FILTER, health: 'attention' }))).toEqual(['pos_b']);
  });

  it('round-trips through the URL and ignores unknown values', () => {
    const filter = { ...DEFAULT_FILTER, search: 'sol', asset: 'SOL', sort: 'asgard_hf' as const, direction: 'asc' as const };
    expect(filterFromParams(filterToParams(filter))).toEqual(filter);
    expect(filterFromParams(new URLSearchParams('sort=drop_table&status=gone&dir=up'))).toEqual(DEFAULT_FILTER);
  });
});
