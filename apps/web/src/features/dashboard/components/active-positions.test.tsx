import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LiveState } from '@/lib/live/live-state';
import { BotStateNotice } from '@/components/ui/bot-state-notice';
import { position } from '@/testing/fixtures';
import { me, renderSignedIn } from '@/testing/render';
import { ActivePositions } from './active-positions';

function live(overrides: Partial<LiveState>): LiveState {
  return {
    seq: 1,
    positions: {},
    pause_state: null,
    stats: null,
    bot: { state: 'running', reason: null },
    freshness: { source: 'live', as_of: '2026-12-04T12:00:00Z', age_ms: 5 },
    recovery_progress: null,
    uptime_seconds: 10,
    complete: true,
    bot_unavailable: false,
    updated_at: 0,
    ...overrides,
  };
}

describe('ActivePositions and the bot state (Q6)', () => {
  it('says "Reconnecting to trading bot..." with progress while it recovers, never "No positions"', () => {
    const recovering = live({
      bot: { state: 'recovering', reason: null },
      complete: false,
      recovery_progress: { positions_found: 1, positions_expected: 3, state_since: null },
    });
    renderSignedIn(
      <>
        <BotStateNotice live={recovering} />
        <ActivePositions live={recovering} />
      </>,
      me('viewer'),
    );
    expect(screen.getByTestId('bot-recovering').textContent).toMatch(/Reconnecting to trading bot….*1 of 3 positions recovered/);
    expect(screen.queryByTestId('no-positions')).toBeNull();
    expect(screen.queryByText(/No open positions/)).toBeNull();
  });

  it('says "No open positions" only when the bot runs and reports none', () => {
    renderSignedIn(<ActivePositions live={live({})} />, me('viewer'));
    expect(screen.getByTestId('no-positions')).toBeTruthy();
  });

  it('keeps the last known positions, greyed, with their time, when the bot is unavailable', () => {
    const gone = live({
      positions: { pos_1: position() },
      bot: { state: 'unavailable', reason: 'refused' },
      bot_unavailable: true,
      freshness: { source: 'cached', as_of: '2026-12-04T11:59:00Z', age_ms: null },
    });
    const { container } = renderSignedIn(
      <>
        <BotStateNotice live={gone} />
        <ActivePositions live={gone} />
      </>,
      me('viewer'),
    );
    expect(screen.getByTestId('bot-unavailable').textContent).toMatch(/last known ones, as of/);
    expect(screen.getByTestId('bot-unavailable').querySelector('time')?.getAttribute('datetime')).toBe('2026-12-04T11:59:00.000Z');
    expect(container.querySelector('[data-stale="true"]')).toBeTruthy();
    expect(screen.getAllByTestId('position-item')).toHaveLength(1);
  });

  it('shows PnL with its sign as text and health as a word, not only colour', () => {
    renderSignedIn(
      <ActivePositions live={live({ positions: { a: position({ position_id: 'a', total_pnl_usd: '-12.5', asgard_hf: '0.12' }) } })} />,
      me('viewer'),
    );
    const item = screen.getByTestId('position-item');
    expect(item.textContent).toContain('-$12.50');
    expect(item.textContent).toContain('Critical');
  });
});
