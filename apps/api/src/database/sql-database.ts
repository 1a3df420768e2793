import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** The statements of one transaction. */
export interface SqlTransaction {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A write; answers how many rows it changed. */
  execute(sql: string, params?: unknown[]): Promise<number>;
}

/**
 * Plain SQL on the API's database, written once with `?` placeholders for SQLite and
 * PostgreSQL alike (PostgreSQL's $1, $2... are made here), for the modules whose tables are
 * simpler to keep in SQL than in entities.
 */
@Injectable()
export class SqlDatabase {
  readonly postgres: boolean;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query<T[]>(this.placeholders(sql), params);
  }

  async execute(sql: string, params: unknown[] = []): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return (await runner.query(this.placeholders(sql), params, true)).affected ?? 0;
    } finally {
      await runner.release();
    }
  }

  /** Work that commits as a whole or not at all. */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(this.inTransaction(manager)));
  }

  /** `(?, ?, ?), (?, ?, ?)` for rows of `columns` parameters. */
  values(rows: number, columns: number): string {
    const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
    return Array.from({ length: rows }, () => row).join(', ');
  }

  placeholders(sql: string): string {
    if (!this.postgres) return sql;
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  }

  private inTransaction(manager: EntityManager): SqlTransaction {
    return {
      query: <T>(sql: string, params: unknown[] = []) => manager.query<T[]>(this.placeholders(sql), params),
      execute: async (sql: string, params: unknown[] = []) =>
        ((await manager.queryRunner!.query(this.placeholders(sql), params, true)) as { affected?: number }).affected ?? 0,
    };
  }
}
