import { describe, expect, it } from 'vitest';
import { DAY_MS, iso } from './history-resolution';
import { RecentMinutes, type MinuteValues } from './recent-minutes';

const MINUTE = 60_000;
const T0 = Date.parse('2026-12-01T00:00:00.000Z');

/** A database of minutes: value = minutes since T0, for one metric. */
function database(upTo: number, overrides: Record<string, string> = {}) {
  return (from: number, to: number): MinuteValues => {
    const minutes = new Map<string, string>();
    for (let t = from - (from % MINUTE); t < Math.min(to, upTo); t += MINUTE) {
      if (t >= from) minutes.set(iso(t), overrides[iso(t)] ?? String((t - T0) / MINUTE));
    }
    return new Map([['pnl', minutes]]);
  };
}

function readThrough(cache: RecentMinutes, db: (from: number, to: number) => MinuteValues, from: number, to: number) {
  const plan = cache.plan(['pnl'], '', from, to);
  return { asked: plan.read, answer: plan.complete(plan.read ? db(plan.read.from, plan.read.to) : new Map()) };
}

describe('RecentMinutes', () => {
  it('reads only the minutes since the last read of a sliding 24h chart, and answers the same', () => {
    let now = T0 + DAY_MS;
    const cache = new RecentMinutes(() => now);
    const first = readThrough(cache, database(now), now - DAY_MS, now);
    expect(first.asked).toEqual({ from: now - DAY_MS, to: now });
    expect(first.answer.get('pnl')!.size).toBe(1440);

    now += 5 * MINUTE;
    const second = readThrough(cache, database(now), now - DAY_MS, now);
    // Everything older than the late-sample grace was final at the first read.
    expect(second.asked).toEqual({ from: T0 + DAY_MS - 90_000, to: now });
    expect([...second.answer.get('pnl')!]).toEqual([...database(now)(now - DAY_MS, now).get('pnl')!]);
  });

  it('re-reads minutes that were not final yet, so a late sample still shows', () => {
    let now = T0 + DAY_MS;
    const cache = new RecentMinutes(() => now);
    readThrough(cache, database(now - MINUTE), now - DAY_MS, now);
    now += 30_000;
    const late = iso(now - 30_000 - MINUTE);
    const { answer } = readThrough(cache, database(now, { [late]: 'late' }), now - DAY_MS, now);
    expect(answer.get('pnl')!.get(late)).toBe('late');
  });

  it('reads everything for a range that starts before what is kept', () => {
    const now = T0 + 2 * DAY_MS;
    const cache = new RecentMinutes(() => now);
    readThrough(cache, database(now), now - DAY_MS, now);
    const { asked } = readThrough(cache, database(now), now - DAY_MS - 10 * MINUTE, now);
    expect(asked).toEqual({ from: now - DAY_MS - 10 * MINUTE, to: now });
  });

  it('keeps nothing of a range old enough for retention to prune', () => {
    const now = T0 + 30 * DAY_MS;
    const cache = new RecentMinutes(() => now);
    const from = T0;
    readThrough(cache, database(now), from, from + DAY_MS);
    expect(readThrough(cache, database(now), from, from + DAY_MS).asked).toEqual({ from, to: from + DAY_MS });
  });
});
