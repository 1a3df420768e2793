/** Build-time settings, read once. The SPA is normally served by the API itself (same origin). */
function parseOrigin(raw: string | undefined): string {
  const value = raw?.trim() ?? '';
  if (value === '') return '';
  try {
    return new URL(value).origin;
  } catch {
    throw new Error(`VITE_API_ORIGIN is not a URL: ${JSON.stringify(value)}`);
  }
}

export const env = {
  /** '' means same origin (the API serves the SPA; `npm run dev` proxies /api and /ws). */
  apiOrigin: parseOrigin(import.meta.env.VITE_API_ORIGIN),
  /** Versioned REST prefix. */
  apiPrefix: '/api/v1',
  /** Default time limit for one API request. */
  requestTimeoutMs: 10_000,
} as const;
