import { describe, expect, it } from 'vitest';
import { normaliseDatetimes, toUtcIso } from './bot-time';

describe(toUtcIso.name, () => {
  it('reads a naive datetime with microseconds as UTC and writes it with Z', () => {
    expect(toUtcIso('2025-02-04T12:00:00.123456')).toBe('2025-02-04T12:00:00.123Z');
  });

  it('reads a naive datetime without fraction (Python drops zero microseconds) as UTC', () => {
    expect(toUtcIso('2025-02-04T12:00:00')).toBe('2025-02-04T12:00:00.000Z');
  });

  it('drops sub-millisecond digits instead of rounding into the next second', () => {
    expect(toUtcIso('2025-02-04T23:59:59.999999')).toBe('2025-02-04T23:59:59.999Z');
  });

  it('converts an explicit offset to UTC, across a day boundary', () => {
    expect(toUtcIso('2025-02-05T01:30:00+02:00')).toBe('2025-02-04T23:30:00.000Z');
    expect(toUtcIso('2025-02-04T20:00:00-05:00')).toBe('2025-02-05T01:00:00.000Z');
  });

  it('keeps a datetime already in UTC', () => {
    expect(toUtcIso('2025-02-04T12:00:00Z')).toBe('2025-02-04T12:00:00.000Z');
  });

  it('refuses what is not a real datetime', () => {
    expect(toUtcIso('2025-02-30T12:00:00')).toBeUndefined();
    expect(toUtcIso('2025-02-04 12:00:00')).toBeUndefined();
    expect(toUtcIso('yesterday')).toBeUndefined();
    expect(toUtcIso('2025-02-04T25:00:00')).toBeUndefined();
  });
});

describe(normaliseDatetimes.name, () => {
  it('converts datetimes under known keys at any depth and leaves everything else as it is', () => {
    const answer = {
      timestamp: '2025-02-04T12:00:00.5',
      rates: [{ asset: 'SOL', net_apy: '0.1200' }],
      circuit_breakers: [{ triggered_at: '2025-02-04T08:30:00', reason: '2025-02-04T08:30:00', resolved_at: null }],
    };
    expect(normaliseDatetimes(answer)).toEqual({
      timestamp: '2025-02-04T12:00:00.500Z',
      rates: [{ asset: 'SOL', net_apy: '0.1200' }],
      circuit_breakers: [{ triggered_at: '2025-02-04T08:30:00.000Z', reason: '2025-02-04T08:30:00', resolved_at: null }],
    });
  });
});
