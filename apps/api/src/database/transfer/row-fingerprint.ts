import { createHash } from 'node:crypto';

/** How a column's values are compared across engines (SQLite stores booleans as 0/1, decimals as text). */
export type ColumnKind = 'boolean' | 'numeric' | 'integer' | 'bytes' | 'text';

const NULL = '\u0000';
const MODULUS = 1n << 256n;

/** A value in one form for both engines, so equal rows give equal text whatever stored them. */
export function canonicalValue(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return NULL;
  switch (kind) {
    case 'boolean':
      return value === true || value === 1 || value === 1n || value === '1' || value === 't' || value === 'true' ? 't' : 'f';
    case 'numeric':
      return canonicalDecimal(String(value));
    case 'bytes':
      return Buffer.isBuffer(value) ? value.toString('hex') : Buffer.from(String(value)).toString('hex');
    default:
      return String(value);
  }
}

/** PostgreSQL's NUMERIC keeps the scale but not a minus on zero: "-0.00" reads back "0.00". */
function canonicalDecimal(text: string): string {
  const trimmed = text.trim().replace(/^\+/, '');
  return /^-0*\.?0*$/.test(trimmed) ? trimmed.slice(1) : trimmed;
}

/**
 * Count and checksum of a table's rows. The checksum is the sum of every row's SHA-256 modulo
 * 2^256: it does not depend on the order rows are read in (SQLite and PostgreSQL sort text
 * keys by different collations), yet a changed, missing or duplicated row changes it.
 */
export class TableFingerprint {
  private sum = 0n;
  rows = 0;

  add(values: readonly unknown[], kinds: readonly ColumnKind[]): void {
    const hash = createHash('sha256');
    // Each value is length-prefixed, so no text can pass for a column boundary.
    for (let i = 0; i < values.length; i++) {
      const text = canonicalValue(values[i], kinds[i]!);
      hash.update(`${text.length}:`);
      hash.update(text);
    }
    this.sum = (this.sum + BigInt(`0x${hash.digest('hex')}`)) % MODULUS;
    this.rows++;
  }

  get checksum(): string {
    return this.sum.toString(16).padStart(64, '0');
  }
}
