// npm run bench:history — issue 6's figures: seed a year of 1-minute metrics (10 types,
// ~5.26 M rows), time the PnL chart computed by a raw GROUP BY on that undownsampled table,
// run the retention job (rollups + deletes + space) while a reader loop measures how long reads
// wait, then time the PnL chart the API serves (rollups) for 24h/7d/30d/90d/1y. SQLite, then a
// throwaway PostgreSQL cluster. Needs `npm run build` (it loads apps/api/dist).
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, ROOT, startPostgres } from './lib.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => require(join(ROOT, 'apps/api/dist', path));
const { DataSource } = require('typeorm');
const pino = require('pino');
const { buildDataSourceOptions } = dist('database/database-options.js');
const { HistoryDatabase } = dist('modules/history/history-database.js');
const { MetricsRepository } = dist('modules/history/metrics.repository.js');
const { TradesRepository } = dist('modules/history/trades.repository.js');
const { CircuitBreakersRepository } = dist('modules/history/circuit-breakers.repository.js');
const { MetricsRetentionService } = dist('modules/history/metrics-retention.service.js');
const { SeriesReader } = dist('modules/history/series-reader.js');
const { HistoryQueryService } = dist('modules/history/history-query.service.js');
const { PNL_METRICS } = dist('modules/history/portfolio-sample.js');

const MINUTE = 60_000;
const DAY = 86_400_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
/** The raw GROUP BY of a long range takes seconds: it gets at most this long per range (runs counted). */
const RAW_BUDGET_MS = Number(process.env.BENCH_RAW_BUDGET_MS ?? 15_000);
const RANGES = [
  ['24h', 1],
  ['7d', 7],
  ['30d', 30],
  ['90d', 90],
  ['1y', 365],
];
const TYPES = [
  ...Object.values(PNL_METRICS).map((t) => [t, '']),
  ['deployed_capital', ''],
  ['position_health_factor', 'pos_bench'],
  ['position_margin_fraction', 'pos_bench'],
  ['position_delta_ratio', 'pos_bench'],
  ['funding_rate', 'SOL'],
];
const BUCKET_SECONDS = { '1min': 60, '5min': 300, '1hour': 3600, '1day': 86400 };

