import { describe, expect, it } from 'vitest';
import { paused, pnlUpdate, position, snapshot } from '@/testing/fixtures';
import { reduceFeedMessage } from './feed-reducer';

const NOW = 1_000;

describe('reduceFeedMessage', () => {
  it('replaces the state with a snapshot and takes its seq', () => {
    const r = reduceFeedMessage(0, undefined, snapshot(100));
    expect(r.lastSeq).toBe(100);
    expect(r.resync).toBe(false);
    expect(r.state?.positions.pos_1?.total_pnl_usd).toBe('45.30');
    expect(r.state?.seq).toBe(100);
    expect(r.state?.complete).toBe(true);
  });

  it('drops positions a reset snapshot no longer has', () => {
    const first = reduceFeedMessage(0, undefined, snapshot(10, [position(), position({ position_id: 'pos_2' })]));
    const reset = reduceFeedMessage(first.lastSeq, first.state, snapshot(50, [position({ position_id: 'pos_2' })], true));
    expect(Object.keys(reset.state!.positions)).toEqual(['pos_2']);
    expect(reset.lastSeq).toBe(50);
  });

  it('applies the next event and keeps decimal strings as sent', () => {
    const base = reduceFeedMessage(0, undefined, snapshot(100));
    const r = reduceFeedMessage(base.lastSeq, base.state, pnlUpdate(101, '46.20'), NOW);
    expect(r.lastSeq).toBe(101);
    expect(r.state?.positions.pos_1?.total_pnl_usd).toBe('46.20');
    expect(r.applied.map((e) => e.seq)).toEqual([101]);
  });

  it('ignores a duplicate (a seq already applied)', () => {
    const base = reduceFeedMessage(0, undefined, snapshot(100));
    const once = reduceFeedMessage(base.lastSeq, base.state, pnlUpdate(101, '46.20'));
    const again = reduceFeedMessage(once.lastSeq, once.state, pnlUpdate(101, '99.99'));
    expect(again.state).toBe(once.state);
    expect(again.lastSeq).toBe(101);
    expect(again.applied).toEqual([]);
    expect(again.resync).toBe(false);
    const older = reduceFeedMessage(once.lastSeq, once.state, pnlUpdate(90, '1.00'));
    expect(older.state?.positions.pos_1?.total_pnl_usd).toBe('46.20');
  });

  it('asks for a resync on a gap and applies nothing past it', () => {
    const base = reduceFeedMessage(0, undefined, snapshot(100));
    const r = reduceFeedMessage(base.lastSeq, base.state, pnlUpdate(103, '50.00'));
    expect(r.resync).toBe(true);
    expect(r.lastSeq).toBe(100);
    expect(r.state?.positions.pos_1?.total_pnl_usd).toBe('45.30');
  });

  it('applies a batch up to a gap inside it, then asks for a resync', () => {
    const base = reduceFeedMessage(0, undefined, snapshot(100));
    const r = reduceFeedMessage(base.lastSeq, base.state, {
      type: 'batch',
      timestamp: '2026-12-04T12:00:01.000Z',
      from_seq: 101,
      to_seq: 104,
      events: [pnlUpdate(101, '46.00'), pnlUpdate(102, '47.00'), pnlUpdate(104, '49.00')],
    });
    expect(r.lastSeq).toBe(102);
    expect(r.state?.positions.pos_1?.total_pnl_usd).toBe('47.00');
    expect(r.resync).toBe(true);
  });

  it('applies a batch in seq order, skipping what it already had', () => {
    const base = reduceFeedMessage(0, undefined, snapshot(100));
    const r = reduceFeedMessage(base.lastSeq, base.state, {
      type: 'batch',
      timestamp: '2026-12-04T12:00:01.000Z',
      from_seq: 99,
      to_seq: 102,
      events: [pnlUpdate(99, '1.00'), pnlUpdate(100, '2.00'), pnlUpdate(101, '46.00'), paused(102)],
    });
    expect(r.lastSeq).toBe(102);
    expect(r.resync).toBe(false);
    expect(r.state?.positions.pos_1?.total_pnl_usd).toBe('46.00');
    expect(r.state?.pause_state).toMatchObject({ paused: true, scope: 'entry' });
    expect(r.state?.pause_state).not.toHaveProperty('previous');
  });

  it('fills a gap from a catch-up whose own range may skip seqs of channels not read', () => {
    const base = reduceFeedMessage(0, undefined, snapshot(100));
    const r = reduceFeedMessage(base.lastSeq, base.state, {
      type: 'catch_up',
      from_seq: 101,
      to_seq: 110,
      timestamp: '2026-12-04T12:00:05.000Z',
      events: [pnlUpdate(102, '48.00'), paused(105, 'all')],
    });
    expect(r.resync).toBe(false);
    expect(r.lastSeq).toBe(110);
    expect(r.state?.positions.pos_1?.total_pnl_usd).toBe('48.00');
    expect(r.state?.pause_state?.scope).toBe('all');
    // Live events continue right after the catch-up.
    const next = reduceFeedMessage(r.lastSeq, r.state, pnlUpdate(111, '49.00'));
    expect(next.resync).toBe(false);
    expect(next.state?.positions.pos_1?.total_pnl_usd).toBe('49.00');
  });

  it('refuses a catch-up that starts after what it has (another gap)', () => {
    const base = reduceFeedMessage(0, undefined, snapshot(100));
    const r = reduceFeedMessage(base.lastSeq, base.state, {
      type: 'catch_up',
      from_seq: 105,
      to_seq: 110,
      timestamp: '2026-12-04T12:00:05.000Z',
      events: [pnlUpdate(105, '48.00')],
    });
    expect(r.resync).toBe(true);
    expect(r.state).toBe(base.state);
  });

  it('asks for a resync when a heartbeat is ahead, not when it is level', () => {
    const base = reduceFeedMessage(0, undefined, snapshot(100));
    expect(reduceFeedMessage(100, base.state, { type: 'heartbeat', seq: 100, timestamp: 'x' }).resync).toBe(false);
    expect(reduceFeedMessage(100, base.state, { type: 'heartbeat', seq: 103, timestamp: 'x' }).resync).toBe(true);
  });

  it('opens and closes positions, and follows the bot into recovery (the list is then incomplete)', () => {
    const base = reduceFeedMessage(0, undefined, snapshot(1));
    const opened = reduceFeedMessage(1, base.state, {
      type: 'position_opened',
      seq: 2,
      timestamp: 't',
      data: { position: position({ position_id: 'pos_2', asset: 'jitoSOL' }), recovered: false },
    });
    expect(Object.keys(opened.state!.positions).sort()).toEqual(['pos_1', 'pos_2']);
    const closed = reduceFeedMessage(2, opened.state, {
      type: 'position_closed',
      seq: 3,
      timestamp: 't',
      data: { position_id: 'pos_1', last_seen: position(), last_seen_at: 't' },
    });
    expect(Object.keys(closed.state!.positions)).toEqual(['pos_2']);
    const recovering = reduceFeedMessage(3, closed.state, {
      type: 'bot_state_change',
      seq: 4,
      timestamp: 't',
      data: { previous: 'running', current: 'recovering', reason: 'restart' },
    });
    expect(recovering.state?.bot.state).toBe('recovering');
    expect(recovering.state?.complete).toBe(false);
    const gone = reduceFeedMessage(4, recovering.state, {
      type: 'bot_state_change',
      seq: 5,
      timestamp: 't',
      data: { previous: 'recovering', current: 'unavailable', reason: 'refused' },
    });
    expect(gone.state?.bot_unavailable).toBe(true);
  });

  it('changes nothing for messages that are not state', () => {
    const base = reduceFeedMessage(0, undefined, snapshot(100));
    const r = reduceFeedMessage(100, base.state, { type: 'subscribed', timestamp: 't', channels: ['positions'] });
    expect(r.state).toBe(base.state);
    expect(r.resync).toBe(false);
  });
});
