import { env } from '@/config/env';

/**
 * The access token lives in memory only (never in storage, where any script could read it).
 * The refresh token is an httpOnly cookie scoped to /api/v1/auth that the API rotates on each
 * refresh; a page load restores the session by refreshing once.
 */

export interface AccessClaims {
  sub: string;
  username: string;
  role: string;
  sid: string;
  /** When the session last proved the password (epoch s): emergency stop needs < 15 min. */
  auth_time: number;
  exp: number;
}

interface Held {
  token: string;
  claims: AccessClaims | null;
}

let held: Held | null = null;
const expiredListeners = new Set<() => void>();
let inFlight: Promise<string | null> | null = null;

/** Reads a JWT's payload without checking it (the API checks; the SPA only reads times from it). */
export function decodeClaims(token: string): AccessClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(json) as AccessClaims;
  } catch {
    return null;
  }
}

export function getAccessToken(): string | null {
  return held?.token ?? null;
}

export function getAccessClaims(): AccessClaims | null {
  return held?.claims ?? null;
}

export function setAccessToken(token: string): void {
  held = { token, claims: decodeClaims(token) };
}

export function clearAccessToken(): void {
  held = null;
}

/** Called when the session is gone for good (refresh refused): the app sends the user to /login. */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

export function notifySessionExpired(): void {
  clearAccessToken();
  expiredListeners.forEach((listener) => listener());
}

export class RefreshUnavailableError extends Error {
  override readonly name = 'RefreshUnavailableError';
}

async function postRefresh(): Promise<string | null> {
  const response = await fetch(`${env.apiOrigin}${env.apiPrefix}/auth/refresh`, {
    method: 'POST',
    headers: { Accept: 'application/json' },
    credentials: env.apiOrigin === '' ? 'same-origin' : 'include',
    signal: AbortSignal.timeout(env.requestTimeoutMs),
  });
  if (response.status === 401 || response.status === 400) return null;
  if (!response.ok) throw new RefreshUnavailableError(`refresh answered ${response.status}`);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new RefreshUnavailableError('refresh answered no access token');
  return body.access_token;
}

/**
 * Gets a new access token with the refresh cookie; null when the session is over. One refresh at
 * a time, across tabs too (Web Locks): the API treats a spent refresh token presented again as
 * theft and ends the session, so two tabs must never send the same cookie concurrently.
 * Throws RefreshUnavailableError when the API could not answer (the session may still be fine).
 */
export function refreshAccessToken(): Promise<string | null> {
  inFlight ??= (async () => {
    try {
      const run = async () => {
        const token = await postRefresh();
        if (token) setAccessToken(token);
        else clearAccessToken();
        return token;
      };
      return typeof navigator !== 'undefined' && navigator.locks ? await navigator.locks.request('dnb-auth-refresh', run) : await run();
    } catch (error) {
      if (error instanceof RefreshUnavailableError) throw error;
      throw new RefreshUnavailableError(error instanceof Error ? error.message : String(error));
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}
