import Database from 'better-sqlite3';
import { DataSource, type QueryRunner } from 'typeorm';
import { buildDataSourceOptions } from '../database-options';
import { POSTGRES_MIGRATIONS } from '../migrations/postgres';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite';
import { TableFingerprint, type ColumnKind } from './row-fingerprint';

/** The target's app_meta row that marks it as this command's copy, with what the copy held. */
export const COPY_MARKER_KEY = 'sqlite_copy';
/**
 * Tables each engine keeps for itself: the ORM's bookkeeping, and the replicas' leader epoch
 * (copying it would rewind the fencing of replicas already running on the target).
 */
const OWN_TABLES = new Set(['migrations', 'typeorm_metadata', 'cluster_lease']);
/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;
const DEFAULT_BATCH_ROWS = 5_000;

export interface TransferOptions {
  /** The SQLite file (opened read-only; the API may keep running on it). */
  from: string;
  /** postgres:// URL of the target (its schema is migrated first). */
  to: string;
  batchRows?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface TableReport {
  table: string;
  source_rows: number;
  target_rows: number;
  source_checksum: string;
  target_checksum: string;
  /** Rows written (inserted, or updated because they differed) and rows removed from the target on this run. */
  written: number;
  deleted: number;
  match: boolean;
}

export interface TransferReport {
  tables: TableReport[];
  duration_ms: number;
  verified: boolean;
}

/** A refusal: nothing was written. */
export class TransferRefused extends Error {
  override readonly name = 'TransferRefused';
}

/** `copying` from the first write until the copy is verified, so an interrupted run can be run again. */
type CopyMarker =
  | { status: 'copying'; source: string; started_at: string }
  | { status: 'verified'; source: string; copied_at: string; tables: Record<string, { rows: number; checksum: string }> };

interface TablePlan {
  name: string;
  columns: string[];
  kinds: ColumnKind[];
  keys: string[];
  /** Columns PostgreSQL numbers itself (identity or serial): their sequences move past the copy. */
  generated: string[];
  identityAlways: boolean;
  parents: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function kindOf(postgresType: string): ColumnKind {
  if (postgresType === 'boolean') return 'boolean';
  if (postgresType === 'numeric') return 'numeric';
  if (postgresType === 'integer' || postgresType === 'bigint' || postgresType === 'smallint') return 'integer';
  if (postgresType === 'bytea') return 'bytes';
  return 'text';
}

/** A SQLite value as PostgreSQL takes it (booleans are 0/1 in SQLite; integers are read as BigInt to stay exact). */
function toPostgres(value: unknown, kind: ColumnKind): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'boolean') return value === 1n || value === 1 || value === true || value === '1' || value === 'true';
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/**
 * Copies every table of the API's SQLite database into PostgreSQL and proves the copy: row
 * counts and order-independent checksums per table, compared on both sides.
 *
 * - The source is read in one read transaction: a consistent snapshot, while the API keeps
 *   writing to the file (WAL).
 * - Safe to rerun: rows are upserted by primary key and rows the source no longer has are
 *   removed, so a rerun brings the copy up to date (the catch-up before a cut-over). It refuses,
 *   before writing anything, a target that holds data this command did not put there, or a copy
 *   that was written to since (an API already running on it).
 */
export class SqliteToPostgres {
  private readonly log: (line: string) => void;
  private readonly batchRows: number;

  constructor(private readonly options: TransferOptions) {
    this.log = options.log ?? (() => undefined);
    this.batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  }

  async run(): Promise<TransferReport> {
    const started = performance.now();
    const source = new Database(this.options.from, { readonly: true, fileMustExist: true });
    const target = new DataSource({ ...buildDataSourceOptions({ driver: 'postgres', url: this.options.to }), logging: false });
    try {
      source.pragma('query_only = ON');
      source.exec('BEGIN');
      source.prepare('SELECT count(*) FROM sqlite_master').get();
      this.checkSourceSchema(source);
      await target.initialize();
      const runner = target.createQueryRunner();
      await runner.connect();
      try {
        const plans = await this.plan(source, runner);
        await this.checkTarget(runner, plans);
        await this.writeMarker(runner, { status: 'copying', source: this.options.from, started_at: new Date().toISOString() });
        const reports = new Map<string, TableReport>();
        for (const plan of plans) reports.set(plan.name, await this.copyTable(source, runner, plan));
        for (const plan of [...plans].reverse()) reports.get(plan.name)!.deleted = await this.removeVanished(source, runner, plan);
        for (const plan of plans) await this.advanceSequences(runner, plan);
        for (const plan of plans) {
          const report = reports.get(plan.name)!;
          const copy = await this.targetFingerprint(runner, plan);
          report.target_rows = copy.rows;
          report.target_checksum = copy.checksum;
          report.match = report.source_rows === copy.rows && report.source_checksum === copy.checksum;
        }
        const tables = [...reports.values()];
        const verified = tables.every((t) => t.match);
        if (verified) {
          await this.writeMarker(runner, {
            status: 'verified',
            source: this.options.from,
            copied_at: new Date().toISOString(),
            tables: Object.fromEntries(tables.map((t) => [t.table, { rows: t.target_rows, checksum: t.target_checksum }])),
          });
        }
        return { tables, duration_ms: Math.round(performance.now() - started), verified };
      } finally {
        await runner.release();
      }
    } finally {
      if (source.inTransaction) source.exec('ROLLBACK');
      source.close();
      if (target.isInitialized) await target.destroy();
    }
  }

