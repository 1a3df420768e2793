import { Injectable } from '@nestjs/common';
import type { Aggregate } from './decimal-aggregate';
import { HistoryDatabase, QUERY_TIMEOUT_MS } from './history-database';
import { iso, RESOLUTION_MS, type Resolution, type RollupResolution } from './history-resolution';

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

/** One series' points of a window as `timestamp=value` pairs joined by commas, oldest first. */
export interface PackedSeries {
  metric_type: string;
  series: string;
  pairs: string;
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

/** Buckets (per metric) one packed chart read covers at most: a 2,000-point chart and its newest part fit in one. */
const PACKED_BUCKETS = 20_000;

/** The metrics_rollup_state row that says when retention last removed rollup buckets. */
const PRUNED = 'pruned';

/** A rollup row's fields in the order of metrics_downsampled's columns. */
const ROLLUP_COLUMNS = ['metricType', 'series', 'resolution', 'timestamp', 'avg', 'min', 'max', 'sum', 'last', 'count'] as const;

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

  /**
   * Each bucket's newest value over several parts of a series (a rollup level's last_value,
   * or the 1-minute value), packed by the database into one `timestamp=value,...` string per
   * metric and part: a chart reads a handful of rows instead of thousands. A long read goes
   * in several statements, each under what is left of the statement timeout.
   */
  async readLastValues(
    metricTypes: readonly string[],
    series: string,
    parts: ReadonlyArray<{ resolution: Resolution; from: string; to: string }>,
  ): Promise<Array<{ metricType: string; part: number; pairs: string }>> {
    const deadline = performance.now() + QUERY_TIMEOUT_MS;
    const packed = this.db.postgres
      ? (value: string) => `string_agg(timestamp || '=' || CAST(${value} AS TEXT), ',')`
      : (value: string) => `group_concat(timestamp || '=' || CAST(${value} AS TEXT), ',')`;
    const out: Array<{ metricType: string; part: number; pairs: string }> = [];
    let selects: string[] = [];
    let params: unknown[] = [];
    let buckets = 0;
    const flush = async () => {
      if (selects.length === 0) return;
      const rows = await this.db.read<{ metric_type: string; part: number | string; pairs: string }>(
        selects.join(' UNION ALL '),
        params,
        deadline - performance.now(),
      );
      for (const r of rows) out.push({ metricType: r.metric_type, part: Number(r.part), pairs: r.pairs });
      [selects, params, buckets] = [[], [], 0];
    };
    for (const [i, part] of parts.entries()) {
      const size = RESOLUTION_MS[part.resolution];
      const end = Date.parse(part.to);
      for (let from = Date.parse(part.from); from < end;) {
        const to = Math.min(end, from + (PACKED_BUCKETS - buckets) * size);
        params.push(...metricTypes, series, ...(part.resolution === '1min' ? [] : [part.resolution]), iso(from), iso(to));
        selects.push(
          part.resolution === '1min'
            ? `SELECT metric_type, ${i} AS part, ${packed('value')} AS pairs FROM metrics
               WHERE metric_type IN (${marks(metricTypes.length)}) AND series = ? AND timestamp >= ? AND timestamp < ? GROUP BY metric_type`
            : `SELECT metric_type, ${i} AS part, ${packed('last_value')} AS pairs FROM metrics_downsampled
               WHERE metric_type IN (${marks(metricTypes.length)}) AND series = ? AND resolution = ? AND timestamp >= ? AND timestamp < ?
               GROUP BY metric_type`,
        );
        buckets += Math.ceil((to - from) / size);
        from = to;
        if (buckets >= PACKED_BUCKETS) await flush();
      }
    }
    await flush();
    return out;
  }

  /**
   * Every 1-minute point in [from, to), packed by the database into one `timestamp=value,...`
   * string per metric and series, oldest first (rollups read a bounded window at a time: a
   * few rows rather than one per point to carry and parse).
   */
  async rawWindow(from: string, to: string): Promise<PackedSeries[]> {
    const pairs = `timestamp || '=' || CAST(value AS TEXT)`;
    const packed = this.db.postgres ? `string_agg(${pairs}, ',' ORDER BY timestamp)` : `group_concat(${pairs}, ',' ORDER BY timestamp)`;
    return this.db.query<PackedSeries>(
      `SELECT metric_type, series, ${packed} AS pairs FROM metrics WHERE timestamp >= ? AND timestamp < ? GROUP BY metric_type, series`,
      [from, to],
    );
  }

  async earliestRaw(): Promise<string | null> {
    const [row] = await this.db.query<{ first: string | null }>('SELECT MIN(timestamp) AS first FROM metrics');
    return row?.first ?? null;
  }

