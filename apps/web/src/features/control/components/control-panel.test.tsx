import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveState } from '@/lib/live/live-state';
import { position } from '@/testing/fixtures';
import { me, mockApi, renderSignedIn } from '@/testing/render';
import { ControlPanel } from './control-panel';

const RUNNING = { paused: false, scope: 'all', reason: null, paused_at: null, paused_by: null, active_breakers: [] } as const;

function live(overrides: Partial<LiveState> = {}): LiveState {
  return {
    seq: 10,
    positions: { pos_1: position() },
    pause_state: { ...RUNNING, active_breakers: [] },
    stats: null,
    bot: { state: 'running', reason: null },
    freshness: null,
    recovery_progress: null,
    uptime_seconds: 60,
    complete: true,
    bot_unavailable: false,
    updated_at: Date.now(),
    ...overrides,
  };
}

const result = (paused: boolean, scope: string) =>
  [
    200,
    {
      success: true,
      changed: true,
      outcome: 'success',
      pause_state: { paused, scope, reason: 'r', paused_at: null, paused_by: 'x', active_breakers: [] },
    },
  ] as [number, unknown];

const PREVIEW: [number, unknown] = [
  200,
  {
    action: 'emergency-stop',
    effect: 'Closes every position on both venues.',
    supported: true,
    positions_to_close: [{ position_id: 'pos_1', asset: 'SOL', deployed_usd: '5000.00', total_pnl_usd: '45.30' }],
    total_deployed_usd: '5000.00',
    total_pnl_usd: '45.30',
  },
];

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function giveReason(text = 'maintenance window') {
  await userEvent.type(screen.getByLabelText('Reason'), text);
}

describe('ControlPanel: who may do what (shared permission matrix)', () => {
  it('shows a viewer no controls at all', () => {
    renderSignedIn(<ControlPanel live={live()} />, me('viewer'));
    expect(screen.queryByRole('button', { name: /pause/i })).toBeNull();
    expect(screen.queryByRole('button', { name: /emergency/i })).toBeNull();
    expect(screen.queryByLabelText('Reason')).toBeNull();
    expect(screen.getByTestId('no-controls').textContent).toMatch(/viewer.*can watch/);
  });

  it('lets an operator pause entry, and shows admin-only controls disabled with the reason', () => {
    renderSignedIn(<ControlPanel live={live()} />, me('operator'));
    expect(screen.getByRole('button', { name: 'Pause Entry' })).toBeTruthy();
    const all = screen.getByRole('button', { name: 'Pause All' }) as HTMLButtonElement;
    const stop = screen.getByRole('button', { name: 'Emergency Stop' }) as HTMLButtonElement;
    expect(all.disabled).toBe(true);
    expect(stop.disabled).toBe(true);
    expect(all.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(all.getAttribute('aria-describedby')!)?.textContent).toBe('Needs the admin role.');
  });

  it('offers an operator Resume only for an entry or exit pause', () => {
    const paused = (scope: 'entry' | 'all') => live({ pause_state: { paused: true, scope, reason: 'x', active_breakers: [] } });
    const { unmount } = renderSignedIn(<ControlPanel live={paused('entry')} />, me('operator'));
    expect((screen.getByRole('button', { name: 'Resume' }) as HTMLButtonElement).disabled).toBe(true); // until a reason
    unmount();
    renderSignedIn(<ControlPanel live={paused('all')} />, me('operator'));
    const resume = screen.getByRole('button', { name: 'Resume' });
    expect(document.getElementById(resume.getAttribute('aria-describedby')!)?.textContent).toMatch(/admin/);
  });
});

