import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// "dnb_<12 hex: lookup prefix>_<43 chars: 256-bit secret>"
const FORMAT = /^dnb_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString('hex');
  const key = `dnb_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The key is 256 random bits, so a fast hash is as safe as a slow one and keeps lookups cheap. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function parseApiKey(key: string): { prefix: string } | undefined {
  const match = FORMAT.exec(key);
  return match ? { prefix: match[1]! } : undefined;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
