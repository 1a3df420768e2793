import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStack } from '../support/stack';
import { until } from '../support/until';

// The API trusts X-Forwarded-For from loopback here, so each login can come from its own
// address and the login limiter (5 per 5 min per IP) does not get in the way of setup.
let ipCounter = 0;
const nextIp = () => `10.77.${(++ipCounter >> 8) & 255}.${ipCounter & 255}`;
const password = () => `control e2e ${randomBytes(9).toString('base64url')}`;

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  ms: number;
}

function client(base: string) {
  return async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    xff?: string,
  ): Promise<Answer<T>> {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        'x-forwarded-for': xff ?? nextIp(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, ms: performance.now() - started };
  };
}

async function login(call: ReturnType<typeof client>, username: string, pass: string): Promise<string> {
  const res = await call<{ access_token: string }>('POST', '/api/v1/auth/login', undefined, { username, password: pass });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.access_token;
}

/** Creates a user as admin, then logs in and replaces the first password as a new user must. */
async function teamMember(
  call: ReturnType<typeof client>,
  adminToken: string,
  role: 'viewer' | 'operator' | 'admin',
): Promise<{ name: string; token: string }> {
  const name = `${role}-${randomBytes(3).toString('hex')}`;
  const first = password();
  expect((await call('POST', '/api/v1/users', adminToken, { username: name, password: first, role })).status).toBe(201);
  const initial = await login(call, name, first);
  const second = password();
  expect((await call('POST', '/api/v1/auth/password', initial, { current_password: first, new_password: second })).status).toBe(204);
  return { name, token: await login(call, name, second) };
}

