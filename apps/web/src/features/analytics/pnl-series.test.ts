import { describe, expect, it } from 'vitest';
import { dailyPnl } from './pnl-series';

const point = (timestamp: string, total: string | null) => ({
  timestamp,
  total_pnl: total,
  funding_pnl: null,
  position_pnl: null,
  realized_pnl: null,
  unrealized_pnl: null,
});

describe(dailyPnl.name, () => {
  it("is each UTC day's last total minus the day before's, exactly (no float drift)", () => {
    const days = dailyPnl([
      point('2026-11-20T10:00:00.000Z', '0.10'),
      point('2026-11-20T23:59:00.000Z', '0.30'),
      point('2026-11-21T00:00:00.000Z', null),
      point('2026-11-21T12:00:00.000Z', '0.20'),
      point('2026-11-22T01:00:00.000Z', '100.00000001'),
    ]);
    expect(days).toEqual([
      { day: '2026-11-20', change: '0.2' },
      { day: '2026-11-21', change: '-0.1' },
      { day: '2026-11-22', change: '99.80000001' },
    ]);
  });

  it('is empty without data', () => {
    expect(dailyPnl([point('2026-11-20T10:00:00.000Z', null)])).toEqual([]);
  });
});