  /** The file must be at this version's schema (the API migrates it at boot). */
  private checkSourceSchema(source: Database.Database): void {
    const expected = SQLITE_MIGRATIONS.map((m) => new m().name ?? m.name);
    const targetNames = POSTGRES_MIGRATIONS.map((m) => new m().name ?? m.name);
    if (expected.join() !== targetNames.join()) throw new Error('SQLite and PostgreSQL migrations differ in this build');
    const hasTable = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get();
    const applied = hasTable
      ? (source.prepare('SELECT name FROM migrations ORDER BY id').all() as Array<{ name: string }>).map((r) => r.name)
      : [];
    if (applied.join() !== expected.join()) {
      throw new TransferRefused(
        `the SQLite file is at schema [${applied.at(-1) ?? 'none'}], this build at [${expected.at(-1)}]: start this version of the API on it once (it migrates at boot), then copy`,
      );
    }
  }

  /** Tables in an order where parents come before the rows that reference them. */
  private async plan(source: Database.Database, runner: QueryRunner): Promise<TablePlan[]> {
    const names = (
      source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{
        name: string;
      }>
    )
      .map((r) => r.name)
      .filter((name) => !OWN_TABLES.has(name));
    const targetColumns = (await runner.query(
      `SELECT table_name, column_name, data_type, is_identity, identity_generation, column_default
       FROM information_schema.columns WHERE table_schema = current_schema()`,
    )) as Array<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_identity: string;
      identity_generation: string | null;
      column_default: string | null;
    }>;
    const plans = new Map<string, TablePlan>();
    for (const name of names) {
      const info = source.prepare(`PRAGMA table_info(${quote(name)})`).all() as Array<{ name: string; pk: number }>;
      const theirs = new Map(targetColumns.filter((c) => c.table_name === name).map((c) => [c.column_name, c]));
      if (theirs.size === 0) throw new TransferRefused(`the target has no table ${name}`);
      const missing = info.filter((c) => !theirs.has(c.name)).map((c) => c.name);
      const extra = [...theirs.keys()].filter((c) => !info.some((i) => i.name === c));
      if (missing.length || extra.length) {
        throw new TransferRefused(
          `table ${name} differs: only in SQLite [${missing.join(', ')}], only in PostgreSQL [${extra.join(', ')}]`,
        );
      }
      const keys = info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      if (keys.length === 0) throw new TransferRefused(`table ${name} has no primary key; rows cannot be matched`);
      const columns = info.map((c) => c.name);
      const generated = columns.filter(
        (c) => theirs.get(c)!.is_identity === 'YES' || (theirs.get(c)!.column_default ?? '').startsWith('nextval('),
      );
      const parents = (source.prepare(`PRAGMA foreign_key_list(${quote(name)})`).all() as Array<{ table: string }>)
        .map((fk) => fk.table)
        .filter((parent) => parent !== name);
      plans.set(name, {
        name,
        columns,
        kinds: columns.map((c) => kindOf(theirs.get(c)!.data_type)),
        keys,
        generated,
        identityAlways: columns.some((c) => theirs.get(c)!.identity_generation === 'ALWAYS'),
        parents,
      });
    }
    const ordered: TablePlan[] = [];
    const visit = (plan: TablePlan, path: Set<string>) => {
      if (ordered.includes(plan) || path.has(plan.name)) return;
      path.add(plan.name);
      for (const parent of plan.parents) if (plans.has(parent)) visit(plans.get(parent)!, path);
      ordered.push(plan);
    };
    for (const plan of plans.values()) visit(plan, new Set());
    return ordered;
  }

