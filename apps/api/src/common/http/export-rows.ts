import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';

export type ExportFormat = 'json' | 'csv';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A download of rows, streamed as they come (the source may page through the database):
 * CSV through csv-stringify (quoting, escaping; spreadsheet formulas neutralised in text
 * cells, never in numbers such as "-45.30"), or a JSON array of the same objects.
 */
export function exportRows(
  reply: FastifyReply,
  name: string,
  format: ExportFormat,
  columns: readonly string[],
  rows: AsyncIterable<Record<string, unknown>>,
): Readable {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  void reply
    .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}-${stamp}.${format}"`)
    .header('cache-control', 'no-store');
  if (format === 'json') return Readable.from(jsonArray(rows));
  const csv = stringify({
    header: true,
    columns: [...columns],
    cast: {
      boolean: (value) => (value ? 'true' : 'false'),
      object: (value) => JSON.stringify(value),
      string: (value) => (/^[=+\-@\t\r]/.test(value) && !DECIMAL.test(value) ? `'${value}` : value),
    },
  });
  const source = Readable.from(rows);
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}

async function* jsonArray(rows: AsyncIterable<Record<string, unknown>>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const row of rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
    first = false;
  }
  yield '\n]\n';
}

/** Rows that are already in memory (a chart: at most 2,000 points), as an async source. */
export async function* fromArray<T extends object>(rows: readonly T[]): AsyncGenerator<Record<string, unknown>> {
  for (const row of rows) yield row as Record<string, unknown>;
}
