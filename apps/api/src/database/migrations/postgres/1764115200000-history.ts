import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History (spec 9.2): 1-minute metrics, their rollups, trades, circuit-breaker events.
 * Decimals are NUMERIC (exact; read back as strings); times are ISO 8601 UTC text like every
 * other table. `series` names what a metric is about ('' for the portfolio, a position id or
 * an asset) and is part of every lookup key, so it is a column rather than buried in metadata.
 */
export class History1764115200000 implements MigrationInterface {
  name = 'History1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE metrics (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      metric_type TEXT NOT NULL,
      series TEXT NOT NULL DEFAULT '',
      value NUMERIC NOT NULL,
      metadata TEXT,
      resolution TEXT NOT NULL DEFAULT '1min',
      timestamp TEXT NOT NULL
    )`);
    // One point per metric, series and minute (a later sample in the same minute replaces it);
    // also the index of every range read.
    await q.query('CREATE UNIQUE INDEX ux_metrics_point ON metrics(metric_type, series, timestamp)');
    // Rollups and retention walk the table by time.
    await q.query('CREATE INDEX idx_metrics_time ON metrics(timestamp)');

    await q.query(`CREATE TABLE metrics_downsampled (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      metric_type TEXT NOT NULL,
      series TEXT NOT NULL DEFAULT '',
      resolution TEXT NOT NULL,
      timestamp TEXT NOT NULL,
      avg_value NUMERIC NOT NULL,
      min_value NUMERIC NOT NULL,
      max_value NUMERIC NOT NULL,
      sum_value NUMERIC NOT NULL,
      last_value NUMERIC NOT NULL,
      count BIGINT NOT NULL
    )`);
    await q.query('CREATE UNIQUE INDEX ux_metrics_downsampled_lookup ON metrics_downsampled(metric_type, series, resolution, timestamp)');
    await q.query('CREATE INDEX idx_metrics_downsampled_age ON metrics_downsampled(resolution, timestamp)');

    // How far each rollup level is complete (every bucket that ends at or before rolled_until).
    await q.query(`CREATE TABLE metrics_rollup_state (
      resolution TEXT PRIMARY KEY NOT NULL,
      rolled_until TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);

    await q.query(`CREATE TABLE trades (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      position_id TEXT NOT NULL,
      asset TEXT NOT NULL,
      opened_at TEXT NOT NULL,
      closed_at TEXT NOT NULL,
      observed_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      hold_seconds BIGINT NOT NULL,
      leverage NUMERIC NOT NULL,
      deployed_usd NUMERIC NOT NULL,
      total_pnl_usd NUMERIC NOT NULL,
      funding_pnl_usd NUMERIC NOT NULL,
      position_pnl_usd NUMERIC NOT NULL,
      close_reason TEXT,
      reason_source TEXT NOT NULL,
      last_seen TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    // A position id can come back after the bot's state is wiped; with its open time it cannot.
    await q.query('CREATE UNIQUE INDEX ux_trades_position ON trades(position_id, opened_at)');
    await q.query('CREATE INDEX idx_trades_closed ON trades(closed_at)');
    await q.query('CREATE INDEX idx_trades_asset_closed ON trades(asset, closed_at)');

    // Positions seen open, so a close that happened while the API was down still becomes a trade.
    await q.query(`CREATE TABLE history_open_positions (
      position_id TEXT PRIMARY KEY NOT NULL,
      opened_at TEXT NOT NULL,
      summary TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    )`);

    await q.query(`CREATE TABLE circuit_breaker_events (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      breaker_type TEXT NOT NULL,
      triggered_at TEXT NOT NULL,
      reason TEXT NOT NULL,
      scope TEXT NOT NULL,
      auto_recovery BOOLEAN,
      cooldown_seconds INTEGER,
      recovery_time TEXT,
      resolved_at TEXT,
      resolved_by TEXT,
      source TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query('CREATE UNIQUE INDEX ux_circuit_breaker_events ON circuit_breaker_events(breaker_type, triggered_at)');
    await q.query('CREATE INDEX idx_circuit_breaker_events_time ON circuit_breaker_events(triggered_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'circuit_breaker_events',
      'history_open_positions',
      'trades',
      'metrics_rollup_state',
      'metrics_downsampled',
      'metrics',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
