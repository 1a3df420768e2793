import { randomBytes } from 'node:crypto';
import { startStack, type RunningStack, type StackOptions } from './stack';

// The real simulator and API with an admin logged in, for the bridge suites.

export interface Res<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
  ms: number;
}

export interface BridgeStack {
  stack: RunningStack;
  /** The admin's access token. */
  token: string;
  /** The admin's password (the login limiter allows 5 attempts per 5 min). */
  password: string;
  get<T = unknown>(path: string): Promise<Res<T>>;
  /** The bot's own answer, straight from the simulator (raw text and parsed). */
  bot<T = unknown>(path: string): Promise<{ text: string; body: T }>;
}

/** A stack with an admin logged in once (the login limiter allows 5 attempts per 5 min). */
export async function startBridgeStack(options: StackOptions = {}): Promise<BridgeStack> {
  const password = `bridge e2e ${randomBytes(12).toString('base64url')}`;
  const stack = await startStack({ ...options, api: { ...options.api, env: { ADMIN_PASSWORD: password, ...options.api?.env } } });
  const login = await fetch(`${stack.apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const token = ((await login.json()) as { access_token?: string }).access_token;
  if (!token) {
    await stack.stop();
    throw new Error(`login failed with HTTP ${login.status}`);
  }
  return {
    stack,
    token,
    password,
    async get<T>(path: string) {
      const started = performance.now();
      const res = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.text();
      return {
        status: res.status,
        text,
        body: (text ? JSON.parse(text) : undefined) as T,
        headers: res.headers,
        ms: performance.now() - started,
      };
    },
    async bot<T>(path: string) {
      const res = await fetch(`${stack.sim.url}${path}`, { headers: stack.sim.authHeaders });
      const text = await res.text();
      return { text, body: JSON.parse(text) as T };
    },
  };
}

/**
 * startBridgeStack, then waits until the API serves live positions, stats and pause state: each
 * is baselined on the feed when first seen, so a test that starts earlier (one read failing under
 * load is enough) can see a late baseline reset its clients.
 */
export async function startLiveBridgeStack(options: StackOptions = {}, timeoutMs = 20_000): Promise<BridgeStack> {
  const s = await startBridgeStack(options);
  const deadline = performance.now() + timeoutMs;
  // Status is live only when both stats and the pause state are.
  const live = async (path: string) => {
    const r = await s.get<{ freshness?: { source: string } }>(path);
    return r.status === 200 && r.body.freshness?.source === 'live';
  };
  for (;;) {
    if ((await live('/api/v1/positions')) && (await live('/api/v1/status'))) return s;
    if (performance.now() > deadline) {
      await s.stack.stop();
      throw new Error(`positions, stats and pause state not all live within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
