import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { SqlDatabase } from '../../database/sql-database';

/** Q19: no history read may run longer than this. */
export const QUERY_TIMEOUT_MS = 5000;
/** SQLite reads check the clock this often (in rows). */
const SQLITE_DEADLINE_EVERY = 256;
/** PostgreSQL's code for a statement cancelled by statement_timeout. */
const PG_QUERY_CANCELED = '57014';

interface SqliteStatement {
  iterate(...params: unknown[]): IterableIterator<unknown>;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
}

/**
 * The history's one door to the database: SQL is written once with `?` placeholders, and the
 * two engines differ only here. Reads are bounded by QUERY_TIMEOUT_MS: on PostgreSQL with
 * `SET LOCAL statement_timeout` in the read's own transaction; on SQLite (synchronous,
 * in-process) by a deadline checked while rows stream, which works because every history read
 * walks an index in order and streams its rows rather than sorting or grouping first.
 */
@Injectable()
export class HistoryDatabase extends SqlDatabase {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** A read under the history's statement timeout; 503 SERVICE_UNAVAILABLE when it runs out. */
  async read<T>(sql: string, params: unknown[] = [], timeoutMs = QUERY_TIMEOUT_MS): Promise<T[]> {
    if (!this.postgres) return this.readSqlite<T>(sql, params, timeoutMs);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        return manager.query<T[]>(this.placeholders(sql), params);
      });
    } catch (error) {
      if ((error as { code?: string }).code === PG_QUERY_CANCELED) throw timeoutException(timeoutMs);
      throw error;
    }
  }

  /** Statements that commit together (each is short: callers keep batches small). */
  async inOneTransaction(statements: Array<{ sql: string; params: unknown[] }>): Promise<void> {
    if (statements.length === 0) return;
    await this.transaction(async (tx) => {
      for (const statement of statements) await tx.query(statement.sql, statement.params);
    });
  }

  /**
   * SQLite only: runs a statement to completion. `PRAGMA incremental_vacuum(N)` frees one page
   * per step, and the driver's query steps a statement without result rows only once.
   */
  execSqlite(sql: string): void {
    (this.dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection.exec(sql);
  }

  private readSqlite<T>(sql: string, params: unknown[], timeoutMs: number): T[] {
    const connection = (this.dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
    const deadline = performance.now() + timeoutMs;
    const rows: T[] = [];
    for (const row of connection.prepare(sql).iterate(...params)) {
      rows.push(row as T);
      if (rows.length % SQLITE_DEADLINE_EVERY === 0 && performance.now() > deadline) throw timeoutException(timeoutMs);
    }
    return rows;
  }
}

function timeoutException(timeoutMs: number): AppException {
  return new AppException(
    503,
    'SERVICE_UNAVAILABLE',
    `The history query took longer than ${timeoutMs} ms and was stopped; ask for a shorter range or a coarser resolution`,
  );
}

/** A condition and its parameters, or null to leave it out. */
export type Condition = readonly [sql: string, ...params: unknown[]] | null;

/** `WHERE a AND b` (or nothing) from the conditions that apply, with their parameters in order. */
export function whereClause(conditions: readonly Condition[]): { sql: string; params: unknown[] } {
  const present = conditions.filter((c): c is NonNullable<Condition> => c !== null);
  return {
    sql: present.length ? `WHERE ${present.map(([sql]) => sql).join(' AND ')}` : '',
    params: present.flatMap(([, ...params]) => params),
  };
}
