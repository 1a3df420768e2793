import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresDatabase } from '../support/auth';
import { startLiveBridgeStack, type BridgeStack } from '../support/bridge-stack';
import { until } from '../support/until';

// Issue 6 over HTTP: the real simulator (clock stopped, so figures hold still) and the real API
// with a fast collector, on SQLite and on PostgreSQL.

interface Trade {
  id: number;
  position_id: string;
  asset: string;
  opened_at: string;
  closed_at: string;
  hold_seconds: number;
  leverage: string;
  deployed_usd: string;
  total_pnl_usd: string;
  funding_pnl_usd: string;
  position_pnl_usd: string;
  close_reason: string | null;
  reason_source: string;
}
interface PositionView {
  position_id: string;
  asset: string;
  leverage: string;
  deployed_usd: string;
  total_pnl_usd: string;
  funding_pnl_usd: string;
  opened_at: string;
}
interface ErrorBody {
  code: string;
  errors?: Array<{ field: string; messages: string[] }>;
}

const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

describe.each(['sqlite', 'postgres'] as const)('history on %s', (database) => {
  let s: BridgeStack;
  let closed: PositionView;

  beforeAll(async () => {
    const databaseUrl = database === 'postgres' ? await createPostgresDatabase(inject('databaseUrl'), 'history') : undefined;
    s = await startLiveBridgeStack({
      sim: { tickMs: 0, initialPositions: 3, seed: `history-${database}`, incidents: false },
      api: { databaseUrl, env: { BOT_POLL_MS: '100', HISTORY_SAMPLE_MS: '200' } },
    });
  });

  afterAll(async () => {
    await s?.stack.stop();
  });

  async function download(path: string): Promise<{ status: number; type: string | null; disposition: string | null; text: string }> {
    const res = await fetch(`${s.stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${s.token}` } });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      text: await res.text(),
    };
  }

  it('turns a position the simulator closes into exactly one trade with its last-seen figures and the logged reason', async () => {
    const positions = await s.get<{ positions: PositionView[] }>('/api/v1/positions');
    closed = positions.body.positions[0]!;
    // The collector must have seen it open (a sample) before it goes.
    await until('a first PnL point', async () =>
      (await s.get<{ data_points: unknown[] }>('/api/v1/history/pnl')).body.data_points.length > 0 ? true : undefined,
    );
    await s.stack.sim.control.closePosition(closed.position_id, { reason: 'manual_close' });

    const trades = await until(
      'the trade',
      async () => {
        const r = await s.get<{ trades: Trade[] }>(`/api/v1/history/trades?asset=${closed.asset}`);
        const found = r.body.trades.filter((t) => t.position_id === closed.position_id);
        return found.length > 0 ? found : undefined;
      },
      10_000,
    );
    expect(trades).toHaveLength(1);
    const trade = trades[0]!;
    expect(trade).toMatchObject({
      asset: closed.asset,
      opened_at: closed.opened_at,
      leverage: closed.leverage,
      deployed_usd: closed.deployed_usd,
      total_pnl_usd: closed.total_pnl_usd,
      funding_pnl_usd: closed.funding_pnl_usd,
      close_reason: 'manual_close',
      reason_source: 'action_log',
    });
    expect(Number(trade.position_pnl_usd) * 100).toBeCloseTo((Number(closed.total_pnl_usd) - Number(closed.funding_pnl_usd)) * 100, 6);
    expect(trade.closed_at).toMatch(UTC);
    expect(trade.hold_seconds).toBe(Math.round((Date.parse(trade.closed_at) - Date.parse(trade.opened_at)) / 1000));
  });

  it('keeps exactly one trade after an API restart', async () => {
    s.stack.api = await s.stack.api.restart();
    const login = await fetch(`${s.stack.apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: s.password }),
    });
    s.token = ((await login.json()) as { access_token: string }).access_token;
    // Let the restarted collector take samples and reconcile what it had seen open.
    await until('the restarted API', async () => ((await s.get('/api/v1/history/pnl?days=1')).status === 200 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const r = await s.get<{ trades: Trade[] }>('/api/v1/history/trades?limit=1000');
    expect(r.body.trades.filter((t) => t.position_id === closed.position_id)).toHaveLength(1);
    // The other positions are still open: no trade for them.
    expect(r.body.trades).toHaveLength(1);
  });

  it('answers the PnL chart in UTC with decimal strings and the realized PnL from the trade', async () => {
    const r = await until(
      'the realized PnL in the chart',
      async () => {
        const answer = await s.get<{
          period: string;
          timezone: string;
          resolution: string;
          truncated: boolean;
          data_points: Array<Record<string, string | null>>;
          summary: Record<string, string | number | null>;
        }>('/api/v1/history/pnl?days=1');
        const last = answer.body.data_points.at(-1);
        return last?.realized_pnl === closed.total_pnl_usd ? answer : undefined;
      },
      10_000,
    );
    expect(r.body).toMatchObject({ period: '24h', timezone: 'UTC', resolution: '1min', truncated: false });
    for (const point of r.body.data_points) {
      expect(point.timestamp).toMatch(UTC);
      for (const key of ['realized_pnl', 'unrealized_pnl', 'total_pnl', 'funding_pnl', 'position_pnl']) expect(point[key]).toMatch(DECIMAL);
    }
    expect(r.body.summary).toMatchObject({
      total_realized: closed.total_pnl_usd,
      trades: 1,
      avg_pnl_per_trade: expect.stringMatching(DECIMAL),
    });
    const week = await s.get<{ resolution: string; data_points: unknown[] }>('/api/v1/history/pnl?days=7');
    expect(week.body.resolution).toBe('5min');
    expect(week.body.data_points.length).toBeGreaterThan(0);
    expect(week.body.data_points.length).toBeLessThanOrEqual(2000);
  });

  it('exports trades and the PnL chart as CSV and JSON that parse back to the same values', async () => {
    for (const [path, key] of [
      ['/api/v1/history/trades', 'trades'],
      ['/api/v1/history/pnl?days=1', 'data_points'],
    ] as const) {
      const sep = path.includes('?') ? '&' : '?';
      const answer = (await s.get<Record<string, Array<Record<string, unknown>>>>(path)).body[key]!;
      const json = await download(`${path}${sep}format=json`);
      expect(json.status).toBe(200);
      expect(json.type).toContain('application/json');
      expect(json.disposition).toMatch(/^attachment; filename=".+\.json"$/);
      const fromJson = JSON.parse(json.text) as Array<Record<string, unknown>>;
      const csv = await download(`${path}${sep}format=csv`);
      expect(csv.type).toContain('text/csv');
      const fromCsv = parse(csv.text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
      // The chart may gain a point between the three reads: compare the points all of them hold.
      const n = Math.min(answer.length, fromJson.length, fromCsv.length);
      expect(n).toBeGreaterThan(0);
      const asText = (row: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(row)
            .filter(([k]) => k in fromCsv[0]!)
            .map(([k, v]) => [k, v === null ? '' : String(v)]),
        );
      for (let i = 0; i < n; i++) {
        expect(fromJson[i]).toEqual(answer[i]);
        expect(fromCsv[i]).toEqual(asText(answer[i]!));
      }
    }
  });

  it('gives the position’s own history: its series and its lifecycle with the close reason', async () => {
    const r = await s.get<{
      position_id: string;
      data_points: Array<Record<string, string | null>>;
      events: Array<{ type: string; reason?: string }>;
    }>(`/api/v1/positions/${closed.position_id}/history`);
    expect(r.status).toBe(200);
    expect(r.body.data_points.length).toBeGreaterThan(0);
    expect(r.body.data_points[0]!.health_factor).toMatch(DECIMAL);
    expect(r.body.events.map((e) => e.type)).toEqual(['opened', 'closed']);
    expect(r.body.events[1]!.reason).toBe('manual_close');
    expect((await s.get('/api/v1/positions/pos_never_seen/history')).status).toBe(404);
  });

  it('records circuit breakers from the bot’s history', async () => {
    await s.stack.sim.control.tripBreaker({ type: 'manual', reason: 'history e2e drill' });
    const events = await until(
      'the breaker event',
      async () => {
        const r = await s.get<{ circuit_breakers: Array<Record<string, unknown>> }>('/api/v1/history/circuit-breakers?breaker_type=manual');
        return r.body.circuit_breakers.length ? r.body.circuit_breakers : undefined;
      },
      15_000,
    );
    expect(events[0]).toMatchObject({ breaker_type: 'manual', reason: 'history e2e drill', source: 'bot', resolved_at: null });
    expect(events[0]!.triggered_at).toMatch(UTC);
  });

  it('names the field of every bad input', async () => {
    const cases: Array<[string, string]> = [
      ['/api/v1/history/pnl?days=0', 'days'],
      ['/api/v1/history/pnl?resolution=2min', 'resolution'],
      ['/api/v1/history/pnl?days=7&from=2026-01-01T00:00:00Z', 'days'],
      ['/api/v1/history/pnl?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      ['/api/v1/history/pnl?from=yesterday', 'from'],
      ['/api/v1/history/funding?asset=BTC', 'asset'],
      ['/api/v1/history/trades?sort=pnl', 'sort'],
      ['/api/v1/history/trades?cursor=garbage', 'cursor'],
      ['/api/v1/history/trades?format=xml', 'format'],
      ['/api/v1/history/circuit-breakers?limit=0', 'limit'],
    ];
    for (const [path, field] of cases) {
      const r = await s.get<ErrorBody>(path);
      expect(r.status, path).toBe(400);
      expect(r.body.code).toBe('VALIDATION_FAILED');
      expect(
        r.body.errors?.map((e) => e.field),
        path,
      ).toContain(field);
    }
  });

  it('runs the retention job on demand for an admin, audited', async () => {
    const r = await fetch(`${s.stack.apiUrl}/api/v1/history/retention/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}` },
    });
    expect(r.status).toBe(200);
    const report = (await r.json()) as { deleted: Record<string, number> };
    expect(report.deleted).toEqual({ '1min': 0, '5min': 0, '1hour': 0, '1day': 0 });
    const audit = await s.get<{ entries: Array<{ action: string; outcome: string }> }>('/api/v1/audit?action=history.retention.run');
    expect(audit.body.entries[0]).toMatchObject({ action: 'history.retention.run', outcome: 'success' });
  });
});
