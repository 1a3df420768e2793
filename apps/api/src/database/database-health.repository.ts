import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface DatabaseProbe {
  driver: 'sqlite' | 'postgres';
  migrationsApplied: number;
  migrationsPending: boolean;
}

/** Probes the database for the health report; the only health code that touches TypeORM. */
@Injectable()
export class DatabaseHealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async probe(): Promise<DatabaseProbe> {
    await this.dataSource.query('SELECT 1');
    const applied = (await this.dataSource.query('SELECT COUNT(*) AS n FROM migrations')) as Array<{ n: number | string }>;
    return {
      driver: this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite',
      migrationsApplied: Number(applied[0]?.n ?? 0),
      migrationsPending: await this.dataSource.showMigrations(),
    };
  }
}
