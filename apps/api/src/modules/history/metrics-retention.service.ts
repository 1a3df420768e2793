import { Inject, Injectable, Optional } from '@nestjs/common';
import { Cron, Interval } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logger';
import { Leadership } from '../cluster/leadership';
import { DecimalAggregator } from './decimal-aggregate';
import { HistoryDatabase } from './history-database';
import {
  bucketStart,
  DAY_MS,
  iso,
  LATE_SAMPLE_GRACE_MS,
  RESOLUTION_MS,
  RETENTION_DAYS,
  ROLLUP_RESOLUTIONS,
  type RollupResolution,
} from './history-resolution';
import { MetricsRepository, type RollupRow } from './metrics.repository';

/** A bucket is rolled up only once this long has passed since it ended (a late sample may still land in it). */
export const ROLLUP_GRACE_MS = LATE_SAMPLE_GRACE_MS;
/** Raw rows read at once while rolling up: six hours of every series. */
const READ_WINDOW_MS = 6 * 3_600_000;
/** Rows deleted per statement, about (each its own short transaction). */
const DELETE_BATCH = 2000;
/** SQLite pages handed back to the file system per step. */
const VACUUM_PAGES_PER_STEP = 200;
/** The job runs at most about this long before it lets readers in (see timeSlicer). */
const SLICE_MS = 20;

export interface RetentionReport {
  started_at: string;
  duration_ms: number;
  /** Rollup buckets written per resolution. */
  rolled_up: Record<RollupResolution, number>;
  /** Rows deleted: raw 1-minute points, and buckets per resolution. */
  deleted: { '1min': number } & Record<RollupResolution, number>;
  /** SQLite: pages returned to the file system; PostgreSQL: whether VACUUM ran. */
  reclaimed: { sqlite_pages?: number; postgres_vacuum?: boolean };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lets waiting readers in once the job has run SLICE_MS since it last did: on SQLite the job
 * and the API share one synchronous connection, so a reader waits at most about a slice and
 * one statement, while the job does not hand the thread over after every short statement.
 */
function timeSlicer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}

/** One series' 5-minute buckets of a day, oldest first, the newest still filling. */
interface SeriesDay {
  buckets: Array<[bucketMs: number, aggregator: DecimalAggregator]>;
  current: number;
  aggregator: DecimalAggregator | null;
}

/** 5-minute buckets (oldest first) and the hours and days made from them. */
function foldLevels(fiveMinutes: Array<[number, DecimalAggregator]>): Array<[RollupResolution, Array<[number, DecimalAggregator]>]> {
  const fold = (finer: Array<[number, DecimalAggregator]>, resolution: RollupResolution) => {
    const out: Array<[number, DecimalAggregator]> = [];
    for (const [bucket, aggregator] of finer) {
      const start = bucketStart(bucket, resolution);
      let last = out[out.length - 1];
      if (!last || last[0] !== start) out.push((last = [start, new DecimalAggregator()]));
      last[1].merge(aggregator);
    }
    return out;
  };
  const hours = fold(fiveMinutes, '1hour');
  return [
    ['5min', fiveMinutes],
    ['1hour', hours],
    ['1day', fold(hours, '1day')],
  ];
}

/**
 * Spec 9.3 / Q5: rollups and retention of the metrics.
 *
 * Rollups are made as buckets close (every minute), not only at night, so a chart at 5 min,
 * 1 hour or 1 day always reads pre-aggregated rows. Retention then keeps 7 days at 1 minute,
 * 30 at 5 minutes, 90 at 1 hour and 365 at 1 day. Both are idempotent (buckets are upserted
 * with the figures of the same raw rows; a second run finds nothing to do) and resumable
 * (a level's progress is saved after each window; deletes only take what is already rolled
 * up). Every statement is short and the job yields between them, so a reader never waits long
 * for it, even on SQLite where the job and the API share one connection.
 */
