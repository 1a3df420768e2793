import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { buildDataSourceOptions } from '../../apps/api/src/database/database-options';
import type { BotBridgeService } from '../../apps/api/src/modules/bot-bridge/bot-bridge.service';
import { CircuitBreakersRepository } from '../../apps/api/src/modules/history/circuit-breakers.repository';
import { HistoryDatabase } from '../../apps/api/src/modules/history/history-database';
import { HistoryQueryService } from '../../apps/api/src/modules/history/history-query.service';
import { MetricsRetentionService } from '../../apps/api/src/modules/history/metrics-retention.service';
import { MetricsRepository, type MetricPoint } from '../../apps/api/src/modules/history/metrics.repository';
import { PNL_METRICS } from '../../apps/api/src/modules/history/portfolio-sample';
import { SeriesReader } from '../../apps/api/src/modules/history/series-reader';
import { TradesRepository } from '../../apps/api/src/modules/history/trades.repository';
import { createPostgresDatabase } from '../support/auth';

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(__filename)('pg') as { Client: new (options: { connectionString: string }) => PgClient };

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** A fixed "now" (not on a bucket boundary), so every run sees the same windows. */
const NOW = Date.parse('2026-11-21T10:17:30.000Z');

/**
 * 400 days of the portfolio PnL series: one point an hour for the old part, one a minute for
 * the last 8 days. Values are exact cents that encode their own minute, so any bucket's last
 * value can be predicted.
 */
function seedPoints(): MetricPoint[] {
  const points: MetricPoint[] = [];
  const start = Math.floor((NOW - 400 * DAY) / HOUR) * HOUR;
  const dense = Math.floor((NOW - 8 * DAY) / MINUTE) * MINUTE;
  for (let t = start; t < NOW; t += t < dense ? HOUR : MINUTE) {
    const minute = Math.floor(t / MINUTE);
    for (const [i, type] of Object.values(PNL_METRICS).entries()) {
      points.push({ metricType: type, series: '', value: valueAt(minute, i), metadata: null, timestamp: new Date(t).toISOString() });
    }
  }
  return points;
}

