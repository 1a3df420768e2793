import { Injectable } from '@nestjs/common';
import type { Aggregate } from './decimal-aggregate';
import { HistoryDatabase } from './history-database';
import type { RollupResolution } from './history-resolution';

/** One 1-minute point. */
export interface MetricPoint {
  metricType: string;
  /** '' for the portfolio, else a position id or an asset. */
  series: string;
  value: string;
  metadata: string | null;
  /** Start of its minute, ISO 8601 UTC. */
  timestamp: string;
}

export interface RawRow {
  metric_type: string;
  series: string;
  value: string | number;
  timestamp: string;
}

export interface RollupRow extends Aggregate {
  metricType: string;
  series: string;
  resolution: RollupResolution;
  timestamp: string;
}

interface DownsampledRow {
  metric_type: string;
  timestamp: string;
  avg_value: string | number;
  min_value: string | number;
  max_value: string | number;
  sum_value: string | number;
  last_value: string | number;
  count: string | number;
}

export type MetricsTable = 'metrics' | 'metrics_downsampled';

/** Rows a multi-row statement writes at most (7-11 parameters a row: far below either engine's limit). */
const ROWS_PER_STATEMENT = 500;

/** Every SQL statement on metrics, metrics_downsampled and metrics_rollup_state. */
@Injectable()
export class MetricsRepository {
  constructor(private readonly db: HistoryDatabase) {}

  /** Inserts points; a point already stored for the same metric, series and minute takes the newer value. */
  async upsertPoints(points: readonly MetricPoint[]): Promise<void> {
    const statements = [];
    for (let i = 0; i < points.length; i += ROWS_PER_STATEMENT) {
      const chunk = points.slice(i, i + ROWS_PER_STATEMENT);
      statements.push({
        sql: `INSERT INTO metrics (metric_type, series, value, metadata, timestamp) VALUES ${this.db.values(chunk.length, 5)}
              ON CONFLICT (metric_type, series, timestamp) DO UPDATE SET value = excluded.value, metadata = excluded.metadata`,
        params: chunk.flatMap((p) => [p.metricType, p.series, p.value, p.metadata, p.timestamp]),
      });
    }
    await this.db.inOneTransaction(statements);
  }

  /** 1-minute points of some metrics of one series in [from, to), oldest first per metric (statement timeout applies). */
  async readRaw(
    metricTypes: readonly string[],
    series: string,
    from: string,
    to: string,
  ): Promise<Array<{ metric_type: string; timestamp: string; value: string }>> {
    const rows = await this.db.read<{ metric_type: string; timestamp: string; value: string | number }>(
      `SELECT metric_type, timestamp, value FROM metrics
       WHERE metric_type IN (${marks(metricTypes.length)}) AND series = ? AND timestamp >= ? AND timestamp < ?
       ORDER BY metric_type, timestamp`,
      [...metricTypes, series, from, to],
    );
    return rows.map((r) => ({ metric_type: r.metric_type, timestamp: r.timestamp, value: String(r.value) }));
  }

  /** Rollup buckets of some metrics of one series in [from, to), oldest first per metric (statement timeout applies). */
  async readRollups(
    metricTypes: readonly string[],
    series: string,
    resolution: RollupResolution,
    from: string,
    to: string,
  ): Promise<Array<Aggregate & { metric_type: string; timestamp: string }>> {
    const rows = await this.db.read<DownsampledRow>(
      `SELECT metric_type, timestamp, avg_value, min_value, max_value, sum_value, last_value, count FROM metrics_downsampled
       WHERE metric_type IN (${marks(metricTypes.length)}) AND series = ? AND resolution = ? AND timestamp >= ? AND timestamp < ?
       ORDER BY metric_type, timestamp`,
      [...metricTypes, series, resolution, from, to],
    );
    return rows.map((r) => ({
      metric_type: r.metric_type,
      timestamp: r.timestamp,
      avg: String(r.avg_value),
      min: String(r.min_value),
      max: String(r.max_value),
      sum: String(r.sum_value),
      last: String(r.last_value),
      count: Number(r.count),
    }));
  }

  /** Every 1-minute point in [from, to), oldest first (rollups read a bounded window at a time). */
  async rawWindow(from: string, to: string): Promise<RawRow[]> {
    return this.db.query<RawRow>(
      'SELECT metric_type, series, value, timestamp FROM metrics WHERE timestamp >= ? AND timestamp < ? ORDER BY timestamp',
      [from, to],
    );
  }

  async earliestRaw(): Promise<string | null> {
    const [row] = await this.db.query<{ first: string | null }>('SELECT MIN(timestamp) AS first FROM metrics');
    return row?.first ?? null;
  }

  /** Writes rollup buckets; a bucket already stored is replaced (a rerun computes the same figures). */
  async upsertRollups(rows: readonly RollupRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      // One statement per chunk: each commits on its own, so no writer holds the database long.
      await this.db.query(
        `INSERT INTO metrics_downsampled (metric_type, series, resolution, timestamp, avg_value, min_value, max_value, sum_value, last_value, count)
         VALUES ${this.db.values(chunk.length, 10)}
         ON CONFLICT (metric_type, series, resolution, timestamp) DO UPDATE SET
           avg_value = excluded.avg_value, min_value = excluded.min_value, max_value = excluded.max_value,
           sum_value = excluded.sum_value, last_value = excluded.last_value, count = excluded.count`,
        chunk.flatMap((r) => [r.metricType, r.series, r.resolution, r.timestamp, r.avg, r.min, r.max, r.sum, r.last, r.count]),
      );
    }
  }

  /** How far each rollup level is complete: every bucket ending at or before this time is stored. */
  async rolledUntil(): Promise<Partial<Record<RollupResolution, string>>> {
    const rows = await this.db.query<{ resolution: RollupResolution; rolled_until: string }>(
      'SELECT resolution, rolled_until FROM metrics_rollup_state',
    );
    return Object.fromEntries(rows.map((r) => [r.resolution, r.rolled_until]));
  }

  async setRolledUntil(resolution: RollupResolution, until: string): Promise<void> {
    await this.db.query(
      `INSERT INTO metrics_rollup_state (resolution, rolled_until, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (resolution) DO UPDATE SET rolled_until = excluded.rolled_until, updated_at = excluded.updated_at`,
      [resolution, until, new Date().toISOString()],
    );
  }

  /**
   * Deletes up to `limit` rows older than `before` (of one resolution for the rollups) in one
   * short statement; answers how many. The id subquery keeps each delete small on both engines.
   */
  deleteOlder(table: MetricsTable, before: string, limit: number, resolution?: RollupResolution): Promise<number> {
    const where = resolution ? 'resolution = ? AND timestamp < ?' : 'timestamp < ?';
    const params = resolution ? [resolution, before, limit] : [before, limit];
    return this.db.execute(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${where} LIMIT ?)`, params);
  }

  async count(table: MetricsTable): Promise<number> {
    const [row] = await this.db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
    return Number(row?.n ?? 0);
  }
}

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
