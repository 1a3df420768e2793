#!/usr/bin/env node
// npm run bench:migrate — issue 9's figure: a SQLite database with 1,000,000 metric rows (and
// rollups and feed events) moved to PostgreSQL by `npm run migrate:sqlite-to-postgres` with its
// counts and checksums verified; then the same command again (the catch-up rerun before a
// cut-over). Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startPostgres } from './lib.mjs';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const { DataSource } = require('typeorm');
const { buildDataSourceOptions } = require(join(ROOT, 'apps/api/dist/database/database-options.js'));

const METRIC_ROWS = Number(process.env.BENCH_METRIC_ROWS ?? 1_000_000);
const CLI = join(ROOT, 'apps/api/dist/cli/migrate-sqlite-to-postgres.js');

async function seed(path) {
  const dataSource = new DataSource(buildDataSourceOptions({ driver: 'sqlite', path }));
  await dataSource.initialize();
  await dataSource.destroy();
  const db = new Database(path);
  const started = performance.now();
  const types = [
    'total_pnl',
    'realized_pnl',
    'unrealized_pnl',
    'funding_pnl',
    'position_pnl',
    'deployed_capital',
    'position_health_factor',
    'position_margin_fraction',
    'position_delta_ratio',
    'funding_rate',
  ];
  const t0 = Date.UTC(2026, 0, 1);
  const metric = db.prepare('INSERT INTO metrics (metric_type, series, value, timestamp) VALUES (?, ?, ?, ?)');
  const rollup = db.prepare(
    `INSERT INTO metrics_downsampled (metric_type, series, resolution, timestamp, avg_value, min_value, max_value, sum_value, last_value, count)
     VALUES (?, '', '5min', ?, ?, ?, ?, ?, ?, 5)`,
  );
  const event = db.prepare(`INSERT INTO feed_events (seq, type, timestamp, data, created_at) VALUES (?, 'stats_update', ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < METRIC_ROWS; i++) {
      const type = types[i % types.length];
      const minute = Math.floor(i / types.length);
      metric.run(
        type,
        type.startsWith('position_') ? 'pos_bench' : '',
        `${(i % 100_000) - 50_000}.${String(i % 100).padStart(2, '0')}`,
        new Date(t0 + minute * 60_000).toISOString(),
      );
    }
    for (let i = 0; i < 10_000; i++) {
      const at = new Date(t0 + i * 300_000).toISOString();
      rollup.run(types[i % types.length], at, '1.5', '1.00', '2.00', '7.50', '1.75');
      event.run(i + 1, at, `{"n":${i}}`, at);
    }
  })();
  db.close();
  const rows = METRIC_ROWS + 20_000;
  console.log(
    `seeded ${rows.toLocaleString('en')} rows (${METRIC_ROWS.toLocaleString('en')} metrics) in ${((performance.now() - started) / 1000).toFixed(1)} s; file ${(statSync(path).size / 1e6).toFixed(0)} MB`,
  );
}

function migrate(from, to, label) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, '--from', from, '--to', to], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const lines = result.stdout.trim().split('\n');
  console.log(
    `\n${label}: exit ${result.status} in ${seconds.toFixed(1)} s (${Math.round((METRIC_ROWS + 20_000) / seconds).toLocaleString('en')} rows/s)`,
  );
  for (const line of lines.filter((l) => /^(table|metrics|feed_events|verified|NOT verified)/.test(l))) console.log(`  ${line}`);
  if (result.status !== 0) {
    console.error(result.stderr);
    process.exitCode = 1;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'dnb-bench-migrate-'));
const pg = await startPostgres();
try {
  const path = join(dir, 'control-center.db');
  await seed(path);
  migrate(path, pg.url, 'first copy');
  migrate(path, pg.url, 'rerun on an unchanged source (the catch-up before a cut-over)');
} finally {
  pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
