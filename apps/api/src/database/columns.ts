import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns BIGINT as a string; these columns hold epoch seconds, well within 2^53. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * Times are stored as ISO 8601 UTC text ("2026-11-21T23:59:00.000Z") in both databases: it
 * sorts correctly, compares as text, and reads back identically on SQLite and PostgreSQL.
 */
export function nowIso(): string {
  return new Date().toISOString();
}
