/** What one attempt to send an alert to a channel came to. */
export type DeliveryOutcome =
  | { ok: true; status: number | null }
  | {
      ok: false;
      /** False when trying again cannot help (refused URL, 4xx other than 408/429): dead-lettered at once. */
      retryable: boolean;
      /** The channel asked us to wait this long (429 Retry-After). */
      retryAfterMs: number | null;
      status: number | null;
      error: string;
    };

export function failure(
  error: string,
  retryable: boolean,
  status: number | null = null,
  retryAfterMs: number | null = null,
): DeliveryOutcome {
  return { ok: false, retryable, retryAfterMs, status, error: error.slice(0, 500) };
}

/** An HTTP answer's outcome: 2xx sent; 408, 425, 429 and 5xx worth retrying; other 4xx final. */
export function outcomeOfStatus(status: number, retryAfter: string | undefined, body: string): DeliveryOutcome {
  if (status >= 200 && status < 300) return { ok: true, status };
  const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
  return failure(`HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`, retryable, status, retryAfterMs(retryAfter));
}

/** Retry-After as seconds or an HTTP date; null when absent or unusable. Capped at 1 hour. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value.trim()) * 1000 : Date.parse(value) - now;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 3_600_000) : null;
}