describe('control and config against the simulator', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof client>;
  let admin: string;
  let operator: { name: string; token: string };
  let viewer: { name: string; token: string };
  const adminPassword = password();
  const jwtSecret = `control-e2e-${randomBytes(24).toString('hex')}`;

  beforeAll(async () => {
    stack = await startStack({
      sim: { initialPositions: 3 },
      api: {
        env: {
          ADMIN_PASSWORD: adminPassword,
          JWT_SECRET: jwtSecret,
          TRUSTED_PROXIES: '127.0.0.1',
          BOT_POLL_MS: '250',
          BOT_CONTROL_TIMEOUT_MS: '1500',
        },
      },
    });
    call = client(stack.apiUrl);
    admin = await login(call, 'admin', adminPassword);
    operator = await teamMember(call, admin, 'operator');
    viewer = await teamMember(call, admin, 'viewer');
  });
  afterAll(async () => stack?.stop());

  it('lets an operator pause entry, telling the bot who did it, and answers what the bot now reports', async () => {
    const res = await call('POST', '/api/v1/control/pause', operator.token, { reason: 'maintenance', scope: 'entry' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ success: true, changed: true, outcome: 'success', pause_state: { paused: true, scope: 'entry' } });
    const bot = await fetch(`${stack.sim.url}/internal/pause-state`, { headers: { authorization: `Bearer ${stack.sim.adminKey}` } }).then(
      (r) => r.json() as Promise<{ reason: string }>,
    );
    expect(bot.reason).toBe(`${operator.name}: maintenance`);
  });

  it('answers changed:false when already paused in that scope, without calling the bot again', async () => {
    const res = await call('POST', '/api/v1/control/pause', operator.token, { reason: 'again', scope: 'entry' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, changed: false });
  });

  it('audits a control action with its request’s correlation id, address and user agent, and sends the id to the bot', async () => {
    // Its own operator: control actions are limited to 10 a minute per user, and the tests below count theirs.
    const traced = await teamMember(call, admin, 'operator');
    const id = `control-e2e-${randomBytes(6).toString('hex')}`;
    const ip = nextIp();
    const res = await fetch(`${stack.apiUrl}/api/v1/control/pause`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${traced.token}`,
        'content-type': 'application/json',
        'x-correlation-id': id,
        'x-forwarded-for': ip,
        'user-agent': 'control-e2e/1',
      },
      body: JSON.stringify({ reason: 'still in maintenance', scope: 'entry' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe(id);
    // The pause state is read fresh from the bot before "already paused" is answered, with the id.
    await until('the simulator to log the forwarded id', () => (stack.sim.process.output().includes(id) ? true : undefined), 5000);
    const audit = await call<{ entries: Array<{ correlation_id: string | null; ip: string | null; user_agent: string | null }> }>(
      'GET',
      '/api/v1/audit?action=control.pause.entry&limit=10',
      admin,
    );
    expect(audit.body.entries.find((e) => e.correlation_id === id)).toMatchObject({ ip, user_agent: 'control-e2e/1' });
  });

  it('audits the attempt and the outcome of a control action', async () => {
    const audit = await call<{ entries: Array<{ action: string; outcome: string; actor_name: string }> }>(
      'GET',
      '/api/v1/audit?action=control.pause.entry&limit=10',
      admin,
    );
    const outcomes = audit.body.entries.filter((e) => e.actor_name === operator.name).map((e) => e.outcome);
    expect(outcomes).toContain('attempt');
    expect(outcomes).toContain('success');
  });

  it('refuses a full pause from an operator and any pause from a viewer', async () => {
    expect((await call('POST', '/api/v1/control/pause', operator.token, { reason: 'try all', scope: 'all' })).status).toBe(403);
    expect((await call('POST', '/api/v1/control/pause', viewer.token, { reason: 'try entry', scope: 'entry' })).status).toBe(403);
  });

  it('rejects a bad scope or a short reason with 400 naming the field', async () => {
    const res = await call<{ errors: Array<{ field: string }> }>('POST', '/api/v1/control/pause', operator.token, {
      reason: 'x',
      scope: 'everything',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field).sort()).toEqual(['reason', 'scope']);
  });

  it('lets an operator resume an entry pause', async () => {
    const res = await call('POST', '/api/v1/control/resume', operator.token, { reason: 'done' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ success: true, pause_state: { paused: false } });
  });

  it('keeps an operator from resuming a full pause, and lets an admin', async () => {
    expect((await call('POST', '/api/v1/control/pause', admin, { reason: 'incident', scope: 'all' })).status).toBe(200);
    const denied = await call('POST', '/api/v1/control/resume', operator.token, { reason: 'resume please' });
    expect(denied.status).toBe(403);
    const ok = await call('POST', '/api/v1/control/resume', admin, { reason: 'incident over' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ pause_state: { paused: false } });
  });

  it('keeps an operator from resuming past a breaker that needs a manual reset', async () => {
    // Tripped with scope entry, so only the manual-reset rule (not the scope rule) stops an operator.
    await stack.sim.control.tripBreaker({ type: 'asgard_health', scope: 'entry' });
    const preview = await call<{ blocking_breakers: string[] }>('GET', '/api/v1/control/preview?action=resume', operator.token);
    expect(preview.status).toBe(200);
    const res = await call<{ message: string }>('POST', '/api/v1/control/resume', operator.token, { reason: 'breaker cleared?' });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/manual reset/);
    expect((await call('POST', '/api/v1/control/resume', admin, { reason: 'reset by admin' })).status).toBe(200);
  });

  it('shows which positions a pause of exit would leave exposed', async () => {
    const res = await call<{ positions_exposed: Array<{ position_id: string; asgard_hf: string }> }>(
      'GET',
      '/api/v1/control/preview?action=pause&scope=exit',
      operator.token,
    );
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.positions_exposed)).toBe(true);
    for (const p of res.body.positions_exposed) expect(p.asgard_hf).toMatch(/^-?\d+(\.\d+)?$/);
  });

  it('requires a fresh login for an emergency stop, then stops everything', async () => {
    // A token whose login is 20 minutes old, on the admin's real session.
    const claims = jwt.decode(admin) as Record<string, unknown>;
    const { iat: _iat, exp: _exp, ...rest } = claims;
    const stale = jwt.sign({ ...rest, auth_time: Math.floor(Date.now() / 1000) - 20 * 60 }, jwtSecret, {
      algorithm: 'HS256',
      expiresIn: 600,
    });
    const refused = await call<{ code: string }>('POST', '/api/v1/control/emergency-stop', stale, {
      reason: 'depeg spreading',
      confirm: 'STOP',
    });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('STEP_UP_REQUIRED');

    const wrongConfirm = await call('POST', '/api/v1/control/emergency-stop', admin, { reason: 'depeg spreading', confirm: 'stop' });
    expect(wrongConfirm.status).toBe(400);
    expect((await call('POST', '/api/v1/control/emergency-stop', operator.token, { reason: 'me too', confirm: 'STOP' })).status).toBe(403);

    const stop = await call('POST', '/api/v1/control/emergency-stop', admin, { reason: 'depeg spreading', confirm: 'STOP' });
    expect(stop.status, JSON.stringify(stop.body)).toBe(200);
    expect(stop.body).toMatchObject({ success: true, pause_state: { paused: true, scope: 'all' } });
    expect(Array.isArray(stop.body.positions_closing)).toBe(true);

    // Resuming from an emergency stop is for admins only.
    expect((await call('POST', '/api/v1/control/resume', operator.token, { reason: 'let us go' })).status).toBe(403);
    const resumed = await call('POST', '/api/v1/control/resume', admin, { reason: 'all clear' });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
  });

  it('answers 503 fast when the bot is down, and queues nothing', async () => {
    await stack.sim.control.addFault({ type: 'refuse' });
    try {
      const res = await call<{ code: string }>('POST', '/api/v1/control/pause', operator.token, { reason: 'bot is down', scope: 'entry' });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('BOT_UNAVAILABLE');
      expect(res.ms).toBeLessThan(5000 + 500);
    } finally {
      await stack.sim.control.clearFaults();
    }
  });

  it('records a control call that times out as "unknown", then settles it by re-reading the pause state', async () => {
    // A fresh operator: the others have used much of their 10 control calls per minute.
    const slowOperator = await teamMember(call, admin, 'operator');
    await stack.sim.control.addFault({ type: 'latency', ms: 3000, paths: ['/internal/control/pause'] });
    try {
      const res = await call<{ outcome: string; pause_state: { paused: boolean } }>('POST', '/api/v1/control/pause', slowOperator.token, {
        reason: 'slow bot',
        scope: 'exit',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // The answer is what the bot reported right after the timeout, with the outcome that implies.
      expect(res.body.outcome).toBe(res.body.pause_state.paused ? 'success' : 'unknown');
      const audit = await call<{ entries: Array<{ outcome: string; actor_name: string }> }>(
        'GET',
        '/api/v1/audit?action=control.pause.exit&limit=10',
        admin,
      );
      expect(audit.body.entries.filter((e) => e.actor_name === slowOperator.name).map((e) => e.outcome)).toContain('unknown');
    } finally {
      await stack.sim.control.clearFaults();
      await new Promise((r) => setTimeout(r, 3500)); // let the delayed pause land before resuming
      await call('POST', '/api/v1/control/resume', admin, { reason: 'after the slow pause' });
    }
  });

  it('limits control actions to 10 per minute per user, with Retry-After', async () => {
    const busy = await teamMember(call, admin, 'operator');
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 11; i++) {
      const pause = await fetch(`${stack.apiUrl}/api/v1/control/pause`, {
        method: 'POST',
        headers: { authorization: `Bearer ${busy.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: `limit check ${i}`, scope: 'entry' }),
      });
      statuses.push(pause.status);
      if (pause.status === 429) retryAfter = pause.headers.get('retry-after') ?? pause.headers.get('retry-after-control');
      await pause.text();
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    await call('POST', '/api/v1/control/resume', admin, { reason: 'after the limit check' });
  });

  it('previews a configuration change against the limits without sending or storing it', async () => {
    const before = await call<{ risk: { max_leverage: string } }>('GET', '/api/v1/config', admin);
    const versions = await call<unknown[]>('GET', '/api/v1/config/versions', admin);
    const preview = await call<{
      changed: boolean;
      diff: Array<{ path: string; before: unknown; after: unknown }>;
      config: { risk: { max_leverage: string } };
    }>('POST', '/api/v1/config/preview', admin, { config: { risk: { max_leverage: '2.5', default_leverage: '2.0' } } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.changed).toBe(true);
    expect(preview.body.diff).toContainEqual({ path: 'risk.max_leverage', before: before.body.risk.max_leverage, after: '2.5' });
    expect(preview.body.config.risk.max_leverage).toBe('2.5');
    // Nothing changed on the bot, no version stored.
    expect((await call<{ risk: { max_leverage: string } }>('GET', '/api/v1/config', admin)).body.risk.max_leverage).toBe(
      before.body.risk.max_leverage,
    );
    expect((await call<unknown[]>('GET', '/api/v1/config/versions', admin)).body).toHaveLength(versions.body.length);

    const beyond = await call<{ errors: Array<{ field: string }> }>('POST', '/api/v1/config/preview', admin, {
      config: { risk: { default_leverage: '50.0' } },
    });
    expect(beyond.status).toBe(400);
    expect(beyond.body.errors.map((e) => e.field)).toContain('config.risk.default_leverage');
    expect((await call('POST', '/api/v1/config/preview', operator.token, { config: { risk: { max_leverage: '3.0' } } })).status).toBe(403);
  });

  it('changes the configuration with a diff, keeps versions and restores one', async () => {
    const before = await call<{ risk: { max_leverage: string } }>('GET', '/api/v1/config', operator.token);
    expect(before.status).toBe(200);
    const changed = await call<{ changed: boolean; diff: Array<{ path: string }>; version: number }>('PUT', '/api/v1/config', admin, {
      reason: 'lower leverage ahead of CPI',
      config: { risk: { max_leverage: '3.5', default_leverage: '3.0' } },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.changed).toBe(true);
    expect(changed.body.diff.map((d) => d.path)).toContain('risk.max_leverage');
    const after = await call<{ risk: { max_leverage: string } }>('GET', '/api/v1/config', operator.token);
    expect(after.body.risk.max_leverage).toBe('3.5');

    const bad = await call<{ errors: Array<{ field: string }> }>('PUT', '/api/v1/config', admin, {
      reason: 'too much',
      config: { risk: { default_leverage: '5.0' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toContain('config.risk.default_leverage');

    const versions = await call<Array<{ version: number; author: string }>>('GET', '/api/v1/config/versions', operator.token);
    expect(versions.body[0]).toMatchObject({ version: changed.body.version, author: 'admin' });
    const restore = await call<{ config: { risk: { max_leverage: string } } }>(
      'POST',
      `/api/v1/config/versions/${changed.body.version}/restore`,
      admin,
      { reason: 'back to v1' },
    );
    expect(restore.status).toBe(200);
    expect(
      (await call('PUT', '/api/v1/config', operator.token, { reason: 'operator try', config: { risk: { max_leverage: '3.0' } } })).status,
    ).toBe(403);
    expect((await call('GET', '/api/v1/config', viewer.token)).status).toBe(403);
  });
});

describe('control against a core-tier bot', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof client>;
  let admin: string;
  const adminPassword = password();

  beforeAll(async () => {
    stack = await startStack({ sim: { tier: 'core' }, api: { env: { ADMIN_PASSWORD: adminPassword, TRUSTED_PROXIES: '127.0.0.1' } } });
    call = client(stack.apiUrl);
    admin = await login(call, 'admin', adminPassword);
  });
  afterAll(async () => stack?.stop());

  it('says emergency stop and config are not supported by this bot (501), while pause works', async () => {
    const config = await call<{ code: string }>('GET', '/api/v1/config', admin);
    expect(config.status).toBe(501);
    expect(config.body.code).toBe('BOT_FEATURE_UNSUPPORTED');
    expect((await call('POST', '/api/v1/control/pause', admin, { reason: 'core tier pause', scope: 'entry' })).status).toBe(200);
    const stop = await call<{ code: string }>('POST', '/api/v1/control/emergency-stop', admin, { reason: 'core tier', confirm: 'STOP' });
    expect(stop.status).toBe(501);
  });
});
