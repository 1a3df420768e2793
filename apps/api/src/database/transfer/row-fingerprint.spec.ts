import { describe, expect, it } from 'vitest';
import { canonicalValue, TableFingerprint, type ColumnKind } from './row-fingerprint';

const KINDS: ColumnKind[] = ['integer', 'boolean', 'numeric', 'text'];

describe('TableFingerprint', () => {
  it('gives the same checksum for the same rows read in any order', () => {
    const a = new TableFingerprint();
    const b = new TableFingerprint();
    const rows = [
      [1n, 1, '0.10', 'x'],
      [2n, 0, '-3.25', null],
      [3n, 1, '123456789012345678901234.567890', ''],
    ];
    for (const row of rows) a.add(row, KINDS);
    for (const row of [...rows].reverse()) b.add(row, KINDS);
    expect(a.checksum).toBe(b.checksum);
    expect(a.rows).toBe(3);
  });

  it('sees SQLite and PostgreSQL forms of equal rows as equal', () => {
    const sqlite = new TableFingerprint();
    const postgres = new TableFingerprint();
    sqlite.add([9007199254740993n, 1, '-0.00', 'a'], KINDS);
    postgres.add(['9007199254740993', true, '0.00', 'a'], KINDS);
    expect(sqlite.checksum).toBe(postgres.checksum);
  });

  it('tells a changed, missing or duplicated row apart', () => {
    const base = () => {
      const f = new TableFingerprint();
      f.add([1n, 1, '1.00', 'a'], KINDS);
      return f;
    };
    const changed = new TableFingerprint();
    changed.add([1n, 1, '1.0', 'a'], KINDS);
    const duplicated = base();
    duplicated.add([1n, 1, '1.00', 'a'], KINDS);
    expect(changed.checksum).not.toBe(base().checksum);
    expect(duplicated.checksum).not.toBe(base().checksum);
    expect(new TableFingerprint().checksum).not.toBe(base().checksum);
  });

  it('keeps null apart from the empty string and from the text "null"', () => {
    expect(new Set([canonicalValue(null, 'text'), canonicalValue('', 'text'), canonicalValue('null', 'text')]).size).toBe(3);
  });
});
