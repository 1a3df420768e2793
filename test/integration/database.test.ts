import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { DatabaseConfig } from '../../apps/api/src/common/config/env.schema';
import { buildDataSourceOptions } from '../../apps/api/src/database/database-options';
import { AppMetaEntity } from '../../apps/api/src/modules/app-meta/app-meta.entity';
import { AppMetaRepository } from '../../apps/api/src/modules/app-meta/app-meta.repository';

const tempDir = mkdtempSync(join(tmpdir(), 'dnb-db-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const databases: Array<[string, () => DatabaseConfig]> = [
  ['SQLite', () => ({ driver: 'sqlite', path: join(tempDir, 'nested', 'dir', 'cc.db') })],
  ['PostgreSQL', () => ({ driver: 'postgres', url: inject('databaseUrl') })],
];

describe.each(databases)('database on %s', (name, config) => {
  async function open(): Promise<DataSource> {
    const dataSource = new DataSource(buildDataSourceOptions(config()));
    await dataSource.initialize();
    return dataSource;
  }

  it('applies every migration at start and none is pending afterwards', async () => {
    const dataSource = await open();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      const applied = (await dataSource.query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>;
      expect(applied.map((m) => m.name)).toContain('Init1763769600000');
    } finally {
      await dataSource.destroy();
    }
  });

  it('starts again on an already migrated database without changing it', async () => {
    const first = await open();
    const before = (await first.query('SELECT COUNT(*) AS n FROM migrations')) as Array<{ n: string | number }>;
    await first.destroy();
    const second = await open();
    try {
      const after = (await second.query('SELECT COUNT(*) AS n FROM migrations')) as Array<{ n: string | number }>;
      expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
    } finally {
      await second.destroy();
    }
  });

  it('keeps the first value written for an installation fact', async () => {
    const dataSource = await open();
    try {
      const repository = new AppMetaRepository(dataSource.getRepository(AppMetaEntity));
      const key = `test_${name}_${Date.now()}`;
      expect(await repository.getOrInsert(key, 'first')).toBe('first');
      expect(await repository.getOrInsert(key, 'second')).toBe('first');
      expect(await repository.get(key)).toBe('first');
    } finally {
      await dataSource.destroy();
    }
  });

  if (name === 'SQLite') {
    it('runs SQLite in WAL mode with synchronous=NORMAL and a 5 s busy timeout', async () => {
      const dataSource = await open();
      try {
        const [journal] = (await dataSource.query('PRAGMA journal_mode')) as Array<{ journal_mode: string }>;
        const [sync] = (await dataSource.query('PRAGMA synchronous')) as Array<{ synchronous: number }>;
        const [busy] = (await dataSource.query('PRAGMA busy_timeout')) as Array<{ timeout: number }>;
        expect(journal!.journal_mode).toBe('wal');
        expect(sync!.synchronous).toBe(1); // NORMAL
        expect(busy!.timeout).toBe(5000);
      } finally {
        await dataSource.destroy();
      }
    });
  }
});
