import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { me, mockApi, renderSignedIn } from '@/testing/render';
import type { Alert } from '../api/get-alert-history';
import { AlertHistorySection } from './alert-history-section';

const alert = (id: string, overrides: Partial<Alert> = {}): Alert => ({
  id,
  type: 'health_factor_warning',
  severity: 'warning',
  level: 1,
  title: `HF warning ${id}`,
  message: '',
  metric_key: 'pos_1:health',
  position_id: 'pos_1',
  asset: 'SOL',
  facts: {},
  channels_sent: [],
  created_at: '2026-12-04T03:00:00.000Z',
  acknowledged_at: null,
  acknowledged_by: null,
  escalated_at: null,
  silenced_by: null,
  ...overrides,
});

afterEach(() => vi.unstubAllGlobals());

describe(AlertHistorySection.name, () => {
  it('offers Acknowledge to an operator and sends it', async () => {
    const user = userEvent.setup();
    let acked = false;
    const calls = mockApi({
      'GET /alerts/history': () => [
        200,
        {
          alerts: [acked ? alert('al_1', { acknowledged_at: '2026-12-04T03:01:00.000Z', acknowledged_by: 'op' }) : alert('al_1')],
          next_cursor: null,
        },
      ],
      'POST /alerts/al_1/ack': () => {
        acked = true;
        return [200, alert('al_1', { acknowledged_at: '2026-12-04T03:01:00.000Z', acknowledged_by: 'op' })];
      },
    });
    renderSignedIn(<AlertHistorySection canAck />, me('operator'));
    await user.click(await screen.findByRole('button', { name: /Acknowledge/ }));
    await screen.findByText('Acknowledged by op');
    expect(calls.some((c) => c.method === 'POST' && c.path === '/alerts/al_1/ack')).toBe(true);
  });

  it('shows a viewer the status and the reason, without the button', async () => {
    mockApi({ 'GET /alerts/history': [200, { alerts: [alert('al_1')], next_cursor: null }] });
    renderSignedIn(<AlertHistorySection canAck={false} />, me('viewer'));
    await screen.findByText('HF warning al_1');
    expect(screen.queryByRole('button', { name: /Acknowledge/ })).toBeNull();
    expect(screen.getByTestId('permission-note').textContent).toContain('Requires the operator role.');
  });

  it('pages with the cursor the API gave', async () => {
    const user = userEvent.setup();
    const calls = mockApi({
      'GET /alerts/history': () =>
        calls.filter((c) => c.path === '/alerts/history').length === 1
          ? [200, { alerts: [alert('al_2')], next_cursor: 'cur-1' }]
          : [200, { alerts: [alert('al_1')], next_cursor: null }],
    });
    const fetchMock = vi.mocked(fetch);
    renderSignedIn(<AlertHistorySection canAck={false} />, me('viewer'));
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    await screen.findByText('HF warning al_1');
    const urls = fetchMock.mock.calls.map(([input]) => String(input));
    expect(urls.at(-1)).toContain('cursor=cur-1');
    await waitFor(() => expect(screen.getByText('2 alerts shown (all)')).toBeTruthy());
  });
});
