import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activateUser,
  createUser,
  errorFields,
  expectError,
  login,
  randomUUID,
  strongPassword,
  uniqueName,
  type AccessApi,
  type Answer,
  type Session,
  startAccessApi,
} from '../support/auth';

/**
 * HTTP hardening around the access layer: security headers, CORS, body limits and types,
 * strict input, rate limits, the bot key (refused by default) and the one error shape.
 * Each test that counts requests uses its own loopback source address (no proxy is trusted).
 */

const ALLOWED_ORIGIN = 'https://dash.example.test';
const UNAUTHENTICATED_PER_MIN = 40;

describe('HTTP hardening', () => {
  let target: AccessApi;
  let admin: Session;
  const errors: Answer[] = [];
  const keep = (res: Answer) => {
    if (res.status >= 400) errors.push(res);
    return res;
  };
  const call = async (...args: Parameters<AccessApi['client']['call']>) => keep(await target.client.call(...args));

  beforeAll(async () => {
    target = await startAccessApi({
      database: 'sqlite',
      env: {
        CORS_ORIGINS: `${ALLOWED_ORIGIN},https://ops.example.test`,
        RATE_LIMIT_UNAUTHENTICATED_PER_MIN: String(UNAUTHENTICATED_PER_MIN),
      },
    });
    admin = await login(target.client, target.adminUsername, target.adminPassword!, { from: '127.0.3.1' });
  });
  afterAll(async () => {
    await target?.stop();
  });

  describe('security headers', () => {
    it.each([
      ['a JSON answer', '/api/v1/health/live', 200],
      ['a 401', '/api/v1/users', 401],
      ['a 404', '/api/v1/no-such-thing', 404],
    ])('are set on %s', async (_label, path, status) => {
      const res = await call('GET', path, { from: '127.0.3.2' });
      expect(res.status).toBe(status);
      const csp = String(res.headers['content-security-policy']);
      expect(csp.split(';').map((d) => d.trim())).toEqual(expect.arrayContaining(["default-src 'self'", "frame-ancestors 'none'"]));
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // Plain http (no TLS, COOKIE_SECURE off): HSTS would be wrong here.
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('the refresh cookie is not Secure over plain http in test (so the suite can use it), and is httpOnly', async () => {
      const res = await call('POST', '/api/v1/auth/login', {
        from: '127.0.3.3',
        body: { username: 'admin', password: target.adminPassword },
      });
      expect(res.status).toBe(200);
      expect(res.cookies.dnb_refresh!.raw).toMatch(/HttpOnly/i);
      expect(res.cookies.dnb_refresh!.raw).not.toMatch(/;\s*Secure/i);
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      call('OPTIONS', '/api/v1/auth/login', {
        from: '127.0.3.4',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });

    it('an origin listed in CORS_ORIGINS gets Access-Control-Allow-Origin (with credentials), on a preflight and on the request', async () => {
      const pre = await preflight(ALLOWED_ORIGIN);
      expect(pre.status).toBeLessThan(300);
      expect(pre.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(pre.headers['access-control-allow-credentials']).toBe('true');
      expect(String(pre.headers['access-control-allow-methods'])).toContain('POST');
      expect(String(pre.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
      const get = await call('GET', '/api/v1/health/live', { from: '127.0.3.4', headers: { origin: ALLOWED_ORIGIN } });
      expect(get.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(String(get.headers.vary)).toMatch(/origin/i);
      expect(String(get.headers['access-control-expose-headers'])).toContain('x-correlation-id');
    });

    it.each([['https://evil.example'], ['null'], [`${ALLOWED_ORIGIN}.evil.example`], ['http://dash.example.test']])(
      'the origin %s gets no Access-Control-Allow-Origin',
      async (origin) => {
        // (Access-Control-Allow-Credentials: true is still sent; without Allow-Origin the browser refuses anyway.)
        const pre = await preflight(origin);
        expect(pre.headers['access-control-allow-origin']).toBeUndefined();
        const get = await call('GET', '/api/v1/auth/me', { from: '127.0.3.4', token: admin.accessToken, headers: { origin } });
        expect(get.headers['access-control-allow-origin']).toBeUndefined();
      },
    );
  });

  describe('request bodies', () => {
    it('a JSON body over 64 KB answers 413 with the JSON error, before authentication', async () => {
      const big = { username: 'admin', password: 'x'.repeat(70 * 1024) };
      expectError(await call('POST', '/api/v1/auth/login', { from: '127.0.3.5', body: big }), 413, 'PAYLOAD_TOO_LARGE');
      expectError(
        await call('POST', '/api/v1/users', { from: '127.0.3.5', token: admin.accessToken, body: { ...big, role: 'viewer' } }),
        413,
        'PAYLOAD_TOO_LARGE',
      );
      // Just under the limit is parsed (and then refused for what it says).
      const under = await call('POST', '/api/v1/auth/login', {
        from: '127.0.3.5',
        body: { username: 'admin', password: 'x'.repeat(60 * 1024) },
      });
      expectError(under, 400, 'VALIDATION_FAILED');
      expect(errorFields(under)).toEqual(['password']);
    });

    it.each([
      ['text/plain', 'username=admin'],
      // An HTML form is a "simple" cross-site request (no preflight): it must not reach a handler.
      ['application/x-www-form-urlencoded', 'username=admin&password=a+form+posted+guess'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin\r\n--x--'],
    ])('a %s body answers 415 with the JSON error', async (contentType, raw) => {
      expectError(await call('POST', '/api/v1/auth/login', { from: '127.0.3.6', raw, contentType }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('malformed JSON answers 400 with the JSON error', async () => {
      const res = await call('POST', '/api/v1/auth/login', {
        from: '127.0.3.7',
        raw: '{"username": "admin", ',
        contentType: 'application/json',
      });
      expectError(res, 400);
    });

    it('unknown body fields answer 400 naming each field (no mass assignment)', async () => {
      const loginRes = await call('POST', '/api/v1/auth/login', {
        from: '127.0.3.8',
        body: { username: 'admin', password: 'whatever it is', role: 'admin' },
      });
      expectError(loginRes, 400, 'VALIDATION_FAILED');
      expect(errorFields(loginRes)).toEqual(['role']);
      const create = await call('POST', '/api/v1/users', {
        from: '127.0.3.8',
        token: admin.accessToken,
        body: { username: uniqueName('mass'), password: strongPassword(), role: 'viewer', must_change_password: false, is_active: true },
      });
      expectError(create, 400, 'VALIDATION_FAILED');
      expect(errorFields(create).sort()).toEqual(['is_active', 'must_change_password']);
      const rename = await call('PATCH', `/api/v1/users/${admin.user.id}`, {
        from: '127.0.3.8',
        token: admin.accessToken,
        body: { username: 'root' },
      });
      expectError(rename, 400);
      expect(errorFields(rename)).toEqual(['username']);
      const key = await call('POST', '/api/v1/api-keys', {
        from: '127.0.3.8',
        token: admin.accessToken,
        body: { name: uniqueName('k'), role: 'viewer', owner_id: randomUUID() },
      });
      expectError(key, 400);
      expect(errorFields(key)).toEqual(['owner_id']);
    });

    it('wrong types and values name their fields', async () => {
      const res = await call('POST', '/api/v1/users', {
        from: '127.0.3.8',
        token: admin.accessToken,
        body: { username: 'Not Valid!', password: 42, role: 'root' },
      });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(errorFields(res).sort()).toEqual(['password', 'role', 'username']);
      expectError(await call('PATCH', '/api/v1/users/not-a-uuid', { from: '127.0.3.8', token: admin.accessToken, body: {} }), 400);
      const allowlist = await call('POST', '/api/v1/api-keys', {
        from: '127.0.3.8',
        token: admin.accessToken,
        body: { name: uniqueName('k'), role: 'viewer', ip_allowlist: ['10.0.0.0/33'] },
      });
      expectError(allowlist, 400);
      expect(errorFields(allowlist)).toEqual(['ip_allowlist']);
    });
  });

  describe('rate limits', () => {
    it(`anonymous callers get 429 with Retry-After after ${UNAUTHENTICATED_PER_MIN} requests a minute per address`, async () => {
      const from = '127.0.4.1';
      const statuses: number[] = [];
      for (let i = 0; i < UNAUTHENTICATED_PER_MIN; i++)
        statuses.push((await target.client.call('GET', '/api/v1/health/live', { from })).status);
      expect(new Set(statuses)).toEqual(new Set([200]));
      const over = await call('GET', '/api/v1/health/live', { from });
      expectError(over, 429, 'RATE_LIMITED');
      expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Another address is not affected.
      expect((await target.client.call('GET', '/api/v1/health/live', { from: '127.0.4.2' })).status).toBe(200);
    });

    it('a flood of bad credentials is cut off at the same limit, and the audit log stops growing with it', async () => {
      const from = '127.0.4.3';
      const count = async () =>
        Number((await target.sql().query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.denied'"))[0]!.n);
      const before = await count();
      const statuses: number[] = [];
      for (let i = 0; i < UNAUTHENTICATED_PER_MIN + 20; i++) {
        statuses.push((await target.client.call('GET', '/api/v1/users', { from, token: `guess-${i}` })).status);
      }
      expect(statuses.slice(0, UNAUTHENTICATED_PER_MIN).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(UNAUTHENTICATED_PER_MIN).every((s) => s === 429)).toBe(true);
      expect((await count()) - before).toBeLessThanOrEqual(UNAUTHENTICATED_PER_MIN);
    });

    it('a viewer gets 429 after 100 requests a minute; an admin is still served', async () => {
      const viewer = await activateUser(target.client, await createUser(target.client, admin.accessToken, { role: 'viewer' }), {
        from: '127.0.4.4',
      });
      const statuses: number[] = [];
      // The password change in activateUser was one request of the viewer's budget.
      for (let i = 0; i < 110; i++)
        statuses.push((await target.client.call('GET', '/api/v1/auth/me', { from: '127.0.4.4', token: viewer.accessToken })).status);
      const first429 = statuses.indexOf(429);
      expect(first429).toBeGreaterThanOrEqual(98);
      expect(first429).toBeLessThanOrEqual(100);
      expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
      const over = await call('GET', '/api/v1/auth/me', { from: '127.0.4.4', token: viewer.accessToken });
      expectError(over, 429, 'RATE_LIMITED');
      expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // The budget is the user's, not the address's: the admin from the same address is fine.
      expect((await target.client.call('GET', '/api/v1/auth/me', { from: '127.0.4.4', token: admin.accessToken })).status).toBe(200);
    });
  });

  it('BOT_KEY_GRANTS_ADMIN=false (the default): the bot admin key is refused as X-API-Key', async () => {
    expectError(await call('GET', '/api/v1/users', { from: '127.0.3.9', apiKey: target.botAdminKey }), 401, 'UNAUTHENTICATED');
    expectError(await call('GET', '/api/v1/auth/me', { from: '127.0.3.9', apiKey: target.botAdminKey }), 401, 'UNAUTHENTICATED');
  });

  it('other error answers have the same shape: 404 route, 404 id, 409 conflict, 403', async () => {
    expectError(await call('GET', '/api/v1/nothing-here', { from: '127.0.3.10' }), 404, 'NOT_FOUND');
    expectError(await call('DELETE', `/api/v1/users/${randomUUID()}`, { from: '127.0.3.10', token: admin.accessToken }), 404, 'NOT_FOUND');
    const taken = await call('POST', '/api/v1/users', {
      from: '127.0.3.10',
      token: admin.accessToken,
      body: { username: 'admin', password: strongPassword(), role: 'viewer' },
    });
    expectError(taken, 409, 'CONFLICT');
    expect(errorFields(taken)).toEqual(['username']);
    const viewer = await activateUser(target.client, await createUser(target.client, admin.accessToken, { role: 'viewer' }), {
      from: '127.0.3.11',
    });
    expectError(await call('GET', '/api/v1/audit', { from: '127.0.3.10', token: viewer.accessToken }), 403, 'PERMISSION_DENIED');
  });

  it('every error answered in this file had the shape {statusCode, code, message, errors?, correlationId}', () => {
    expect(errors.length).toBeGreaterThan(20);
    const statuses = new Set(errors.map((e) => e.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([400, 401, 403, 404, 409, 413, 415, 429]));
    for (const res of errors) {
      const body = res.body as Record<string, unknown>;
      expect(res.headers['content-type'], res.text).toMatch(/^application\/json/);
      expect(body.statusCode).toBe(res.status);
      expect(body.correlationId).toBe(res.correlationId);
      expect(Object.keys(body).filter((k) => !['statusCode', 'code', 'message', 'errors', 'correlationId'].includes(k))).toEqual([]);
    }
  });
});
