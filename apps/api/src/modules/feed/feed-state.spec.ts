import { describe, expect, it } from 'vitest';
import type { BotPositionSummary, FeedEvent } from '@dnb/contracts';
import { FEED_CHANNELS } from '@dnb/contracts';
import { FeedProjection } from './feed-state';

const position = (id: string, pnl: string): BotPositionSummary =>
  ({ position_id: id, asset: 'SOL', status: 'open', total_pnl_usd: pnl, leverage: '3' }) as unknown as BotPositionSummary;
const all = new Set(FEED_CHANNELS);
const at = '2026-11-22T03:00:00.000Z';

describe('FeedProjection', () => {
  it('starts from the baseline and applies opens, field updates and closes', () => {
    const p = new FeedProjection();
    p.reset({ positions: { a: position('a', '1.5') }, pause_state: null, stats: null, lifecycle: 'running', reason: null });
    const events: FeedEvent[] = [
      { type: 'position_opened', seq: 1, timestamp: at, data: { position: position('b', '0'), recovered: false } },
      { type: 'position_update', seq: 2, timestamp: at, data: { position_id: 'a', total_pnl_usd: '2.000000000000000000000000000001' } },
      { type: 'position_closed', seq: 3, timestamp: at, data: { position_id: 'b', last_seen: position('b', '0'), last_seen_at: at } },
    ];
    for (const e of events) p.apply(e);
    const view = p.view(all);
    expect(Object.keys(view.positions!)).toEqual(['a']);
    // Decimal strings pass through untouched.
    expect(view.positions!.a!.total_pnl_usd).toBe('2.000000000000000000000000000001');
    expect(view.bot).toEqual({ state: 'running', reason: null });
  });

  it('keeps the pause state without its `previous` and the bot state with its reason', () => {
    const p = new FeedProjection();
    p.apply({
      type: 'pause_state_change',
      seq: 1,
      timestamp: at,
      data: { paused: true, scope: 'entry', reason: 'alice: maintenance', active_breakers: [], previous: null },
    });
    p.apply({
      type: 'bot_state_change',
      seq: 2,
      timestamp: at,
      data: { previous: 'running', current: 'unavailable', reason: 'ECONNREFUSED' },
    });
    const view = p.view(all);
    expect(view.pause_state).toEqual({ paused: true, scope: 'entry', reason: 'alice: maintenance', active_breakers: [] });
    expect(view.bot).toEqual({ state: 'unavailable', reason: 'ECONNREFUSED' });
  });

  it('gives a subscriber only its channels, as a copy it cannot change the state through', () => {
    const p = new FeedProjection();
    p.reset({ positions: { a: position('a', '1') }, pause_state: null, stats: null, lifecycle: 'running', reason: null });
    const view = p.view(new Set(['positions'] as const));
    expect(Object.keys(view)).toEqual(['positions']);
    delete view.positions!.a;
    expect(Object.keys(p.view(all).positions!)).toEqual(['a']);
  });
});