/** An integer number of hundredths (or 1e-6ths) written as a decimal string, without floats. */
function decimal(units, scale) {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** A year of minutes ending at `now`, one row per type: random walks, deterministic. */
function* seedRows(now) {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const walk = TYPES.map(() => 0);
  for (let t = now - 365 * DAY; t < now; t += MINUTE) {
    const timestamp = new Date(t).toISOString();
    const rows = [];
    for (let i = 0; i < TYPES.length; i++) {
      walk[i] += Math.round(rand() * 50);
      const [type, series] = TYPES[i];
      const value = i < 6 ? decimal(100_000 + walk[i], 2) : decimal(300_000 + walk[i], 6);
      rows.push([type, series, value, timestamp]);
    }
    yield rows;
  }
}

function buildServices(dataSource) {
  const db = new HistoryDatabase(dataSource);
  const metrics = new MetricsRepository(db);
  const logger = pino({ level: 'silent' });
  const retention = new MetricsRetentionService(metrics, db, logger);
  const bridge = { snapshot: () => ({ positions: null }) };
  const query = new HistoryQueryService(new SeriesReader(metrics), new TradesRepository(db), new CircuitBreakersRepository(db), bridge);
  return { db, metrics, retention, query };
}

async function seed(dataSource, postgres, now) {
  const started = performance.now();
  let rows = 0;
  let batch = [];
  const flush = async () => {
    if (!batch.length) return;
    if (postgres) {
      const cols = [[], [], [], []];
      for (const r of batch) for (let i = 0; i < 4; i++) cols[i].push(r[i]);
      await dataSource.query(
        'INSERT INTO metrics (metric_type, series, value, timestamp) SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[], $4::text[])',
        cols,
      );
    } else {
      const sqlite = dataSource.driver.databaseConnection;
      const insert = sqlite.prepare('INSERT INTO metrics (metric_type, series, value, timestamp) VALUES (?, ?, ?, ?)');
      sqlite.transaction((all) => {
        for (const r of all) insert.run(r);
      })(batch);
    }
    rows += batch.length;
    batch = [];
  };
  for (const minute of seedRows(now)) {
    batch.push(...minute);
    if (batch.length >= 20_000) await flush();
  }
  await flush();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  seeded ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString('en')} rows/s`,
  );
  return rows;
}

/** The same chart (value at the end of each bucket, 5 PnL series) straight from the 1-minute table. */
function rawChartSql(postgres, bucketSeconds) {
  const types = Object.values(PNL_METRICS)
    .map((t) => `'${t}'`)
    .join(', ');
  if (postgres) {
    return `SELECT DISTINCT ON (metric_type, b) metric_type, floor(extract(epoch from timestamp::timestamptz) / ${bucketSeconds}) AS b, timestamp, value
            FROM metrics WHERE metric_type IN (${types}) AND series = '' AND timestamp >= $1 AND timestamp < $2
            ORDER BY metric_type, b, timestamp DESC`;
  }
  return `SELECT metric_type, CAST(strftime('%s', timestamp) AS INTEGER) / ${bucketSeconds} AS b, MAX(timestamp) AS timestamp, value
          FROM metrics WHERE metric_type IN (${types}) AND series = '' AND timestamp >= ? AND timestamp < ?
          GROUP BY metric_type, b`;
}

async function timeRuns(fn, runs, budgetMs = Infinity) {
  const times = [];
  const started = performance.now();
  let points = 0;
  while (times.length < runs && (times.length === 0 || performance.now() - started < budgetMs)) {
    const t0 = performance.now();
    points = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), points };
}

const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
/** The machine's load beside each figure (the bench shares its cores with whatever else runs). */
const load = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
/** A figure against its target, judged on the number itself. */
const verdict = (value, limit) => (value < limit ? 'ok' : `OVER ${limit}`);
const CHART_P95_MS = 20;
const RETENTION_MS = 60_000;
const READER_WAIT_MS = 100;

async function benchDatabase(name, options) {
  console.log(`\n== ${name} == (${load()})`);
  const dataSource = new DataSource({ ...buildDataSourceOptions(options), logging: false });
  await dataSource.initialize();
  const postgres = options.driver === 'postgres';
  const { metrics, retention, query } = buildServices(dataSource);
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  // Charts are asked as a live dashboard asks them: the range ends at the moment of the read.
  const seededAt = performance.now();
  const liveNow = () => now + Math.floor(performance.now() - seededAt);
  await seed(dataSource, postgres, now);
  if (postgres) await dataSource.query('ANALYZE metrics');

  console.log('  PnL chart by a raw GROUP BY on the undownsampled 1-minute table:');
  const raw = {};
  for (const [label, days] of RANGES) {
    const resolution = days <= 1 ? '1min' : days <= 7 ? '5min' : days <= 30 ? '1hour' : '1day';
    const sql = rawChartSql(postgres, BUCKET_SECONDS[resolution]);
    const from = new Date(now - days * DAY).toISOString();
    const to = new Date(now).toISOString();
    raw[label] = await timeRuns(async () => (await dataSource.query(sql, [from, to])).length / 5, RUNS, RAW_BUDGET_MS);
    const r = raw[label];
    console.log(
      `    ${label.padEnd(4)} ${resolution.padEnd(5)} p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  (${r.n} runs, ${r.points} points; ${load()})`,
    );
  }

  const before = { raw: await metrics.count('metrics'), rollups: await metrics.count('metrics_downsampled') };
  const sizeBefore = postgres ? await pgSize(dataSource) : fileSize(options.path);
  // A reader loop beside the job: each iteration is the 24h chart, as a dashboard would ask.
  // The API has served that chart before 03:00, so the reader starts warm (its first read
  // ever is timed below, as "first").
  await query.pnl({ days: 1 }, liveNow());
  let reading = true;
  let longest = 0;
  let reads = 0;
  const reader = (async () => {
    while (reading) {
      const t0 = performance.now();
      await query.pnl({ days: 1 }, liveNow());
      longest = Math.max(longest, performance.now() - t0);
      reads++;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const report = await retention.run(now);
  reading = false;
  await reader;
  const after = { raw: await metrics.count('metrics'), rollups: await metrics.count('metrics_downsampled') };
  const sizeAfter = postgres ? await pgSize(dataSource) : fileSize(options.path);
  console.log(
    `  retention: ${(report.duration_ms / 1000).toFixed(1)} s [${verdict(report.duration_ms, RETENTION_MS)}]; longest reader wait ${fmt(longest)} over ${reads} reads [${verdict(longest, READER_WAIT_MS)}] (${load()})`,
  );
  console.log(
    `    rolled up ${JSON.stringify(report.rolled_up)}; deleted ${JSON.stringify(report.deleted)}; reclaimed ${JSON.stringify(report.reclaimed)}`,
  );
  console.log(
    `    rows: metrics ${before.raw.toLocaleString('en')} -> ${after.raw.toLocaleString('en')}, metrics_downsampled ${before.rollups} -> ${after.rollups}; size ${sizeBefore} -> ${sizeAfter}`,
  );
  const again = await retention.run(now);
  console.log(
    `  retention again (must change nothing): rolled ${JSON.stringify(again.rolled_up)} deleted ${JSON.stringify(again.deleted)} in ${again.duration_ms} ms`,
  );

  console.log('  PnL chart as the API serves it (rollups + newest raw), GET /history/pnl?days=N:');
  // A fresh service per range: its first read is cold (nothing of it kept in memory yet).
  const verdicts = [];
  for (const [label, days] of RANGES) {
    const fresh = buildServices(dataSource).query;
    const t0 = performance.now();
    await fresh.pnl({ days }, liveNow());
    const cold = performance.now() - t0;
    const r = await timeRuns(async () => (await fresh.pnl({ days }, liveNow())).data_points.length, RUNS);
    verdicts.push(r.p95 < CHART_P95_MS);
    console.log(
      `    ${label.padEnd(4)} p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  first ${fmt(cold)}  (${r.n} runs, ${r.points} points)  raw GROUP BY p95 ${fmt(raw[label].p95)}  [${verdict(r.p95, CHART_P95_MS)}] (${load()})`,
    );
  }
  console.log(
    `  targets: chart p95 < ${CHART_P95_MS} ms ${verdicts.every(Boolean) ? 'ok' : 'OVER'}; retention < 60 s ${verdict(report.duration_ms, RETENTION_MS)}; reader wait < ${READER_WAIT_MS} ms ${verdict(longest, READER_WAIT_MS)}`,
  );
  await dataSource.destroy();
}

function fileSize(path) {
  let bytes = 0;
  for (const suffix of ['', '-wal']) if (existsSync(path + suffix)) bytes += statSync(path + suffix).size;
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

async function pgSize(dataSource) {
  const [row] = await dataSource.query("SELECT pg_total_relation_size('metrics') + pg_total_relation_size('metrics_downsampled') AS bytes");
  return `${(Number(row.bytes) / 1e6).toFixed(0)} MB`;
}

const only = process.env.BENCH_DB; // sqlite | postgres | unset (both)
if (only !== 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'dnb-bench-sqlite-'));
  try {
    await benchDatabase('SQLite (WAL, incremental auto-vacuum)', { driver: 'sqlite', path: join(dir, 'bench.db') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (only !== 'sqlite') {
  const pg = await startPostgres();
  try {
    await benchDatabase('PostgreSQL', { driver: 'postgres', url: pg.url });
  } finally {
    pg.stop();
  }
}
