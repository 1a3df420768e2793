import type { BotPositionSummary, FeedEvent, SnapshotMessage } from '@dnb/contracts';

/** A position as the bot reports it (decimal strings). */
export function position(overrides: Partial<BotPositionSummary> = {}): BotPositionSummary {
  return {
    position_id: 'pos_1',
    asset: 'SOL',
    status: 'open',
    leverage: '3',
    deployed_usd: '5000.00',
    long_value_usd: '15000.00',
    short_value_usd: '15000.00',
    delta: '12.50',
    delta_ratio: '0.0008',
    asgard_hf: '0.28',
    hyperliquid_mf: '0.15',
    total_pnl_usd: '45.30',
    funding_pnl_usd: '67.50',
    opened_at: '2026-12-04T10:00:00Z',
    hold_duration_hours: 7,
    ...overrides,
  };
}

export function snapshot(seq: number, positions: BotPositionSummary[] = [position()], reset = false): SnapshotMessage {
  return {
    type: 'snapshot',
    seq,
    reset,
    timestamp: '2026-12-04T12:00:00.000Z',
    data: {
      positions: Object.fromEntries(positions.map((p) => [p.position_id, p])),
      pause_state: { paused: false, scope: 'all', reason: null, active_breakers: [] },
      stats: {
        uptime_seconds: 3600,
        uptime_formatted: '1:00:00',
        opportunities_found: 1,
        positions_opened: 1,
        positions_closed: 0,
        errors_count: 0,
      },
      bot: { state: 'running', reason: null },
    },
    freshness: { source: 'live', as_of: '2026-12-04T12:00:00.000Z', age_ms: 10 },
  };
}

export function pnlUpdate(seq: number, total: string, id = 'pos_1'): FeedEvent<'position_update'> {
  return { type: 'position_update', seq, timestamp: '2026-12-04T12:00:01.000Z', data: { position_id: id, total_pnl_usd: total } };
}

export function paused(seq: number, scope: 'entry' | 'all' = 'entry'): FeedEvent<'pause_state_change'> {
  return {
    type: 'pause_state_change',
    seq,
    timestamp: '2026-12-04T12:00:02.000Z',
    data: {
      paused: true,
      scope,
      reason: 'alice: test',
      paused_at: '2026-12-04T12:00:02Z',
      paused_by: 'alice',
      active_breakers: [],
      previous: null,
    },
  };
}
