/**
 * Times travel as UTC ISO strings (the bot may omit the offset, meaning UTC) and are shown in
 * the viewer's local time zone. The UTC form stays available for tooltips.
 */

const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** Parses a wire timestamp; a naive one (no offset) is UTC. Returns null when unparseable. */
export function parseWireTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const iso = HAS_OFFSET.test(value) || !value.includes('T') ? value : `${value}Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

const timeWithSeconds = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const timeShort = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Local wall-clock time, e.g. 14:03:05. */
export function formatLocalTime(date: Date, { seconds = true }: { seconds?: boolean } = {}): string {
  return (seconds ? timeWithSeconds : timeShort).format(date);
}

/** Local date and time, e.g. 21 Nov 2026, 14:03:05. */
export function formatLocalDateTime(date: Date): string {
  return dateTime.format(date);
}

/** The UTC ISO form, for tooltips and `<time dateTime>`. */
export function toUtcIso(date: Date): string {
  return date.toISOString();
}

/** The viewer's IANA time zone, e.g. Europe/Berlin. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** 12 ms, 1.2 s. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** 45 s, 12 min, 3 h 5 min, 2 d 4 h. */
export function formatUptime(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) return '—';
  const s = Math.floor(totalSeconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
