/**
 * Datetimes as the production bot prints them: Python's datetime.utcnow().isoformat(),
 * naive (no offset, meaning UTC), microseconds only when non-zero.
 */
export function naiveIso(epochMs: number): string {
  const iso = new Date(epochMs).toISOString(); // 2025-02-04T12:00:00.123Z
  const base = iso.slice(0, 19);
  const millis = Math.trunc(((epochMs % 1000) + 1000) % 1000);
  return millis === 0 ? base : `${base}.${String(millis * 1000).padStart(6, '0')}`;
}

/** Parses an ISO 8601 datetime; a naive one is UTC. Returns epoch ms, or undefined when unparseable. */
export function parseBotDateTime(text: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!match) return undefined;
  const fraction = match[3] ? match[3].slice(0, 4).padEnd(4, '0') : '';
  const zone = match[4] ?? 'Z';
  const ms = Date.parse(`${match[1]}T${match[2]}${fraction}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** "HH:MM:SS"; hours may exceed 24. */
export function formatUptime(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** "20250204" of a sim time, for position ids. */
export function compactDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10).replaceAll('-', '');
}
