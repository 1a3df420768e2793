import { describe, expect, it } from 'vitest';
import type { BotPauseState, BotPositionSummary, BotStats, DomainEvent } from '@dnb/contracts';
import { botPosition } from '../../testing/bot-fixtures';
import { diffLifecycle, diffPauseState, diffPositions, diffStats, type SeenPosition } from './bridge-diff';

const T0 = '2026-11-21T10:00:00.000Z';
const T1 = '2026-11-21T10:00:01.000Z';

const position = botPosition;

const byId = (...positions: BotPositionSummary[]) => Object.fromEntries(positions.map((p) => [p.position_id, p]));
const seen = (...positions: BotPositionSummary[]) =>
  new Map<string, SeenPosition>(positions.map((p) => [p.position_id, { position: p, seenAt: T0 }]));
const types = (events: DomainEvent[]) => events.map((e) => e.type);

describe('diffPositions', () => {
  it('takes the first poll as the baseline and publishes nothing for it', () => {
    const diff = diffPositions(null, byId(position('a'), position('b')), 'running', T1);
    expect(diff.events).toEqual([]);
    expect([...diff.known.keys()]).toEqual(['a', 'b']);
  });

  it('publishes position_opened with the full position for an id it has not seen', () => {
    const b = position('b', { asset: 'INF' });
    const diff = diffPositions(seen(position('a')), byId(position('a'), b), 'running', T1);
    expect(diff.events).toEqual([{ type: 'position_opened', timestamp: T1, payload: { position: b, recovered: false } }]);
  });

  it('publishes position_update with only the fields that changed, plus the id', () => {
    const before = position('a');
    const after = position('a', { total_pnl_usd: '46.10', asgard_hf: '0.27', hold_duration_hours: 10.5 });
    const diff = diffPositions(seen(before), byId(after), 'running', T1);
    expect(diff.events).toEqual([
      {
        type: 'position_update',
        timestamp: T1,
        payload: { position_id: 'a', changes: { total_pnl_usd: '46.10', asgard_hf: '0.27', hold_duration_hours: 10.5 } },
      },
    ]);
  });

  it('treats "45.3" and "45.30" as a change: decimals are compared as sent, not as floats', () => {
    const diff = diffPositions(
      seen(position('a', { total_pnl_usd: '45.30' })),
      byId(position('a', { total_pnl_usd: '45.3' })),
      'running',
      T1,
    );
    expect(diff.events).toHaveLength(1);
  });

  it('publishes nothing for a position that did not change', () => {
    expect(diffPositions(seen(position('a')), byId(position('a')), 'running', T1).events).toEqual([]);
  });

  it('publishes position_closed with the last-seen figures when a running bot no longer reports a position', () => {
    const last = position('a', { total_pnl_usd: '99.99' });
    const diff = diffPositions(seen(last, position('b')), byId(position('b')), 'running', T1);
    expect(diff.events).toEqual([
      { type: 'position_closed', timestamp: T1, payload: { position_id: 'a', last_seen: last, last_seen_at: T0 } },
    ]);
    expect(diff.known.has('a')).toBe(false);
  });

  it.each(['starting', 'recovering', 'shutdown'] as const)('does not close positions that vanish while the bot is %s', (state) => {
    const diff = diffPositions(seen(position('a'), position('b')), {}, state, T1);
    expect(diff.events).toEqual([]);
    expect([...diff.known.keys()]).toEqual(['a', 'b']);
  });

  it('marks positions reappearing during recovery as known, and only closes the ones still missing once running', () => {
    const a = position('a');
    const b = position('b');
    let known = diffPositions(seen(a, b), {}, 'recovering', T1).known;
    const partial = diffPositions(known, byId(a), 'recovering', T1);
    expect(partial.events).toEqual([]);
    known = partial.known;
    const running = diffPositions(known, byId(a), 'running', T1);
    expect(types(running.events)).toEqual(['position_closed']);
    expect(running.events[0]!.payload).toMatchObject({ position_id: 'b' });
  });

  it('flags a position first seen while the bot recovers as recovered', () => {
    const diff = diffPositions(seen(), byId(position('c')), 'recovering', T1);
    expect(diff.events).toEqual([{ type: 'position_opened', timestamp: T1, payload: { position: position('c'), recovered: true } }]);
  });
});

describe('diffPauseState', () => {
  const running: BotPauseState = { paused: false, scope: 'all', reason: null, paused_at: null, paused_by: null, active_breakers: [] };
  const paused: BotPauseState = {
    paused: true,
    scope: 'entry',
    reason: 'alice: maintenance',
    paused_at: T0,
    paused_by: 'alice',
    active_breakers: [],
  };

  it('publishes pause_state_change with the previous and current state when it changed', () => {
    expect(diffPauseState(running, paused, T1)).toEqual({
      type: 'pause_state_change',
      timestamp: T1,
      payload: { previous: running, current: paused },
    });
  });

  it('publishes a change when only the active breakers differ', () => {
    expect(diffPauseState(paused, { ...paused, active_breakers: ['lst_depeg'] }, T1)).toBeDefined();
  });

  it('publishes nothing when the state is the same, or for the first read', () => {
    expect(diffPauseState(paused, { ...paused, active_breakers: [] }, T1)).toBeUndefined();
    expect(diffPauseState(null, paused, T1)).toBeUndefined();
  });
});

describe('diffLifecycle', () => {
  it('publishes bot_state_change from the previous state to the new one, with the reason', () => {
    expect(diffLifecycle('running', 'unavailable', 'bot unreachable', T1)).toEqual({
      type: 'bot_state_change',
      timestamp: T1,
      payload: { previous: 'running', current: 'unavailable', reason: 'bot unreachable' },
    });
  });

  it('publishes the first observed state (previous null) and nothing while the state holds', () => {
    expect(diffLifecycle(null, 'running', null, T1)?.payload).toEqual({ previous: null, current: 'running', reason: null });
    expect(diffLifecycle('recovering', 'recovering', 'bot is recovering', T1)).toBeUndefined();
  });
});

describe('diffStats', () => {
  const stats: BotStats = {
    uptime_seconds: 10,
    uptime_formatted: '00:00:10',
    opportunities_found: 1,
    positions_opened: 0,
    positions_closed: 0,
    errors_count: 0,
  };

  it('publishes stats_update with the new stats and only the changed fields', () => {
    const next = { ...stats, uptime_seconds: 11, uptime_formatted: '00:00:11' };
    expect(diffStats(stats, next, T1)).toEqual({
      type: 'stats_update',
      timestamp: T1,
      payload: { stats: next, changes: { uptime_seconds: 11, uptime_formatted: '00:00:11' } },
    });
  });

  it('publishes nothing when nothing changed, or for the first read', () => {
    expect(diffStats(stats, { ...stats }, T1)).toBeUndefined();
    expect(diffStats(null, stats, T1)).toBeUndefined();
  });
});
