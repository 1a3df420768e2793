#!/usr/bin/env node
// npm run migrate:sqlite-to-postgres -- --from <sqlite file> --to <postgres url>
// Copies the API's SQLite database into PostgreSQL, verifies counts and checksums per table.
// Exit codes: 0 copied and verified, 1 copied but a table differs, 2 refused or failed.
import { parseArgs } from 'node:util';
import { SqliteToPostgres, TransferRefused, type TransferReport } from '../database/transfer/sqlite-to-postgres';

const USAGE = 'usage: npm run migrate:sqlite-to-postgres -- --from <file.db> --to postgres://user:pass@host:5432/db [--batch-rows 5000]';

/** The URL without its password, for printing. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    return '<invalid url>';
  }
}

function print(report: TransferReport): void {
  const width = Math.max(5, ...report.tables.map((t) => t.table.length));
  console.log(
    `${'table'.padEnd(width)}  ${'source'.padStart(9)}  ${'target'.padStart(9)}  ${'written'.padStart(9)}  ${'removed'.padStart(7)}  checksum (sha-256 sum)  verdict`,
  );
  for (const t of report.tables) {
    console.log(
      `${t.table.padEnd(width)}  ${String(t.source_rows).padStart(9)}  ${String(t.target_rows).padStart(9)}  ${String(t.written).padStart(9)}  ${String(t.deleted).padStart(7)}  ${t.target_checksum.slice(0, 16)}…        ${t.match ? 'ok' : `DIFFERS (source ${t.source_checksum.slice(0, 16)}…)`}`,
    );
  }
  const rows = report.tables.reduce((sum, t) => sum + t.source_rows, 0);
  console.log(
    `${report.verified ? 'verified' : 'NOT verified'}: ${report.tables.length} tables, ${rows} rows in ${(report.duration_ms / 1000).toFixed(1)} s`,
  );
}

async function main(): Promise<number> {
  let values: { from?: string; to?: string; 'batch-rows'?: string };
  try {
    ({ values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, 'batch-rows': { type: 'string' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { from, to } = values;
  const batchRows = values['batch-rows'] === undefined ? undefined : Number(values['batch-rows']);
  if (!from || !to || !/^postgres(ql)?:\/\//.test(to) || (batchRows !== undefined && !(Number.isInteger(batchRows) && batchRows > 0))) {
    console.error(USAGE);
    return 2;
  }
  console.log(`copying ${from} -> ${redacted(to)}`);
  try {
    const report = await new SqliteToPostgres({ from, to, batchRows, log: (line) => console.log(`  ${line}`) }).run();
    print(report);
    return report.verified ? 0 : 1;
  } catch (error) {
    console.error(error instanceof TransferRefused ? `refused: ${error.message}` : `failed: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
