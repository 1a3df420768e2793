import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { BotPositionDetail } from '@dnb/contracts';
import { naiveIso } from '../common/naive-time';
import type { SimJournal } from '../model/sim-journal';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS positions (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  created_at TIMESTAMP,
  updated_at TIMESTAMP,
  is_closed INTEGER DEFAULT 0
);
CREATE TABLE IF NOT EXISTS action_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  action_type TEXT NOT NULL,
  data TEXT,
  timestamp TIMESTAMP
);
CREATE TABLE IF NOT EXISTS state (
  key TEXT PRIMARY KEY,
  value TEXT,
  updated_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS idx_action_log_timestamp ON action_log(timestamp);
`;

/**
 * state.db in the production bot's schema. WAL, so the control center can read it
 * read-only (mode=ro) while the simulator writes. A failed write is logged, never
 * allowed to stop the simulated bot.
 */
export class StateStore implements SimJournal {
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly insertAction: Database.Statement;
  private readonly putState: Database.Statement;
  private readonly saveAll: (rows: { id: string; openedAt: number; detail: BotPositionDetail }[], now: number) => void;

  constructor(
    readonly path: string,
    private readonly onError: (error: unknown, what: string) => void,
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.upsert = this.db.prepare(
      `INSERT INTO positions (id, data, created_at, updated_at, is_closed) VALUES (?, ?, ?, ?, 0)
       ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, is_closed = 0`,
    );
    this.remove = this.db.prepare('DELETE FROM positions WHERE id = ?');
    this.insertAction = this.db.prepare('INSERT INTO action_log (action_type, data, timestamp) VALUES (?, ?, ?)');
    this.putState = this.db.prepare(
      `INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.saveAll = this.db.transaction((rows: { id: string; openedAt: number; detail: BotPositionDetail }[], now: number) => {
      const at = naiveIso(now);
      for (const row of rows) this.upsert.run(row.id, JSON.stringify(row.detail), naiveIso(row.openedAt), at);
    });
  }

  /** A fresh bot: no positions, no log, no state (boot and control reset). */
  wipe(): void {
    this.guard('wipe', () => {
      this.db.exec(
        "DELETE FROM positions; DELETE FROM action_log; DELETE FROM state; DELETE FROM sqlite_sequence WHERE name = 'action_log';",
      );
    });
  }

  savePositions(rows: { id: string; openedAt: number; detail: BotPositionDetail }[], now: number): void {
    this.guard('save positions', () => this.saveAll(rows, now));
  }

  deletePosition(id: string): void {
    this.guard('delete position', () => this.remove.run(id));
  }

  action(type: string, data: Record<string, unknown>, now: number): void {
    this.guard('append action', () => this.insertAction.run(type, JSON.stringify(data), naiveIso(now)));
  }

  state(key: string, value: unknown, now: number): void {
    this.guard('put state', () => this.putState.run(key, typeof value === 'string' ? value : JSON.stringify(value), naiveIso(now)));
  }

  close(): void {
    if (!this.db.open) return;
    this.guard('checkpoint', () => this.db.pragma('wal_checkpoint(TRUNCATE)'));
    this.db.close();
  }

  private guard(what: string, fn: () => unknown): void {
    try {
      fn();
    } catch (error) {
      this.onError(error, what);
    }
  }
}
