import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { me, renderSignedIn } from '@/testing/render';
import { PnlChart } from './pnl-chart';

const point = (timestamp: string, total: string | null) => ({
  timestamp,
  total_pnl: total,
  realized_pnl: '0',
  unrealized_pnl: total,
  funding_pnl: '0',
  position_pnl: total,
});

afterEach(() => vi.unstubAllGlobals());

describe('PnlChart', () => {
  it('asks for the rolling window chosen and shows the exact change over it', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        const days = new URL(input, 'http://x').searchParams.get('days')!;
        asked.push(days);
        const points =
          days === '1'
            ? [point('2026-12-04T11:00:00Z', '100.10'), point('2026-12-04T12:00:00Z', '100.30')]
            : [point('2026-11-28T12:00:00Z', '150.00'), point('2026-12-04T12:00:00Z', '100.30')];
        return new Response(
          JSON.stringify({
            data_points: points,
            period: `${days}d`,
            resolution: '1min',
            timezone: 'UTC',
            truncated: false,
            from: '',
            to: '',
            summary: {},
          }),
          { status: 200 },
        );
      }),
    );
    renderSignedIn(<PnlChart />, me('viewer'));
    // 0.1 + 0.2 style sums stay exact: 100.30 - 100.10 is +$0.20, not +$0.19999.
    expect((await screen.findByText(/Change over 24h/)).textContent).toContain('+$0.20');
    await userEvent.click(screen.getByRole('button', { name: '7d' }));
    await waitFor(() => expect(screen.getByText(/Change over 7d/).textContent).toContain('-$49.70'));
    expect(asked).toEqual(['1', '7']);
    expect(screen.getByRole('button', { name: '7d' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('says when there is no data yet instead of drawing an empty chart', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ data_points: [point('2026-12-04T12:00:00Z', null)] }), { status: 200 })),
    );
    renderSignedIn(<PnlChart />, me('viewer'));
    expect(await screen.findByText(/No PnL recorded in this window yet/)).toBeTruthy();
  });
});
