import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UnsequencedFeedEvent } from '@dnb/contracts';
import pino from 'pino';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDataSourceOptions } from '../../database/database-options';
import { DatabaseEventLog } from './database-event-log';

const HOUR_MS = 3_600_000;

let dir: string;
let path: string;
let open: DataSource[];
/** Every SQL statement run, with its parameters. */
let statements: Array<{ sql: string; params: unknown[] }>;

const recordingLogger: TypeOrmLogger = {
  logQuery: (sql, params) => void statements.push({ sql, params: Array.isArray(params) ? params : [] }),
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dnb-feed-log-'));
  path = join(dir, 'cc.db');
  open = [];
  statements = [];
});

afterEach(async () => {
  for (const dataSource of open) if (dataSource.isInitialized) await dataSource.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function connect(): Promise<DataSource> {
  const dataSource = new DataSource({ ...buildDataSourceOptions({ driver: 'sqlite', path }), logger: recordingLogger });
  await dataSource.initialize();
  open.push(dataSource);
  return dataSource;
}

interface Options {
  retainEvents?: number;
  retainHours?: number;
  ringSize?: number;
  dataSource?: DataSource;
}

/** A started log on the test's database file; a new call is like an API restart. */
async function startLog(options: Options = {}) {
  const dataSource = options.dataSource ?? (await connect());
  const logger = pino({ level: 'silent' });
  const log = new DatabaseEventLog(
    dataSource,
    {
      feed: { retainEvents: options.retainEvents ?? 10_000, retainHours: options.retainHours ?? 24, ringSize: options.ringSize ?? 10_000 },
    },
    logger,
  );
  await log.init();
  return { log, dataSource, logger };
}

function alerts(count: number, from = 0): UnsequencedFeedEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'alert' as const,
    timestamp: new Date(Date.UTC(2025, 10, 25, 12, 0, 0, from + i)).toISOString(),
    data: {
      id: `alert-${from + i}`,
      alert_type: 'funding_flip',
      severity: 'warning' as const,
      title: 'Funding flipped',
      message: `alert number ${from + i}`,
      asset: 'BTC',
      position_id: null,
    },
  }));
}

async function rowCount(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query('SELECT COUNT(*) AS n FROM feed_events')) as Array<{ n: number }>;
  return Number(row!.n);
}

