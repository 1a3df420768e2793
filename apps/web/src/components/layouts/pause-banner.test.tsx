import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LIVE_QUERY_KEY, type LiveState } from '@/lib/live/live-state';
import { me, renderSignedIn } from '@/testing/render';
import { PauseBanner } from './pause-banner';

const paused: LiveState = {
  seq: 5,
  positions: {},
  pause_state: {
    paused: true,
    scope: 'entry',
    reason: 'Circuit breaker: negative_apy',
    paused_at: '2026-12-04T12:00:00Z',
    paused_by: 'bot',
    active_breakers: ['negative_apy'],
  },
  stats: null,
  bot: { state: 'running', reason: null },
  freshness: null,
  recovery_progress: null,
  uptime_seconds: null,
  complete: true,
  bot_unavailable: false,
  updated_at: 0,
};

function renderBanner(state: LiveState) {
  const view = renderSignedIn(<PauseBanner />, me('viewer'));
  view.queryClient.setQueryData(LIVE_QUERY_KEY, state);
  return view;
}

describe('PauseBanner (Q18)', () => {
  beforeEach(() => localStorage.clear());

  it('alerts while paused, and after acknowledging stays as a quieter notice, also after a reload', async () => {
    const first = renderBanner(paused);
    const banner = await screen.findByTestId('pause-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toMatch(/not doing new entries.*negative_apy/);
    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(screen.getByTestId('pause-banner').getAttribute('data-acknowledged')).toBe('true');
    expect(screen.getByTestId('pause-banner').getAttribute('role')).toBe('status');
    first.unmount();

    // A reload: the same pause stays acknowledged; a new pause must be acknowledged again.
    const second = renderBanner(paused);
    expect((await screen.findByTestId('pause-banner')).getAttribute('data-acknowledged')).toBe('true');
    second.unmount();
    renderBanner({ ...paused, pause_state: { ...paused.pause_state!, scope: 'all', paused_at: '2026-12-04T13:00:00Z' } });
    expect((await screen.findByTestId('pause-banner')).getAttribute('data-acknowledged')).toBe('false');
  });

  it('is gone once the bot runs again', () => {
    renderBanner({ ...paused, pause_state: { paused: false, scope: 'all', active_breakers: [] } });
    expect(screen.queryByTestId('pause-banner')).toBeNull();
  });
});