  /**
   * Writes rollup buckets; a bucket already stored is replaced (a rerun computes the same
   * figures). `pause` runs between statements (the retention job lets readers in there).
   */
  async upsertRollups(rows: readonly RollupRow[], pause?: () => Promise<void>): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      // One statement per chunk: each commits on its own, so no writer holds the database long.
      // PostgreSQL takes the chunk as ten arrays (10 parameters rather than 5,000 to bind and plan).
      const source = this.db.postgres
        ? `SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::bigint[])`
        : `VALUES ${this.db.values(chunk.length, 10)}`;
      const params = this.db.postgres
        ? ROLLUP_COLUMNS.map((column) => chunk.map((r) => r[column]))
        : chunk.flatMap((r) => ROLLUP_COLUMNS.map((column) => r[column]));
      await this.db.query(
        `INSERT INTO metrics_downsampled (metric_type, series, resolution, timestamp, avg_value, min_value, max_value, sum_value, last_value, count)
         ${source}
         ON CONFLICT (metric_type, series, resolution, timestamp) DO UPDATE SET
           avg_value = excluded.avg_value, min_value = excluded.min_value, max_value = excluded.max_value,
           sum_value = excluded.sum_value, last_value = excluded.last_value, count = excluded.count`,
        params,
      );
      if (pause && i + ROWS_PER_STATEMENT < rows.length) await pause();
    }
  }

  /** How far each rollup level is complete: every bucket ending at or before this time is stored. */
  async rolledUntil(): Promise<Partial<Record<RollupResolution, string>>> {
    return (await this.rollupState()).rolled;
  }

  /** rolledUntil, and when retention last removed rollup buckets (null: never). */
  async rollupState(): Promise<{ rolled: Partial<Record<RollupResolution, string>>; prunedAt: string | null }> {
    const rows = await this.db.query<{ resolution: string; rolled_until: string }>(
      'SELECT resolution, rolled_until FROM metrics_rollup_state',
    );
    const rolled: Partial<Record<RollupResolution, string>> = {};
    let prunedAt: string | null = null;
    for (const row of rows) {
      if (row.resolution === PRUNED) prunedAt = row.rolled_until;
      else rolled[row.resolution as RollupResolution] = row.rolled_until;
    }
    return { rolled, prunedAt };
  }

  /** Notes that retention removed rollup buckets (readers that keep buckets in memory drop theirs). */
  async setPruned(at: string): Promise<void> {
    await this.db.query(
      `INSERT INTO metrics_rollup_state (resolution, rolled_until, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (resolution) DO UPDATE SET rolled_until = excluded.rolled_until, updated_at = excluded.updated_at`,
      [PRUNED, at, at],
    );
  }

  async setRolledUntil(resolution: RollupResolution, until: string): Promise<void> {
    await this.db.query(
      `INSERT INTO metrics_rollup_state (resolution, rolled_until, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (resolution) DO UPDATE SET rolled_until = excluded.rolled_until, updated_at = excluded.updated_at`,
      [resolution, until, new Date().toISOString()],
    );
  }

  /**
   * Deletes the oldest rows older than `before` (of one resolution for the rollups), about
   * `batch` of them, in one short statement keyed by the time index: those up to the time of
   * the batch-th oldest row (so the rows of one time go together), starting after `after`
   * (where the previous batch ended) so no statement walks what earlier ones removed. Answers
   * how many went and where this batch ended (null: nothing older than `before` is left).
   */
  async deleteBatch(
    table: MetricsTable,
    before: string,
    after: string | null,
    batch: number,
    resolution?: RollupResolution,
  ): Promise<{ deleted: number; through: string | null }> {
    const conditions = [...(resolution ? ['resolution = ?'] : []), ...(after === null ? [] : ['timestamp > ?']), 'timestamp < ?'];
    const params = [...(resolution ? [resolution] : []), ...(after === null ? [] : [after]), before];
    const [end] = await this.db.query<{ timestamp: string }>(
      `SELECT timestamp FROM ${table} WHERE ${conditions.join(' AND ')} ORDER BY timestamp LIMIT 1 OFFSET ?`,
      [...params, batch - 1],
    );
    if (!end) {
      return { deleted: await this.db.execute(`DELETE FROM ${table} WHERE ${conditions.join(' AND ')}`, params), through: null };
    }
    conditions[conditions.length - 1] = 'timestamp <= ?';
    params[params.length - 1] = end.timestamp;
    return { deleted: await this.db.execute(`DELETE FROM ${table} WHERE ${conditions.join(' AND ')}`, params), through: end.timestamp };
  }

  async count(table: MetricsTable): Promise<number> {
    const [row] = await this.db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
    return Number(row?.n ?? 0);
  }
}

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