  /** Refuses (before any write) a target with data of its own, or a copy written to since. */
  private async checkTarget(runner: QueryRunner, plans: TablePlan[]): Promise<void> {
    const marker = await this.readMarker(runner);
    if (!marker) {
      for (const plan of plans) {
        const [row] = (await runner.query(`SELECT count(*) AS n FROM ${quote(plan.name)}`)) as Array<{ n: string }>;
        if (Number(row!.n) > 0) {
          throw new TransferRefused(
            `the target already holds data this command did not copy (${plan.name}: ${row!.n} rows); use an empty database`,
          );
        }
      }
      return;
    }
    if (marker.status === 'copying') {
      this.log(`the target holds an unfinished copy of ${marker.source} (started ${marker.started_at}); completing it`);
      return;
    }
    this.log(`the target is a copy of ${marker.source} made ${marker.copied_at}; checking nothing wrote to it since`);
    for (const plan of plans) {
      const now = await this.targetFingerprint(runner, plan);
      const then = marker.tables[plan.name] ?? { rows: 0, checksum: new TableFingerprint().checksum };
      if (now.rows !== then.rows || now.checksum !== then.checksum) {
        throw new TransferRefused(
          `the target was written to since the last copy (${plan.name}: ${then.rows} -> ${now.rows} rows): an API may be running on it; not overwriting`,
        );
      }
    }
  }

  /** Upserts every source row, a batch per transaction, and fingerprints them on the way. */
  private async copyTable(source: Database.Database, runner: QueryRunner, plan: TablePlan): Promise<TableReport> {
    const fingerprint = new TableFingerprint();
    const batch = Math.max(1, Math.min(this.batchRows, Math.floor(MAX_PARAMS / plan.columns.length)));
    const columnList = plan.columns.map(quote).join(', ');
    const nonKeys = plan.columns.filter((c) => !plan.keys.includes(c));
    // A row that is already the same is left alone (a rerun rewrites nothing it need not).
    const onConflict = nonKeys.length
      ? `DO UPDATE SET ${nonKeys.map((c) => `${quote(c)} = EXCLUDED.${quote(c)}`).join(', ')}
         WHERE (${nonKeys.map((c) => `${quote(plan.name)}.${quote(c)}`).join(', ')}) IS DISTINCT FROM (${nonKeys.map((c) => `EXCLUDED.${quote(c)}`).join(', ')})`
      : 'DO NOTHING';
    const overriding = plan.identityAlways ? ' OVERRIDING SYSTEM VALUE' : '';
    let written = 0;
    for (const rows of this.sourceBatches(source, plan, batch)) {
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (const row of rows) {
        fingerprint.add(row, plan.kinds);
        tuples.push(`(${row.map((value, i) => (params.push(toPostgres(value, plan.kinds[i]!)), `$${params.length}`)).join(', ')})`);
      }
      const result = (await runner.query(
        `INSERT INTO ${quote(plan.name)} (${columnList})${overriding} VALUES ${tuples.join(', ')}
         ON CONFLICT (${plan.keys.map(quote).join(', ')}) ${onConflict}`,
        params,
        true,
      )) as { affected?: number };
      written += result.affected ?? 0;
    }
    this.log(`${plan.name}: ${fingerprint.rows} rows read, ${written} written`);
    return {
      table: plan.name,
      source_rows: fingerprint.rows,
      target_rows: 0,
      source_checksum: fingerprint.checksum,
      target_checksum: '',
      written,
      deleted: 0,
      match: false,
    };
  }

  /** Source rows by primary key, `size` at a time (exact integers as BigInt). */
  private *sourceBatches(source: Database.Database, plan: TablePlan, size: number): Generator<unknown[][]> {
    const order = plan.keys.map(quote).join(', ');
    const keyTuple = `(${order})`;
    const first = source.prepare(`SELECT ${plan.columns.map(quote).join(', ')} FROM ${quote(plan.name)} ORDER BY ${order} LIMIT ?`);
    const next = source.prepare(
      `SELECT ${plan.columns.map(quote).join(', ')} FROM ${quote(plan.name)} WHERE ${keyTuple} > (${plan.keys.map(() => '?').join(', ')}) ORDER BY ${order} LIMIT ?`,
    );
    const keyIndexes = plan.keys.map((k) => plan.columns.indexOf(k));
    let rows = first.raw(true).safeIntegers(true).all(size) as unknown[][];
    while (rows.length > 0) {
      yield rows;
      if (rows.length < size) return;
      const last = rows[rows.length - 1]!;
      rows = next
        .raw(true)
        .safeIntegers(true)
        .all(...keyIndexes.map((i) => last[i]), size) as unknown[][];
    }
  }