function valueAt(minute: number, i: number): string {
  const cents = (minute % 100_000) * (i % 2 === 0 ? 1 : -1);
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

describe.each(['sqlite', 'postgres'] as const)('history retention and queries on %s', (driver) => {
  let dataSource: DataSource;
  let cleanup: () => Promise<void>;
  let metrics: MetricsRepository;
  let retention: MetricsRetentionService;
  let query: HistoryQueryService;
  let db: HistoryDatabase;

  beforeEach(async () => {
    if (driver === 'postgres') {
      const url = await createPostgresDatabase(inject('databaseUrl'), 'history');
      dataSource = new DataSource(buildDataSourceOptions({ driver: 'postgres', url }));
      cleanup = async () => {
        const client = new pg.Client({ connectionString: inject('databaseUrl') });
        await client.connect();
        await client.query(`DROP DATABASE ${new URL(url).pathname.slice(1)}`).finally(() => client.end());
      };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'dnb-history-'));
      dataSource = new DataSource(buildDataSourceOptions({ driver: 'sqlite', path: join(dir, 'cc.db') }));
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    await dataSource.initialize();
    db = new HistoryDatabase(dataSource);
    metrics = new MetricsRepository(db);
    retention = new MetricsRetentionService(metrics, db, pino({ level: 'silent' }));
    const bridge = { snapshot: () => ({ positions: null }) } as unknown as BotBridgeService;
    query = new HistoryQueryService(new SeriesReader(metrics), new TradesRepository(db), new CircuitBreakersRepository(db), bridge);
    await metrics.upsertPoints(seedPoints());
  });

  afterEach(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await cleanup();
  });

  async function tables(): Promise<unknown[]> {
    const raw = await db.query<Record<string, unknown>>(
      'SELECT metric_type, series, value, timestamp FROM metrics ORDER BY metric_type, timestamp',
    );
    const rollups = await db.query<Record<string, unknown>>(
      'SELECT metric_type, series, resolution, timestamp, avg_value, min_value, max_value, sum_value, last_value, count FROM metrics_downsampled ORDER BY metric_type, resolution, timestamp',
    );
    return [raw.map((r) => JSON.stringify(Object.values(r).map(String))), rollups.map((r) => JSON.stringify(Object.values(r).map(String)))];
  }

  it('keeps 7 days at 1 min, 30 at 5 min, 90 at 1 hour and a year at 1 day; a second run changes nothing', async () => {
    const first = await retention.run(NOW);
    expect(first.deleted['1min']).toBeGreaterThan(0);
    const afterFirst = await tables();
    const second = await retention.run(NOW);
    expect(second.rolled_up).toEqual({ '5min': 0, '1hour': 0, '1day': 0 });
    expect(second.deleted).toEqual({ '1min': 0, '5min': 0, '1hour': 0, '1day': 0 });
    expect(await tables()).toEqual(afterFirst);

    const [oldestRaw] = await db.query<{ t: string }>('SELECT MIN(timestamp) AS t FROM metrics');
    expect(Date.parse(oldestRaw!.t)).toBeGreaterThanOrEqual(NOW - 7 * DAY);
    const bounds = await db.query<{ resolution: string; oldest: string; newest: string }>(
      'SELECT resolution, MIN(timestamp) AS oldest, MAX(timestamp) AS newest FROM metrics_downsampled GROUP BY resolution',
    );
    const byResolution = Object.fromEntries(bounds.map((b) => [b.resolution, b]));
    for (const [resolution, days] of [
      ['5min', 30],
      ['1hour', 90],
      ['1day', 365],
    ] as const) {
      expect(Date.parse(byResolution[resolution]!.oldest), resolution).toBeGreaterThanOrEqual(NOW - days * DAY);
      // Kept back to (nearly) the limit: the level covers its whole retention window.
      expect(Date.parse(byResolution[resolution]!.oldest), resolution).toBeLessThan(NOW - (days - 2) * DAY);
    }
  });

  it('serves each bucket’s last value, the same before and after retention, from rollups and the newest raw points', async () => {
    await retention.rollUp(NOW);
    const beforeRetention = await query.pnl({ days: 30 }, NOW);
    await retention.run(NOW);
    const afterRetention = await query.pnl({ days: 30 }, NOW);
    expect(afterRetention.data_points).toEqual(beforeRetention.data_points);
    expect(afterRetention.resolution).toBe('1hour');
    // Every hourly point of the dense part is the value of the last minute of its hour (or of now).
    for (const point of afterRetention.data_points.filter((p) => Date.parse(p.timestamp) >= NOW - 7 * DAY)) {
      const lastMinute = Math.min(Date.parse(point.timestamp) + HOUR - MINUTE, Math.floor(NOW / MINUTE) * MINUTE);
      expect(point.total_pnl, point.timestamp).toBe(valueAt(lastMinute / MINUTE, 0));
      expect(point.realized_pnl, point.timestamp).toBe(valueAt(lastMinute / MINUTE, 1));
    }
  });

  it('never answers more than 2,000 points with the automatic resolution', async () => {
    await retention.run(NOW);
    const expected: Record<number, string> = {
      1: '1min',
      2: '5min',
      7: '5min',
      8: '1hour',
      30: '1hour',
      31: '1day',
      90: '1day',
      365: '1day',
    };
    for (const [days, resolution] of Object.entries(expected)) {
      const answer = await query.pnl({ days: Number(days) }, NOW);
      expect(answer.resolution, `${days}d`).toBe(resolution);
      expect(answer.data_points.length, `${days}d`).toBeLessThanOrEqual(2000);
      expect(answer.data_points.length, `${days}d`).toBeGreaterThan(0);
    }
    // 7 days at 5 minutes holds 2,016 buckets: the newest 2,000, flagged.
    const week = await query.pnl({ days: 7 }, NOW);
    expect(week.truncated).toBe(true);
    expect(week.data_points).toHaveLength(2000);
    expect(week.data_points.at(-1)!.timestamp).toBe(new Date(Math.floor(NOW / (5 * MINUTE)) * 5 * MINUTE).toISOString());
    // An explicit resolution too fine for the range is held to 2,000 points as well.
    const explicit = await query.pnl({ from: new Date(NOW - 6 * DAY).toISOString(), resolution: '1min' }, NOW);
    expect(explicit.data_points).toHaveLength(2000);
    expect(explicit.truncated).toBe(true);
  });
});