describe('ControlPanel: progressive friction (Q15)', () => {
  it('pauses entry at once, with the reason', async () => {
    const calls = mockApi({ 'POST /control/pause': result(true, 'entry') });
    renderSignedIn(<ControlPanel live={live()} />, me('operator'));
    const button = screen.getByRole('button', { name: 'Pause Entry' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true); // no reason yet
    await giveReason();
    await userEvent.click(button);
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'POST', path: '/control/pause', body: { scope: 'entry', reason: 'maintenance window' } }),
    );
  });

  it('pauses all only after a confirmation', async () => {
    const calls = mockApi({ 'POST /control/pause': result(true, 'all') });
    renderSignedIn(<ControlPanel live={live()} />, me('admin'));
    await giveReason();
    await userEvent.click(screen.getByRole('button', { name: 'Pause All' }));
    const dialog = screen.getByRole('dialog', { name: 'Pause all bot operations?' });
    expect(calls).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Pause All' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Pause all' }));
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'POST', path: '/control/pause', body: { scope: 'all', reason: 'maintenance window' } }),
    );
  });

  it('opens the emergency stop only after a 3 s hold; letting go earlier cancels', async () => {
    mockApi({ 'GET /control/preview': PREVIEW });
    renderSignedIn(<ControlPanel live={live()} />, me('admin'));
    await giveReason();
    vi.useFakeTimers();
    const stop = screen.getByRole('button', { name: 'Emergency Stop' });

    fireEvent.pointerDown(stop, { button: 0 });
    act(() => {
      vi.advanceTimersByTime(2_500);
    });
    fireEvent.pointerUp(stop);
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(stop); // a plain click explains instead
    expect(screen.getByText(/Press and hold for 3 seconds/)).toBeTruthy();

    fireEvent.pointerDown(stop, { button: 0 });
    act(() => {
      vi.advanceTimersByTime(3_100);
    });
    expect(screen.getByRole('dialog', { name: 'Confirm emergency stop' })).toBeTruthy();
  });

  it('has a keyboard equivalent: holding Space (or Enter) for 3 s', async () => {
    mockApi({ 'GET /control/preview': PREVIEW });
    renderSignedIn(<ControlPanel live={live()} />, me('admin'));
    await giveReason();
    vi.useFakeTimers();
    const stop = screen.getByRole('button', { name: 'Emergency Stop' });
    stop.focus();

    fireEvent.keyDown(stop, { key: 'Enter' });
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    fireEvent.keyUp(stop, { key: 'Enter' });
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.keyDown(stop, { key: ' ' });
    fireEvent.keyDown(stop, { key: ' ', repeat: true });
    act(() => {
      vi.advanceTimersByTime(3_100);
    });
    expect(screen.getByRole('dialog', { name: 'Confirm emergency stop' })).toBeTruthy();
  });

  it('shows the impact and sends the stop only once STOP is typed exactly', async () => {
    const calls = mockApi({ 'GET /control/preview': PREVIEW, 'POST /control/emergency-stop': result(true, 'all') });
    renderSignedIn(<ControlPanel live={live()} />, me('admin'));
    await giveReason('depeg spreading');
    vi.useFakeTimers();
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Emergency Stop' }), { button: 0 });
    act(() => {
      vi.advanceTimersByTime(3_100);
    });
    vi.useRealTimers();

    const dialog = screen.getByRole('dialog', { name: 'Confirm emergency stop' });
    await within(dialog).findByTestId('impact-effect');
    expect(within(dialog).getByTestId('impact-summary').textContent).toMatch(/1 position to close, \$5,000\.00 deployed, PnL.*\+\$45\.30/);
    expect(within(dialog).queryByTestId('step-up')).toBeNull(); // a fresh login needs no password

    const submit = within(dialog).getByRole('button', { name: 'Stop everything' }) as HTMLButtonElement;
    const confirm = within(dialog).getByLabelText(/Type STOP to confirm/);
    await userEvent.type(confirm, 'stop');
    expect(submit.disabled).toBe(true);
    await userEvent.clear(confirm);
    await userEvent.type(confirm, 'STOP');
    expect(submit.disabled).toBe(false);
    await userEvent.click(submit);
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'POST',
        path: '/control/emergency-stop',
        body: { reason: 'depeg spreading', confirm: 'STOP' },
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('asks for the password first when the login is older than 15 minutes (step-up), then stops', async () => {
    const calls = mockApi({
      'GET /control/preview': PREVIEW,
      'POST /auth/step-up': [200, { access_token: 'h.eyJzdWIiOiJ1MSJ9.s', token_type: 'bearer', expires_in: 900, user: {} }],
      'POST /control/emergency-stop': result(true, 'all'),
    });
    renderSignedIn(<ControlPanel live={live()} />, me('admin'), { authAgeS: 20 * 60 });
    await giveReason();
    vi.useFakeTimers();
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Emergency Stop' }), { button: 0 });
    act(() => {
      vi.advanceTimersByTime(3_100);
    });
    vi.useRealTimers();

    const dialog = screen.getByRole('dialog', { name: 'Confirm emergency stop' });
    expect(within(dialog).getByTestId('step-up')).toBeTruthy();
    await userEvent.type(within(dialog).getByLabelText(/Type STOP/), 'STOP');
    const submit = within(dialog).getByRole('button', { name: 'Stop everything' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true); // no password yet
    await userEvent.type(within(dialog).getByLabelText('Your password'), 'my password');
    await userEvent.click(submit);
    await waitFor(() => expect(calls.map((c) => `${c.method} ${c.path}`)).toContain('POST /control/emergency-stop'));
    const order = calls.map((c) => `${c.method} ${c.path}`).filter((c) => c.startsWith('POST'));
    expect(order).toEqual(['POST /auth/step-up', 'POST /control/emergency-stop']);
    expect(calls.find((c) => c.path === '/auth/step-up')?.body).toEqual({ password: 'my password' });
  });

  it('brings up the password fields when the API answers STEP_UP_REQUIRED', async () => {
    mockApi({
      'GET /control/preview': PREVIEW,
      'POST /control/emergency-stop': [
        401,
        { statusCode: 401, code: 'STEP_UP_REQUIRED', message: 'Confirm your password', correlationId: 'c-1' },
      ],
      'POST /auth/refresh': [401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'x' }],
    });
    renderSignedIn(<ControlPanel live={live()} />, me('admin'));
    await giveReason();
    vi.useFakeTimers();
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Emergency Stop' }), { button: 0 });
    act(() => {
      vi.advanceTimersByTime(3_100);
    });
    vi.useRealTimers();
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Type STOP/), 'STOP');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stop everything' }));
    await within(dialog).findByTestId('step-up');
  });

  it('after an emergency stop, asks an admin for the password when the API wants a fresh login to resume, then resumes', async () => {
    let resumes = 0;
    const calls = mockApi({
      'POST /control/resume': () =>
        ++resumes === 1 ? [401, { statusCode: 401, code: 'STEP_UP_REQUIRED', message: 'Confirm your password' }] : result(false, 'all'),
      'POST /auth/step-up': [200, { access_token: 'h.eyJzdWIiOiJ1MSJ9.s', token_type: 'bearer', expires_in: 900, user: {} }],
    });
    renderSignedIn(
      <ControlPanel live={live({ pause_state: { paused: true, scope: 'all', reason: 'admin: emergency stop', active_breakers: [] } })} />,
      me('admin'),
    );
    await giveReason('incident over');
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    await userEvent.type(within(dialog).getByLabelText('Your password'), 'my password');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm and resume' }));
    await waitFor(() => expect(resumes).toBe(2));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/control/resume', '/auth/step-up', '/control/resume']);
    expect(calls.at(-1)?.body).toEqual({ reason: 'incident over' });
  });
});
