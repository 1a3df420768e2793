import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { toUtcIso } from '../bot-bridge/bot-time';

export interface CloseRecord {
  reason: string;
  /** When the bot logged the close (UTC Z). */
  closedAt: string | null;
}

/** How long a read may wait for the bot's own writer (it only ever holds short transactions). */
const BUSY_TIMEOUT_MS = 200;

/**
 * The bot's state.db (BOT_STATE_DB), opened read-only: `readonly` + `fileMustExist`, and
 * `query_only`, so the control center can never take a write lock on the bot's database. In WAL
 * mode readers never block the bot's writer. Missing, locked or malformed: answers null (and
 * the trade is stored without a reason); the connection is opened again on the next call.
 */
@Injectable()
export class BotActionLog implements OnModuleDestroy {
  private db: Database.Database | null = null;
  private lastProblem: string | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'bot'>,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get configured(): boolean {
    return this.config.bot.stateDbPath !== undefined;
  }

  /** The newest position_closed action of this position, or null if none can be read. */
  closeOf(positionId: string): CloseRecord | null {
    const db = this.open();
    if (!db) return null;
    try {
      const row = db
        .prepare(
          `SELECT data, timestamp FROM action_log
           WHERE action_type = 'position_closed' AND json_extract(data, '$.position_id') = ?
           ORDER BY id DESC LIMIT 1`,
        )
        .get(positionId) as { data: string; timestamp: string | null } | undefined;
      this.lastProblem = null;
      if (!row) return null;
      const data = JSON.parse(row.data) as { reason?: unknown; timestamp?: unknown };
      if (typeof data.reason !== 'string' || data.reason.length === 0) return null;
      const at = typeof data.timestamp === 'string' ? data.timestamp : row.timestamp;
      return { reason: data.reason.slice(0, 200), closedAt: at ? (toUtcIso(at) ?? null) : null };
    } catch (error) {
      this.problem(`cannot read the bot's action_log: ${(error as Error).message}`);
      this.close();
      return null;
    }
  }

  onModuleDestroy(): void {
    this.close();
  }

  private open(): Database.Database | null {
    const path = this.config.bot.stateDbPath;
    if (!path) return null;
    if (this.db) return this.db;
    try {
      const db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
      db.pragma('query_only = ON');
      this.db = db;
      return db;
    } catch (error) {
      this.problem(`cannot open BOT_STATE_DB read-only: ${(error as Error).message}`);
      return null;
    }
  }

  private close(): void {
    try {
      this.db?.close();
    } catch {
      // Already unusable; a new connection is opened next time.
    }
    this.db = null;
  }

  /** Logged once per distinct problem, not on every trade. */
  private problem(message: string): void {
    if (message === this.lastProblem) return;
    this.lastProblem = message;
    this.logger.warn({ path: this.config.bot.stateDbPath }, message);
  }
}