const seqsOf = (events: Array<{ seq: number }>) => events.map((event) => event.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('DatabaseEventLog', () => {
  it('starts empty at seq 0 with oldestSeq 1', async () => {
    const { log } = await startLog();
    expect(log.currentSeq()).toBe(0);
    expect(log.oldestSeq()).toBe(1);
    expect(await log.since(0, 0)).toEqual([]);
  });

  it('numbers events contiguously across appends and returns them with their seq', async () => {
    const { log } = await startLog();
    const first = await log.append(alerts(3));
    const second = await log.append(alerts(2, 3));
    expect(seqsOf(first)).toEqual([1, 2, 3]);
    expect(seqsOf(second)).toEqual([4, 5]);
    expect(second[0]).toEqual({ ...alerts(1, 3)[0], seq: 4 });
    expect(log.currentSeq()).toBe(5);
    expect(log.oldestSeq()).toBe(1);
  });

  it('continues from MAX(seq) + 1 after a restart and serves the stored events from memory', async () => {
    const before = await startLog();
    await before.log.append(alerts(7));
    await before.dataSource.destroy();

    const { log } = await startLog();
    expect(log.currentSeq()).toBe(7);
    expect(log.oldestSeq()).toBe(1);
    expect(seqsOf(log.sinceInMemory(0, 7)!)).toEqual(range(1, 7));
    expect(seqsOf(await log.append(alerts(2, 7)))).toEqual([8, 9]);
  });

  it('serialises concurrent appends: each gets its own contiguous block, in call order, none reused', async () => {
    const { log, dataSource } = await startLog();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => log.append(alerts(3, i * 3))));
    results.forEach((events, i) => expect(seqsOf(events)).toEqual(range(i * 3 + 1, i * 3 + 3)));
    expect(log.currentSeq()).toBe(60);
    expect(await rowCount(dataSource)).toBe(60);
    expect(log.stats().appended).toBe(60);
  });

  it('does not advance the seq when the insert fails, counts and logs the failure, and rethrows', async () => {
    const { log, dataSource, logger } = await startLog();
    await log.append(alerts(2));
    const logged = vi.spyOn(logger, 'error');
    await dataSource.query('ALTER TABLE feed_events RENAME TO feed_events_away');

    await expect(log.append(alerts(3, 2))).rejects.toThrow(/feed_events/);
    expect(log.currentSeq()).toBe(2);
    expect(log.stats()).toMatchObject({ current_seq: 2, append_failures: 1, appended: 2, ring_size: 2 });
    expect(logged).toHaveBeenCalledOnce();

    await dataSource.query('ALTER TABLE feed_events_away RENAME TO feed_events');
    expect(seqsOf(await log.append(alerts(1, 5)))).toEqual([3]);
  });

  it('stores none of a large append when a later part of it fails', async () => {
    const { log, dataSource } = await startLog();
    await log.append(alerts(1));
    // Occupy a seq the second insert statement of the next append will need.
    await dataSource.query("INSERT INTO feed_events (seq, type, timestamp, data, created_at) VALUES (1500, 'alert', 'x', '{}', 'x')");

    await expect(log.append(alerts(1600, 1))).rejects.toThrow();
    expect(log.currentSeq()).toBe(1);
    expect(await rowCount(dataSource)).toBe(2);

    await dataSource.query('DELETE FROM feed_events WHERE seq = 1500');
    const events = await log.append(alerts(1600, 1));
    expect(events.at(-1)!.seq).toBe(1601);
    expect(await rowCount(dataSource)).toBe(1601);
  });

  it('returns the same events from the ring as from the database', async () => {
    const writer = await startLog({ ringSize: 1000 });
    await writer.log.append(alerts(150));
    await writer.log.append(alerts(100, 150));
    // A restarted log with a small ring holds only the newest 100 in memory.
    const reader = await startLog({ ringSize: 100 });

    expect(writer.log.sinceInMemory(10, 200)).toBeDefined();
    expect(reader.log.sinceInMemory(10, 200)).toBeUndefined();
    const fromDatabase = await reader.log.since(10, 200);
    expect(seqsOf(fromDatabase!)).toEqual(range(11, 200));
    expect(fromDatabase).toEqual(writer.log.sinceInMemory(10, 200));
    expect(reader.log.sinceInMemory(150, 250)).toEqual(writer.log.sinceInMemory(150, 250));
  });

  it('answers sinceInMemory with [] when there is nothing after the seq, and undefined when the ring lacks it', async () => {
    const { log } = await startLog({ ringSize: 100 });
    await log.append(alerts(150));
    expect(log.sinceInMemory(150, 150)).toEqual([]);
    expect(log.sinceInMemory(150, 999)).toEqual([]);
    expect(log.sinceInMemory(49, 150)).toBeUndefined();
    expect(seqsOf(log.sinceInMemory(50, 150)!)).toEqual(range(51, 150));
    expect(seqsOf(log.sinceInMemory(140, 999)!)).toEqual(range(141, 150));
  });

  it('returns null from since() once the events asked for were pruned', async () => {
    const { log } = await startLog({ retainEvents: 100 });
    await log.append(alerts(300));
    await log.prune();
    expect(log.oldestSeq()).toBe(201);
    expect(await log.since(0, 300)).toBeNull();
    expect(await log.since(199, 300)).toBeNull();
    expect(seqsOf((await log.since(200, 300))!)).toEqual(range(201, 300));
  });

  it('prunes by count: keeps the newest retainEvents, in batches of at most 1000 rows', async () => {
    const { log, dataSource } = await startLog({ retainEvents: 100, ringSize: 5000 });
    await log.append(alerts(2600));
    statements = [];

    expect(await log.prune()).toEqual({ deleted: 2500 });
    const deletes = statements.filter((s) => s.sql.startsWith('DELETE'));
    expect(deletes.map((s) => s.params)).toEqual([[1001], [2001], [2501]]);
    expect(await rowCount(dataSource)).toBe(100);
    expect(log.oldestSeq()).toBe(2501);
    expect(log.stats()).toMatchObject({ current_seq: 2600, oldest_seq: 2501, ring_size: 100, pruned: 2500 });
    // The ring never serves what the database no longer keeps.
    expect(log.sinceInMemory(2499, 2600)).toBeUndefined();
  });

  it('prunes by age: deletes the events stored more than retainHours ago', async () => {
    const { log, dataSource } = await startLog({ retainHours: 24 });
    await log.append(alerts(10));
    const now = new Date();
    await dataSource.query('UPDATE feed_events SET created_at = ? WHERE seq <= 6', [new Date(now.getTime() - 25 * HOUR_MS).toISOString()]);

    expect(await log.prune(now)).toEqual({ deleted: 6 });
    expect(log.oldestSeq()).toBe(7);
    expect(seqsOf((await log.since(6, 10))!)).toEqual(range(7, 10));
  });

  it('applies whichever limit is stricter', async () => {
    const { log, dataSource } = await startLog({ retainEvents: 200, retainHours: 24 });
    await log.append(alerts(300));
    const now = new Date();
    // By count seqs 101.. stay; by age only 251.. do: age wins.
    await dataSource.query('UPDATE feed_events SET created_at = ? WHERE seq <= 250', [
      new Date(now.getTime() - 30 * HOUR_MS).toISOString(),
    ]);
    expect(await log.prune(now)).toEqual({ deleted: 250 });
    expect(log.oldestSeq()).toBe(251);

    await log.append(alerts(200, 300));
    // Now nothing is too old, but 500 - 200 = 300 are beyond the count: count wins.
    expect(await log.prune(now)).toEqual({ deleted: 50 });
    expect(log.oldestSeq()).toBe(301);
    expect(await rowCount(dataSource)).toBe(200);
  });

  it('never prunes the newest event, so the seq survives a restart even when everything is old', async () => {
    const first = await startLog({ retainHours: 24 });
    await first.log.append(alerts(5));
    expect(await first.log.prune(new Date(Date.now() + 48 * HOUR_MS))).toEqual({ deleted: 4 });
    expect(first.log.oldestSeq()).toBe(5);
    expect(await rowCount(first.dataSource)).toBe(1);
    await first.dataSource.destroy();

    const { log } = await startLog();
    expect(log.currentSeq()).toBe(5);
    expect(log.oldestSeq()).toBe(5);
    expect(seqsOf(await log.append(alerts(1)))).toEqual([6]);
  });

  it('changes nothing when pruned a second time', async () => {
    const { log, dataSource } = await startLog({ retainEvents: 100 });
    await log.append(alerts(250));
    const now = new Date();
    expect(await log.prune(now)).toEqual({ deleted: 150 });
    const stats = log.stats();

    expect(await log.prune(now)).toEqual({ deleted: 0 });
    expect(log.stats()).toEqual(stats);
    expect(await rowCount(dataSource)).toBe(100);
  });

  it('reports its counters in stats()', async () => {
    const { log } = await startLog({ ringSize: 100, retainEvents: 100 });
    await log.append(alerts(120));
    await log.prune();
    expect(log.stats()).toEqual({
      current_seq: 120,
      oldest_seq: 21,
      ring_size: 100,
      ring_capacity: 100,
      appended: 120,
      append_failures: 0,
      pruned: 20,
    });
  });
});