  /** Rows the target has and the source no longer has (deleted since the last copy). */
  private async removeVanished(source: Database.Database, runner: QueryRunner, plan: TablePlan): Promise<number> {
    const exists = source.prepare(`SELECT 1 FROM ${quote(plan.name)} WHERE ${plan.keys.map((k) => `${quote(k)} = ?`).join(' AND ')}`);
    const keyKinds = plan.keys.map((k) => plan.kinds[plan.columns.indexOf(k)]!);
    const isMarker = (key: unknown[]) => plan.name === 'app_meta' && key[0] === COPY_MARKER_KEY;
    let removed = 0;
    for await (const keys of this.targetBatches(runner, plan.name, plan.keys, this.batchRows)) {
      const gone = keys.filter(
        (key) => !isMarker(key) && exists.get(...key.map((v, i) => (keyKinds[i] === 'integer' ? BigInt(String(v)) : v))) === undefined,
      );
      if (gone.length === 0) continue;
      const params = gone.flat();
      let n = 0;
      const tuples = gone.map((key) => `(${key.map(() => `$${++n}`).join(', ')})`);
      await runner.query(`DELETE FROM ${quote(plan.name)} WHERE (${plan.keys.map(quote).join(', ')}) IN (${tuples.join(', ')})`, params);
      removed += gone.length;
    }
    if (removed) this.log(`${plan.name}: ${removed} rows removed (no longer in the source)`);
    return removed;
  }

  /** Rows of a target table by key, `size` at a time, as arrays in `columns` order. */
  private async *targetBatches(
    runner: QueryRunner,
    table: string,
    columns: string[],
    size: number,
    keys = columns,
  ): AsyncGenerator<unknown[][]> {
    const keyList = keys.map(quote).join(', ');
    const select = `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}`;
    const keyIndexes = keys.map((k) => columns.indexOf(k));
    let after: unknown[] | null = null;
    for (;;) {
      const params: unknown[] = after ? [...after, size] : [size];
      const where: string = after ? ` WHERE (${keyList}) > (${keys.map((_, i) => `$${i + 1}`).join(', ')})` : '';
      const rows = (await runner.query(`${select}${where} ORDER BY ${keyList} LIMIT $${params.length}`, params)) as Array<
        Record<string, unknown>
      >;
      if (rows.length === 0) return;
      const arrays = rows.map((row) => columns.map((c) => row[c]));
      yield arrays;
      if (rows.length < size) return;
      const last = arrays[arrays.length - 1]!;
      after = keyIndexes.map((i) => last[i]);
    }
  }

  private async targetFingerprint(runner: QueryRunner, plan: TablePlan): Promise<{ rows: number; checksum: string }> {
    const fingerprint = new TableFingerprint();
    const markerAt = plan.name === 'app_meta' ? plan.columns.indexOf('key') : -1;
    for await (const rows of this.targetBatches(runner, plan.name, plan.columns, this.batchRows, plan.keys)) {
      for (const row of rows) if (markerAt < 0 || row[markerAt] !== COPY_MARKER_KEY) fingerprint.add(row, plan.kinds);
    }
    return { rows: fingerprint.rows, checksum: fingerprint.checksum };
  }

  /** Identity and serial columns continue after the copied ids (the API's next insert must not collide). */
  private async advanceSequences(runner: QueryRunner, plan: TablePlan): Promise<void> {
    for (const column of plan.generated) {
      const table = quote(plan.name);
      await runner.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${quote(column)}) FROM ${table}), 0) + 1, false)`,
        [plan.name, column],
      );
    }
  }

  private async readMarker(runner: QueryRunner): Promise<CopyMarker | null> {
    const [row] = (await runner.query('SELECT value FROM app_meta WHERE key = $1', [COPY_MARKER_KEY])) as Array<{ value: string }>;
    return row ? (JSON.parse(row.value) as CopyMarker) : null;
  }

  private async writeMarker(runner: QueryRunner, marker: CopyMarker): Promise<void> {
    const at = marker.status === 'copying' ? marker.started_at : marker.copied_at;
    await runner.query(
      `INSERT INTO app_meta (key, value, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
      [COPY_MARKER_KEY, JSON.stringify(marker), at],
    );
  }
}
