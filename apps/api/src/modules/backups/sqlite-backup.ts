import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import Database from 'better-sqlite3';

/** What a finished backup file is: checked before it is given its final name. */
export interface BackupFileFacts {
  size_bytes: number;
  sha256: string;
  /** PRAGMA integrity_check of the copy: "ok". */
  integrity: string;
  /** Rows per table in the copy (a quick comparison with the live database). */
  tables: Record<string, number>;
}

/** Pages copied per step; the API's own statements run between steps (the copy is online). */
const PAGES_PER_STEP = 256;

/**
 * Copies a live SQLite database with SQLite's online backup API (through better-sqlite3): the
 * copy is a consistent snapshot even while the API writes, unlike a file copy of a WAL
 * database, and it is taken a few pages at a time so nothing waits long for it.
 */
export async function backupSqlite(live: Database.Database, destination: string): Promise<void> {
  await live.backup(destination, { progress: () => PAGES_PER_STEP });
}

/** Opens a copy read-only and checks it: integrity, rows per table, size and checksum of the file. */
export async function inspectBackup(path: string): Promise<BackupFileFacts> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  let integrity: string;
  const tables: Record<string, number> = {};
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    integrity = rows.map((r) => r.integrity_check).join('; ');
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as Array<{
      name: string;
    }>;
    for (const { name } of names) {
      tables[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
    }
  } finally {
    db.close();
  }
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size_bytes: size, sha256: hash.digest('hex'), integrity, tables };
}