describe('DatabaseEventLog as a follower (replicas)', () => {
  it('takes in the leader events in order, filling a message lost on the way from the shared database', async () => {
    const { log: leader, dataSource } = await startLog();
    const { log: follower } = await startLog({ dataSource });
    const first = await leader.append(alerts(3));
    const lost = await leader.append(alerts(2, 3));
    const third = await leader.append(alerts(2, 5));
    expect(seqsOf(await follower.follow(first))).toEqual([1, 2, 3]);
    // The message with 4..5 never arrived: 6..7 brings them from the database, in order.
    expect(seqsOf(await follower.follow(third))).toEqual([4, 5, 6, 7]);
    expect(follower.currentSeq()).toBe(7);
    expect(follower.sinceInMemory(3, 7)).toEqual([...lost, ...third]);
    // A repeat is dropped.
    expect(await follower.follow(third)).toEqual([]);
  });

  it('catches up to a seq it learns from elsewhere (a baseline, the leader view), and a new leader goes on after it', async () => {
    const { log: leader, dataSource } = await startLog();
    const { log: follower } = await startLog({ dataSource });
    await leader.append(alerts(4));
    expect(seqsOf(await follower.followTo(4))).toEqual([1, 2, 3, 4]);
    expect(await follower.followTo(2)).toEqual([]);
    // The follower takes over: its high-water mark comes from the database.
    await leader.append(alerts(1, 4));
    await follower.init();
    expect(seqsOf(await follower.append(alerts(1, 5)))).toEqual([6]);
  });
});
