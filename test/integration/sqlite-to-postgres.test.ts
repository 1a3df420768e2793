import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDataSourceOptions } from '../../apps/api/src/database/database-options';
import { REPO_ROOT } from '../support/api';
import { createPostgresDatabase, withPg } from '../support/auth';

const CLI = join(REPO_ROOT, 'apps/api/dist/cli/migrate-sqlite-to-postgres.js');
const THIRTY_DIGITS = '123456789012345678901234.567890';
const BEYOND_DOUBLE = '9007199254740993';

const tempDir = mkdtempSync(join(tmpdir(), 'dnb-migrate-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

/** The real command, as an operator runs it. */
function migrate(from: string, to: string): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [CLI, '--from', from, '--to', to, '--batch-rows', '7'], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** A SQLite database at the current schema (the API's own migrations), with rows in the tables that matter. */
async function populatedSqlite(path: string): Promise<Database.Database> {
  const dataSource = new DataSource(buildDataSourceOptions({ driver: 'sqlite', path }));
  await dataSource.initialize();
  await dataSource.destroy();
  const db = new Database(path);
  const now = '2026-12-04T12:00:00.000Z';
  const user = db.prepare(
    `INSERT INTO users (id, username, password_hash, role, is_active, must_change_password, mfa_enabled, created_at, updated_at, password_changed_at)
     VALUES (?, ?, 'hash', ?, ?, 0, ?, ?, ?, ?)`,
  );
  user.run('u1', 'alice', 'admin', 1, 1, now, now, now);
  user.run('u2', 'bob', 'viewer', 0, 0, now, now, now);
  db.prepare(`INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, auth_time) VALUES ('s1', 'u1', ?, ?, ?, ?)`).run(
    now,
    now,
    now,
    1_764_849_600n,
  );
  for (let i = 0; i < 40; i++) {
    db.prepare(`INSERT INTO metrics (metric_type, series, value, timestamp) VALUES ('total_pnl', '', ?, ?)`).run(
      i === 0 ? THIRTY_DIGITS : i === 1 ? '0.10' : `-${i}.25`,
      new Date(Date.parse(now) + i * 60_000).toISOString(),
    );
  }
  db.prepare(`INSERT INTO feed_events (seq, type, timestamp, data, created_at) VALUES (?, 'stats_update', ?, '{}', ?)`).run(
    BigInt(BEYOND_DOUBLE),
    now,
    now,
  );
  db.prepare(`INSERT INTO app_meta (key, value, updated_at) VALUES ('instance', 'abc', ?)`).run(now);
  return db;
}

describe('npm run migrate:sqlite-to-postgres (real SQLite file, real PostgreSQL, the built command)', () => {
  let source: Database.Database;
  let sourcePath: string;
  let target: string;

  beforeAll(async () => {
    sourcePath = join(tempDir, 'source.db');
    source = await populatedSqlite(sourcePath);
    target = await createPostgresDatabase(inject('databaseUrl'), 'migrate');
  });
  afterAll(() => source?.close());

  it('copies every table and verifies counts and checksums, keeping values exact', async () => {
    const run = migrate(sourcePath, target);
    expect(run.out).toContain('verified: ');
    expect(run.status).toBe(0);
    await withPg(target, async (pg) => {
      expect((await pg.query('SELECT count(*)::int AS n FROM metrics')).rows[0].n).toBe(40);
      const values = (await pg.query('SELECT value::text AS v FROM metrics ORDER BY id')).rows.map((r) => r.v);
      expect(values.slice(0, 2)).toEqual([THIRTY_DIGITS, '0.10']);
      const users = (await pg.query('SELECT username, is_active, mfa_enabled FROM users ORDER BY username')).rows;
      expect(users).toEqual([
        { username: 'alice', is_active: true, mfa_enabled: true },
        { username: 'bob', is_active: false, mfa_enabled: false },
      ]);
      expect((await pg.query('SELECT seq::text AS seq FROM feed_events')).rows[0].seq).toBe(BEYOND_DOUBLE);
      expect((await pg.query('SELECT auth_time::text AS t FROM sessions')).rows[0].t).toBe('1764849600');
    });
  });

  it('changes nothing when run again on an unchanged source', () => {
    const run = migrate(sourcePath, target);
    expect(run.status).toBe(0);
    // Read again, written 0 (nothing differed), removed 0.
    expect(run.out).toMatch(/metrics\s+40\s+40\s+0\s+0\s/);
  });

  it('brings the copy up to date on a rerun: new, changed and deleted rows', async () => {
    source.prepare(`DELETE FROM metrics WHERE id = 5`).run();
    source.prepare(`UPDATE users SET role = 'operator' WHERE id = 'u2'`).run();
    source
      .prepare(`INSERT INTO metrics (metric_type, series, value, timestamp) VALUES ('total_pnl', '', '7.77', '2026-12-05T00:00:00.000Z')`)
      .run();
    const run = migrate(sourcePath, target);
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/metrics\s+40\s+40\s+1\s+1\s/);
    expect(run.out).toMatch(/users\s+2\s+2\s+1\s+0\s/);
    await withPg(target, async (pg) => {
      expect((await pg.query(`SELECT role FROM users WHERE id = 'u2'`)).rows[0].role).toBe('operator');
      expect((await pg.query('SELECT count(*)::int AS n FROM metrics WHERE id = 5')).rows[0].n).toBe(0);
    });
  });

  it('moves identity sequences past the copied ids, so the API can insert at once', async () => {
    await withPg(target, async (pg) => {
      const { rows } = await pg.query(
        `INSERT INTO metrics (metric_type, series, value, timestamp) VALUES ('total_pnl', '', '1', '2026-12-06T00:00:00.000Z') RETURNING id::int AS id`,
      );
      expect(rows[0].id).toBe(42);
    });
  });

  it('refuses, and writes nothing, when the copy was written to since (an API runs on it)', async () => {
    const run = migrate(sourcePath, target);
    expect(run.status).toBe(2);
    expect(run.out).toContain('written to since the last copy (metrics: 40 -> 41 rows)');
    await withPg(target, async (pg) => {
      expect((await pg.query('SELECT count(*)::int AS n FROM metrics')).rows[0].n).toBe(41);
    });
  });

  it('refuses a target that holds data of its own', async () => {
    const other = await createPostgresDatabase(inject('databaseUrl'), 'migrate');
    const dataSource = new DataSource(buildDataSourceOptions({ driver: 'postgres', url: other }));
    await dataSource.initialize();
    await dataSource.query(`INSERT INTO app_meta (key, value, updated_at) VALUES ('own', 'x', '2026-12-04T00:00:00.000Z')`);
    await dataSource.destroy();
    const run = migrate(sourcePath, other);
    expect(run.status).toBe(2);
    expect(run.out).toContain('refused: the target already holds data this command did not copy (app_meta: 1 rows)');
  });

  it('completes a copy that was interrupted', async () => {
    const other = await createPostgresDatabase(inject('databaseUrl'), 'migrate');
    const dataSource = new DataSource(buildDataSourceOptions({ driver: 'postgres', url: other }));
    await dataSource.initialize();
    // What a run stopped after its first batch leaves behind.
    await dataSource.query(
      `INSERT INTO app_meta (key, value, updated_at) VALUES ('sqlite_copy', '{"status":"copying","source":"x","started_at":"2026-12-04T00:00:00.000Z"}', '2026-12-04T00:00:00.000Z')`,
    );
    await dataSource.query(
      `INSERT INTO metrics (id, metric_type, series, value, timestamp) OVERRIDING SYSTEM VALUE VALUES (1, 'total_pnl', '', '0', 't')`,
    );
    await dataSource.destroy();
    const run = migrate(sourcePath, other);
    expect(run.out).toContain('completing it');
    expect(run.status).toBe(0);
  });

  it('refuses a SQLite file at another schema version', () => {
    const old = new Database(join(tempDir, 'old.db'));
    old.exec(
      `CREATE TABLE migrations (id INTEGER PRIMARY KEY, timestamp BIGINT, name TEXT); INSERT INTO migrations VALUES (1, 1763769600000, 'Init1763769600000')`,
    );
    old.close();
    const run = migrate(join(tempDir, 'old.db'), target);
    expect(run.status).toBe(2);
    expect(run.out).toContain('refused: the SQLite file is at schema [Init1763769600000]');
  });
});
