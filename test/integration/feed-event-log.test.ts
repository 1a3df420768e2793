import { createRequire } from 'node:module';
import type { UnsequencedFeedEvent } from '@dnb/contracts';
import pino from 'pino';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { buildDataSourceOptions } from '../../apps/api/src/database/database-options';
import { DatabaseEventLog } from '../../apps/api/src/modules/feed/database-event-log';
import { createPostgresDatabase } from '../support/auth';

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
// pg ships no types and @types/pg is not installed: load it untyped, with the little we use.
const pg = createRequire(__filename)('pg') as { Client: new (options: { connectionString: string }) => PgClient };

/** Every SQL statement run, with its parameters. */
let statements: Array<{ sql: string; params: unknown[] }> = [];
const recordingLogger: TypeOrmLogger = {
  logQuery: (sql, params) => void statements.push({ sql, params: Array.isArray(params) ? params : [] }),
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

// A database of its own for every test: the log starts empty and the other suites never see it.
let databaseUrl: string;
let open: DataSource[] = [];
beforeEach(async () => {
  databaseUrl = await createPostgresDatabase(inject('databaseUrl'), 'feed_log');
});

afterEach(async () => {
  for (const dataSource of open) if (dataSource.isInitialized) await dataSource.destroy();
  open = [];
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE ${new URL(databaseUrl).pathname.slice(1)}`);
  } finally {
    await client.end();
  }
});

/** A started log on the test's database; a new call is like an API restart. */
async function startLog(feed: { retainEvents?: number; retainHours?: number; ringSize?: number } = {}) {
  const dataSource = new DataSource({ ...buildDataSourceOptions({ driver: 'postgres', url: databaseUrl }), logger: recordingLogger });
  await dataSource.initialize();
  open.push(dataSource);
  const log = new DatabaseEventLog(
    dataSource,
    { feed: { retainEvents: feed.retainEvents ?? 10_000, retainHours: feed.retainHours ?? 24, ringSize: feed.ringSize ?? 10_000 } },
    pino({ level: 'silent' }),
  );
  await log.init();
  return { log, dataSource };
}

function alerts(count: number, from = 0): UnsequencedFeedEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'alert' as const,
    timestamp: new Date(Date.UTC(2025, 10, 25, 12, 0, 0, from + i)).toISOString(),
    data: { id: `alert-${from + i}`, alert_type: 'funding_flip', severity: 'info' as const, title: 'Funding', message: `n ${from + i}` },
  }));
}

const seqsOf = (events: Array<{ seq: number }>) => events.map((event) => event.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('feed event log on PostgreSQL', () => {
  it('keeps seqs contiguous across a restart and returns the BIGINT seq as a number', async () => {
    const first = await startLog();
    expect(first.log.currentSeq()).toBe(0);
    expect(seqsOf(await first.log.append(alerts(3)))).toEqual([1, 2, 3]);
    await first.dataSource.destroy();

    const { log } = await startLog();
    expect(log.currentSeq()).toBe(3);
    expect(log.oldestSeq()).toBe(1);
    const [restored] = log.sinceInMemory(0, 1)!;
    expect(typeof restored!.seq).toBe('number');
    expect(restored).toEqual({ ...alerts(1)[0], seq: 1 });
    expect(seqsOf(await log.append(alerts(2, 3)))).toEqual([4, 5]);
  });

  it('serves since() from the database with the same events the ring holds', async () => {
    const writer = await startLog();
    await writer.log.append(alerts(250));
    const reader = await startLog({ ringSize: 100 });

    expect(reader.log.sinceInMemory(10, 250)).toBeUndefined();
    const fromDatabase = await reader.log.since(10, 250);
    expect(seqsOf(fromDatabase!)).toEqual(range(11, 250));
    expect(fromDatabase!.every((event) => typeof event.seq === 'number')).toBe(true);
    expect(fromDatabase).toEqual(writer.log.sinceInMemory(10, 250));
  });

  it('prunes in batches of at most 1000 rows, keeps the newest, and then answers null for what is gone', async () => {
    const { log, dataSource } = await startLog({ retainEvents: 100 });
    await log.append(alerts(2600));
    statements = [];

    expect(await log.prune()).toEqual({ deleted: 2500 });
    // Each DELETE removes the seqs below its bound: 1..1000, 1001..2000, 2001..2500.
    const deletes = statements.filter((s) => s.sql.startsWith('DELETE'));
    expect(deletes.map((s) => s.params)).toEqual([[1001], [2001], [2501]]);
    const [row] = (await dataSource.query('SELECT COUNT(*) AS n, MIN(seq) AS oldest FROM feed_events')) as Array<{
      n: string;
      oldest: string;
    }>;
    expect(Number(row!.n)).toBe(100);
    expect(Number(row!.oldest)).toBe(2501);
    expect(log.oldestSeq()).toBe(2501);
    expect(await log.since(2499, 2600)).toBeNull();
    expect(seqsOf((await log.since(2500, 2600))!)).toEqual(range(2501, 2600));
    expect(await log.prune()).toEqual({ deleted: 0 });
  });

  it('keeps the newest event when all are older than retainHours, so numbering resumes after it', async () => {
    const first = await startLog({ retainHours: 1 });
    await first.log.append(alerts(3));
    expect(await first.log.prune(new Date(Date.now() + 2 * 3_600_000))).toEqual({ deleted: 2 });
    expect(first.log.oldestSeq()).toBe(3);
    await first.dataSource.destroy();

    const { log } = await startLog();
    expect(log.currentSeq()).toBe(3);
    expect(log.oldestSeq()).toBe(3);
    expect(seqsOf(await log.append(alerts(1)))).toEqual([4]);
  });
});
