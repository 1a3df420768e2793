import { describe, expect, it } from 'vitest';
import { compactDate, formatUptime, naiveIso, parseBotDateTime } from './naive-time';

describe('naive UTC datetimes', () => {
  it('prints microseconds like Python isoformat, without an offset', () => {
    expect(naiveIso(Date.UTC(2025, 1, 4, 12, 0, 0, 123))).toBe('2025-02-04T12:00:00.123000');
  });

  it('omits the fraction when it is zero, as isoformat does', () => {
    expect(naiveIso(Date.UTC(2025, 1, 4, 12, 0, 0, 0))).toBe('2025-02-04T12:00:00');
  });

  it('reads a naive datetime as UTC and honours offsets', () => {
    expect(parseBotDateTime('2025-02-04T12:00:00.123456')).toBe(Date.UTC(2025, 1, 4, 12, 0, 0, 123));
    expect(parseBotDateTime('2025-02-04T12:00:00Z')).toBe(Date.UTC(2025, 1, 4, 12));
    expect(parseBotDateTime('2025-02-04T14:00:00+02:00')).toBe(Date.UTC(2025, 1, 4, 12));
    expect(parseBotDateTime('yesterday')).toBeUndefined();
  });

  it('formats uptime with hours past 24', () => {
    expect(formatUptime(86_400)).toBe('24:00:00');
    expect(formatUptime(100 * 3600 + 61.9)).toBe('100:01:01');
  });

  it('gives the compact date used in position ids', () => {
    expect(compactDate(Date.UTC(2025, 1, 4, 23, 59))).toBe('20250204');
  });
});