@Injectable()
export class MetricsRetentionService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly metrics: MetricsRepository,
    private readonly db: HistoryDatabase,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly leadership?: Leadership,
  ) {}

  @Interval('history-rollup', 60_000)
  async rollUpOnSchedule(): Promise<void> {
    if (this.leadership && !this.leadership.isLeader()) return; // replicas: the leader's job
    try {
      await this.serial(() => this.rollUpNow(Date.now(), timeSlicer()));
    } catch (error) {
      this.logger.error({ err: error }, 'history rollup failed; it resumes on the next run');
    }
  }

  @Cron('0 0 3 * * *', { name: 'history-retention', timeZone: 'UTC' })
  async retentionOnSchedule(): Promise<void> {
    if (this.leadership && !this.leadership.isLeader()) return;
    try {
      const report = await this.run();
      this.logger.info({ report }, 'history retention done');
    } catch (error) {
      this.logger.error({ err: error }, 'history retention failed; it resumes on the next run');
    }
  }

  /** The whole job (rollups, deletes, space): what 03:00 UTC runs, and the admin route on demand. */
  run(nowMs: number = Date.now()): Promise<RetentionReport> {
    return this.serial(async () => {
      const started = performance.now();
      const pause = timeSlicer();
      const rolledUp = await this.rollUpNow(nowMs, pause);
      const deleted = await this.pruneNow(nowMs, pause);
      const total = Object.values(deleted).reduce((a, b) => a + b, 0);
      const reclaimed = total > 0 ? await this.reclaimSpace(pause) : {};
      return { started_at: iso(nowMs), duration_ms: Math.round(performance.now() - started), rolled_up: rolledUp, deleted, reclaimed };
    });
  }

  /** Only the rollups (closed buckets), as the minute schedule does. */
  rollUp(nowMs: number = Date.now()): Promise<Record<RollupResolution, number>> {
    return this.serial(() => this.rollUpNow(nowMs, timeSlicer()));
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async rollUpNow(nowMs: number, pause: () => Promise<void>): Promise<Record<RollupResolution, number>> {
    const written: Record<RollupResolution, number> = { '5min': 0, '1hour': 0, '1day': 0 };
    const earliest = await this.metrics.earliestRaw();
    if (earliest === null) return written;
    const state = await this.metrics.rolledUntil();
    // Per level: from where (its progress, but nothing older than it keeps) to where (closed buckets).
    const levels = ROLLUP_RESOLUTIONS.map((resolution) => {
      const keepFrom = bucketStart(nowMs - RETENTION_DAYS[resolution] * DAY_MS, resolution);
      const done = state[resolution] ? Date.parse(state[resolution]) : bucketStart(Date.parse(earliest), resolution);
      return { resolution, from: Math.max(done, keepFrom), until: bucketStart(nowMs - ROLLUP_GRACE_MS, resolution) };
    }).filter((level) => level.from < level.until);
    if (levels.length === 0) return written;

    // One pass over the raw rows for every level due, a UTC day at a time (whole 1-day buckets):
    // each series' 5-minute buckets are made from its raw points, its hours from those, its
    // day from its hours (the same figures as from the raw points: sums and counts add up,
    // min/max/last carry over), so each raw point is parsed and added once.
    const start = bucketStart(Math.min(...levels.map((l) => l.from)), '1day');
    const end = Math.max(...levels.map((l) => l.until));
    for (let day = start; day < end; day += DAY_MS) {
      const dayEnd = Math.min(day + DAY_MS, end);
      const days = new Map<string, Map<string, SeriesDay>>();
      for (let from = day; from < dayEnd; from += READ_WINDOW_MS) {
        for (const packed of await this.metrics.rawWindow(iso(from), iso(Math.min(from + READ_WINDOW_MS, dayEnd)))) {
          let byType = days.get(packed.metric_type);
          if (!byType) days.set(packed.metric_type, (byType = new Map()));
          let series = byType.get(packed.series);
          if (!series) byType.set(packed.series, (series = { buckets: [], current: -1, aggregator: null }));
          for (const pair of packed.pairs.split(',')) {
            const cut = pair.indexOf('=');
            const fiveMinutes = bucketStart(Date.parse(pair.slice(0, cut)), '5min');
            if (series.current !== fiveMinutes || !series.aggregator) {
              series.aggregator = new DecimalAggregator();
              series.current = fiveMinutes;
              series.buckets.push([fiveMinutes, series.aggregator]);
            }
            series.aggregator.add(pair.slice(cut + 1));
          }
        }
        await pause();
      }
      const rows: Record<RollupResolution, RollupRow[]> = { '5min': [], '1hour': [], '1day': [] };
      for (const [metricType, byType] of days) {
        for (const [series, seriesDay] of byType) {
          for (const [resolution, buckets] of foldLevels(seriesDay.buckets)) {
            const level = levels.find((l) => l.resolution === resolution);
            if (!level) continue;
            for (const [bucket, aggregator] of buckets) {
              if (bucket < level.from || bucket + RESOLUTION_MS[resolution] > level.until) continue;
              rows[resolution].push({ metricType, series, resolution, timestamp: iso(bucket), ...aggregator.result() });
            }
          }
        }
      }
      for (const level of levels) {
        await this.metrics.upsertRollups(rows[level.resolution], pause);
        written[level.resolution] += rows[level.resolution].length;
        const progress = Math.min(dayEnd, level.until);
        if (progress > level.from) await this.metrics.setRolledUntil(level.resolution, iso(progress));
        await pause();
      }
    }
    return written;
  }

  private async pruneNow(nowMs: number, pause: () => Promise<void>): Promise<RetentionReport['deleted']> {
    const state = await this.metrics.rolledUntil();
    // Raw rows go once they are older than 7 days and every level has rolled them up.
    const rawCut = Math.min(
      nowMs - RETENTION_DAYS['1min'] * DAY_MS,
      ...ROLLUP_RESOLUTIONS.map((r) => (state[r] ? Date.parse(state[r]) : -Infinity)),
    );
    const deleted: RetentionReport['deleted'] = { '1min': 0, '5min': 0, '1hour': 0, '1day': 0 };
    if (Number.isFinite(rawCut)) deleted['1min'] = await this.deleteAll(pause, iso(rawCut));
    for (const resolution of ROLLUP_RESOLUTIONS) {
      deleted[resolution] = await this.deleteAll(pause, iso(nowMs - RETENTION_DAYS[resolution] * DAY_MS), resolution);
    }
    if (ROLLUP_RESOLUTIONS.some((r) => deleted[r] > 0)) await this.metrics.setPruned(new Date().toISOString());
    return deleted;
  }

  private async deleteAll(pause: () => Promise<void>, before: string, resolution?: RollupResolution): Promise<number> {
    const table = resolution ? 'metrics_downsampled' : 'metrics';
    let total = 0;
    let after: string | null = null;
    for (;;) {
      const batch = await this.metrics.deleteBatch(table, before, after, DELETE_BATCH, resolution);
      total += batch.deleted;
      if (batch.through === null) return total;
      after = batch.through;
      await pause();
    }
  }

  /**
   * SQLite in incremental auto-vacuum mode (new databases are made so) hands free pages back a
   * step at a time; otherwise freed pages are reused by later inserts. PostgreSQL: a plain
   * VACUUM, which takes no lock that blocks readers or writers.
   */
  private async reclaimSpace(pause: () => Promise<void>): Promise<RetentionReport['reclaimed']> {
    if (this.db.postgres) {
      await this.db.query('VACUUM (ANALYZE) metrics, metrics_downsampled');
      return { postgres_vacuum: true };
    }
    const [mode] = await this.db.query<{ auto_vacuum: number }>('PRAGMA auto_vacuum');
    if (Number(mode?.auto_vacuum) !== 2) return { sqlite_pages: 0 };
    let pages = 0;
    for (;;) {
      const [free] = await this.db.query<{ freelist_count: number }>('PRAGMA freelist_count');
      const left = Number(free?.freelist_count ?? 0);
      if (left === 0) return { sqlite_pages: pages };
      this.db.execSqlite(`PRAGMA incremental_vacuum(${VACUUM_PAGES_PER_STEP})`);
      pages += Math.min(left, VACUUM_PAGES_PER_STEP);
      await pause();
    }
  }
}
