import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  activateUser,
  auditEntries,
  createApiKey,
  createUser,
  decodeClaims,
  errorFields,
  expectError,
  leakedSecrets,
  login,
  loginRequest,
  nextIp,
  randomUUID,
  refreshRequest,
  sleep,
  strongPassword,
  uniqueName,
  within,
  type AccessApi,
  type AuditEntry,
  type DatabaseKind,
  type Session,
  type TokenBody,
  type UserBody,
  startAccessApi,
} from '../support/auth';

/**
 * Sessions, users and keys over their whole life (rotation, reuse, logout, disable, revoke,
 * expiry, allowlists, the last admin, password policy, step-up) and the audit trail they
 * leave, on SQLite and on PostgreSQL.
 */

const databases: DatabaseKind[] = ['sqlite', 'postgres'];

/** Revocation must apply within a second (auth state and key lookups are cached for at most 1 s). */
const REVOCATION_MS = 1000;

describe.each(databases)('sessions, keys and audit on %s', (database) => {
  let target: AccessApi;
  let admin: Session;
  const secrets: Record<string, string> = {};
  const remember = (label: string, value: string | undefined) => {
    if (value) secrets[label] = value;
  };
  const rememberSession = (s: Session) => {
    remember(`password of ${s.username}`, s.password);
    remember(`access token of ${s.username} ${s.claims.sid}`, s.accessToken);
    remember(`refresh token of ${s.username} ${s.claims.sid}`, s.refreshToken);
  };
  const me = (token: string) => target.client.call('GET', '/api/v1/auth/me', { token });
  const meWithKey = (apiKey: string) => target.client.call('GET', '/api/v1/auth/me', { apiKey });

  beforeAll(async () => {
    target = await startAccessApi({
      database,
      postgresUrl: inject('databaseUrl'),
      env: { TRUSTED_PROXIES: '127.0.0.1', LOG_LEVEL: 'debug' },
    });
    admin = await login(target.client, target.adminUsername, target.adminPassword!, { xff: nextIp() });
    rememberSession(admin);
    remember('JWT secret', target.jwtSecret);
    remember('bot admin key', target.botAdminKey);
  });
  afterAll(async () => {
    await target?.stop();
  });

  async function newUser(role: 'viewer' | 'operator' | 'admin'): Promise<Session> {
    const created = await createUser(target.client, admin.accessToken, { role });
    remember(`first password of ${created.username}`, created.password);
    const session = await activateUser(target.client, created, { xff: nextIp() });
    rememberSession(session);
    return session;
  }

  async function newKey(input: Parameters<typeof createApiKey>[2], token = admin.accessToken) {
    const key = await createApiKey(target.client, token, input);
    remember(`API key ${key.name}`, key.key);
    return key;
  }

  describe('refresh tokens', () => {
    it('are set as an httpOnly, SameSite=Strict cookie scoped to /api/v1/auth, never in a body', async () => {
      const res = await loginRequest(target.client, target.adminUsername, target.adminPassword!, { xff: nextIp() });
      expect(res.status).toBe(200);
      const cookie = res.cookies.dnb_refresh!;
      remember('refresh token from the cookie test', cookie.value);
      remember('access token from the cookie test', res.body.access_token);
      expect(cookie.raw).toMatch(/;\s*HttpOnly/i);
      expect(cookie.raw).toMatch(/;\s*SameSite=Strict/i);
      expect(cookie.raw).toMatch(/;\s*Path=\/api\/v1\/auth(;|$)/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).not.toContain(cookie.value);
      expect(Object.keys(res.body).sort()).toEqual(['access_token', 'expires_in', 'token_type', 'user']);
      const claims = decodeClaims(res.body.access_token);
      expect(claims).toMatchObject({ iss: 'dnb-control-center', aud: 'dnb-control-center', typ: 'access', sub: res.body.user.id });
      expect(claims.exp - claims.iat).toBe(res.body.expires_in);
    });

    it('rotate on every refresh: each new cookie works once, with an access token of the same session', async () => {
      const user = await newUser('viewer');
      const first = await refreshRequest(target.client, user.refreshToken);
      expect(first.status).toBe(200);
      const second = first.cookies.dnb_refresh!.value;
      remember('rotated refresh 1', second);
      expect(second).not.toBe(user.refreshToken);
      expect(decodeClaims(first.body.access_token).sid).toBe(user.claims.sid);
      expect((await me(first.body.access_token)).status).toBe(200);
      const again = await refreshRequest(target.client, second);
      expect(again.status).toBe(200);
      remember('rotated refresh 2', again.cookies.dnb_refresh!.value);
      expect(again.cookies.dnb_refresh!.value).not.toBe(second);
    });

    it('reused after rotation answer 401 and end the whole session: the newest cookie and the access tokens stop working', async () => {
      const user = await newUser('operator');
      const r1 = await refreshRequest(target.client, user.refreshToken);
      const r2 = await refreshRequest(target.client, r1.cookies.dnb_refresh!.value);
      expect([r1.status, r2.status]).toEqual([200, 200]);
      const newest = r2.cookies.dnb_refresh!.value;
      remember('newest refresh before reuse', newest);
      // An attacker replays the first, already spent, refresh token.
      const replay = await refreshRequest(target.client, user.refreshToken);
      expectError(replay, 401, 'UNAUTHENTICATED');
      const ms = await within(REVOCATION_MS, 'session revoked after reuse', async () => {
        const [a, b, c] = await Promise.all([me(user.accessToken), me(r2.body.access_token), refreshRequest(target.client, newest)]);
        return a.status === 401 && b.status === 401 && c.status === 401;
      });
      expect(ms).toBeLessThan(REVOCATION_MS);
      const entries = await auditEntries(target.client, admin.accessToken, 'action=auth.refresh_reuse');
      expect(entries.find((e) => e.actor_id === user.user.id)).toMatchObject({ outcome: 'denied', actor_name: user.username });
    });

    it('refreshing twice at once with the same cookie lets at most one win', async () => {
      const user = await newUser('viewer');
      const answers = await Promise.all([
        refreshRequest(target.client, user.refreshToken),
        refreshRequest(target.client, user.refreshToken),
      ]);
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, 401]);
    });

    it('a missing or unknown refresh cookie answers 401', async () => {
      expectError(await target.client.call('POST', '/api/v1/auth/refresh'), 401, 'UNAUTHENTICATED');
      expectError(await refreshRequest(target.client, `${randomUUID()}.bm90LWEtdG9rZW4`), 401, 'UNAUTHENTICATED');
    });
  });

  it('logout ends the session: its access token and its refresh cookie stop working, the cookie is cleared', async () => {
    const user = await newUser('viewer');
    const other = await login(target.client, user.username, user.password, { xff: nextIp() });
    rememberSession(other);
    const res = await target.client.call('POST', '/api/v1/auth/logout', { token: user.accessToken });
    expect(res.status).toBe(204);
    expect(res.cookies.dnb_refresh?.raw).toMatch(/dnb_refresh=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    expectError(await me(user.accessToken), 401, 'UNAUTHENTICATED');
    expectError(await refreshRequest(target.client, user.refreshToken), 401, 'UNAUTHENTICATED');
    // Only that session: the same user's other session goes on.
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it('changing my password ends my other sessions and keeps this one', async () => {
    const here = await newUser('viewer');
    const there = await login(target.client, here.username, here.password, { xff: nextIp() });
    rememberSession(there);
    const password = strongPassword();
    remember('changed password', password);
    const res = await target.client.call('POST', '/api/v1/auth/password', {
      token: here.accessToken,
      body: { current_password: here.password, new_password: password },
    });
    expect(res.status).toBe(204);
    await within(REVOCATION_MS, 'other session ended', async () => (await me(there.accessToken)).status === 401);
    expectError(await refreshRequest(target.client, there.refreshToken), 401, 'UNAUTHENTICATED');
    expect((await me(here.accessToken)).status).toBe(200);
    const rotated = await refreshRequest(target.client, here.refreshToken);
    expect(rotated.status).toBe(200);
    remember('refresh after password change', rotated.cookies.dnb_refresh?.value);
    expectError(await loginRequest(target.client, here.username, here.password, { xff: nextIp() }), 401, 'UNAUTHENTICATED');
  });

  it('disabling a user stops their access token, refresh cookie and API keys within 1 s', async () => {
    const owner = await newUser('admin');
    const key = await newKey({ role: 'viewer' }, owner.accessToken);
    expect((await me(owner.accessToken)).status).toBe(200);
    expect((await meWithKey(key.key)).status).toBe(200);
    const disable = await target.client.call<UserBody>('PATCH', `/api/v1/users/${owner.user.id}`, {
      token: admin.accessToken,
      body: { is_active: false },
    });
    expect(disable.status).toBe(200);
    expect(disable.body.is_active).toBe(false);
    const ms = await within(REVOCATION_MS, 'disabled user locked out', async () => {
      const [token, refresh, apiKey] = await Promise.all([
        me(owner.accessToken),
        refreshRequest(target.client, owner.refreshToken),
        meWithKey(key.key),
      ]);
      return token.status === 401 && refresh.status === 401 && apiKey.status === 401;
    });
    expect(ms).toBeLessThan(REVOCATION_MS);
    // And the password no longer signs in (with the same answer as a wrong password).
    const again = await loginRequest(target.client, owner.username, owner.password, { xff: nextIp() });
    expectError(again, 401, 'UNAUTHENTICATED');
    expect(again.body.message).toBe('Invalid username or password');
  });

  it('a revoked API key answers 401 from the next request on; other keys keep working', async () => {
    const key = await newKey({ role: 'operator' });
    const other = await newKey({ role: 'operator' });
    expect((await meWithKey(key.key)).status).toBe(200);
    const revoke = await target.client.call<{ revoked_at: string | null }>('DELETE', `/api/v1/api-keys/${key.id}`, {
      token: admin.accessToken,
    });
    expect(revoke.status).toBe(200);
    expect(revoke.body.revoked_at).toEqual(expect.any(String));
    expectError(await meWithKey(key.key), 401, 'UNAUTHENTICATED');
    expect((await meWithKey(other.key)).status).toBe(200);
    const list = await target.client.call<Array<{ id: string; revoked_at: string | null }>>('GET', '/api/v1/api-keys', {
      token: admin.accessToken,
    });
    expect(list.body.find((k) => k.id === key.id)?.revoked_at).toEqual(expect.any(String));
    expect(list.text).not.toContain(key.key);
  });

  it('an API key answers 401 once it has expired, and cannot be created already expired', async () => {
    const expiresAt = Date.now() + 1200;
    const key = await newKey({ role: 'viewer', expires_at: new Date(expiresAt).toISOString() });
    expect((await meWithKey(key.key)).status).toBe(200);
    await sleep(expiresAt - Date.now() + 50);
    expectError(await meWithKey(key.key), 401, 'UNAUTHENTICATED');
    const past = await target.client.call('POST', '/api/v1/api-keys', {
      token: admin.accessToken,
      body: { name: uniqueName('past'), role: 'viewer', expires_at: new Date(Date.now() - 60_000).toISOString() },
    });
    expectError(past, 400, 'VALIDATION_FAILED');
    expect(errorFields(past)).toEqual(['expires_at']);
  });

  it('an API key with an IP allowlist is refused (401) from any other address', async () => {
    const elsewhere = await newKey({ role: 'viewer', ip_allowlist: ['10.0.0.0/8', '2001:db8::/32'] });
    const local = await newKey({ role: 'viewer', ip_allowlist: ['127.0.0.1'] });
    // From 127.0.0.1 (the socket's address: no X-Forwarded-For sent).
    expectError(await meWithKey(elsewhere.key), 401, 'UNAUTHENTICATED');
    expect((await meWithKey(local.key)).status).toBe(200);
    // 127.0.0.1 is a trusted proxy here: the client it forwards for is the address that counts.
    expect((await target.client.call('GET', '/api/v1/auth/me', { apiKey: elsewhere.key, xff: '10.1.2.3' })).status).toBe(200);
    expectError(await target.client.call('GET', '/api/v1/auth/me', { apiKey: local.key, xff: '10.1.2.3' }), 401);
    const denied = await auditEntries(target.client, admin.accessToken, 'action=auth.denied');
    expect(denied.some((e) => (e.detail as { reason?: string } | null)?.reason === 'ip_not_allowed')).toBe(true);
  });

  it('deleting a user who owns API keys works and their keys stop working', async () => {
    const owner = await newUser('admin');
    const key = await newKey({ role: 'viewer' }, owner.accessToken);
    expect((await meWithKey(key.key)).status).toBe(200);
    const res = await target.client.call('DELETE', `/api/v1/users/${owner.user.id}`, { token: admin.accessToken });
    expect({ status: res.status, body: res.text }).toMatchObject({ status: 204 });
    await within(REVOCATION_MS, 'keys of a deleted user refused', async () => (await meWithKey(key.key)).status === 401);
    expectError(await me(owner.accessToken), 401);
    const [entry] = await auditEntries(target.client, admin.accessToken, 'action=user.delete');
    expect(entry).toMatchObject({ target: owner.username, outcome: 'success', detail: { keys_removed: 1 } });
  });

  it('behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1) the login brake counts the forwarded client address', async () => {
    const client = nextIp();
    for (let i = 1; i <= 5; i++) {
      expectError(
        await loginRequest(target.client, uniqueName('nobody'), 'a guess behind the proxy', { xff: client }),
        401,
        'UNAUTHENTICATED',
      );
    }
    const sixth = await loginRequest(target.client, uniqueName('nobody'), 'a guess behind the proxy', { xff: client });
    expectError(sixth, 429, 'RATE_LIMITED');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another client behind the same proxy (same socket address 127.0.0.1) is not affected.
    expectError(
      await loginRequest(target.client, uniqueName('nobody'), 'a guess behind the proxy', { xff: nextIp() }),
      401,
      'UNAUTHENTICATED',
    );
  });

  describe('the last active admin', () => {
    it('cannot be demoted, disabled or deleted (409), while another admin can', async () => {
      // Make sure the bootstrap admin is the only active admin.
      const users = await target.client.call<UserBody[]>('GET', '/api/v1/users', { token: admin.accessToken });
      for (const u of users.body.filter((x) => x.role === 'admin' && x.is_active && x.id !== admin.user.id)) {
        expect(
          (await target.client.call('PATCH', `/api/v1/users/${u.id}`, { token: admin.accessToken, body: { is_active: false } })).status,
        ).toBe(200);
      }
      const demote = await target.client.call('PATCH', `/api/v1/users/${admin.user.id}`, {
        token: admin.accessToken,
        body: { role: 'operator' },
      });
      expectError(demote, 409, 'CONFLICT');
      expect(errorFields(demote)).toEqual(['role']);
      const disable = await target.client.call('PATCH', `/api/v1/users/${admin.user.id}`, {
        token: admin.accessToken,
        body: { is_active: false },
      });
      expectError(disable, 409, 'CONFLICT');
      expect(errorFields(disable)).toEqual(['is_active']);
      // Deleted by someone else than themselves (an admin API key), so the refusal is the last-admin rule.
      const key = await newKey({ role: 'admin' });
      const remove = await target.client.call('DELETE', `/api/v1/users/${admin.user.id}`, { apiKey: key.key });
      expectError(remove, 409, 'CONFLICT');
      expect((remove.body as { message: string }).message).toMatch(/last active admin/);
      const still = await target.client.call<UserBody[]>('GET', '/api/v1/users', { token: admin.accessToken });
      expect(still.body.find((u) => u.id === admin.user.id)).toMatchObject({ role: 'admin', is_active: true });

      // With a second active admin, either of them may be demoted.
      const second = await newUser('admin');
      const demoteSecond = await target.client.call<UserBody>('PATCH', `/api/v1/users/${second.user.id}`, {
        token: admin.accessToken,
        body: { role: 'operator' },
      });
      expect(demoteSecond.status).toBe(200);
      expect(demoteSecond.body.role).toBe('operator');
      // The demotion applies to the live token at once: the operator is no longer allowed to manage users.
      await within(
        REVOCATION_MS,
        'demotion applied',
        async () => (await target.client.call('GET', '/api/v1/users', { token: second.accessToken })).status === 403,
      );
    });
  });

  describe('password policy', () => {
    const attempt = (password: string, username = uniqueName('pw')) =>
      target.client.call<UserBody>('POST', '/api/v1/users', { token: admin.accessToken, body: { username, password, role: 'viewer' } });

    it.each([
      ['11 characters', 'abcdefghijk'],
      ['129 characters', `${'correct horse battery staple '.repeat(5)}abcdefghijklmnopqrstuvwxyz`.slice(0, 129)],
      ['a common password', 'qwerty123456'],
      ['a common password padded with repetition', 'password1111111'],
      ['one character repeated', 'aaaaaaaaaaaaaaaa'],
    ])('refuses %s with 400 naming the field password', async (_label, password) => {
      const res = await attempt(password);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(errorFields(res)).toEqual(['password']);
    });

    it('refuses a password that contains the username', async () => {
      const username = uniqueName('pwuser');
      const res = await attempt(`my ${username} passphrase`, username);
      expectError(res, 400);
      expect(errorFields(res)).toEqual(['password']);
    });

    it.each([
      ['12 characters', 'k7#Lm9q!Zt2w'],
      ['128 characters', 'seven purple otters '.repeat(7).slice(0, 128)],
      ['non-ASCII characters (counted as characters)', 'pässwörter-ünd-straße'],
    ])('accepts %s', async (_label, password) => {
      expect([...password].length).toBeGreaterThanOrEqual(12);
      const res = await attempt(password);
      expect({ status: res.status, text: res.text }).toMatchObject({ status: 201 });
    });

    it('applies to an admin reset and to a user changing their own password, naming the field sent', async () => {
      const user = await newUser('viewer');
      const reset = await target.client.call('PATCH', `/api/v1/users/${user.user.id}`, {
        token: admin.accessToken,
        body: { password: 'qwerty123456' },
      });
      expectError(reset, 400);
      expect(errorFields(reset)).toEqual(['password']);
      const own = await target.client.call('POST', '/api/v1/auth/password', {
        token: user.accessToken,
        body: { current_password: user.password, new_password: 'qwerty123456' },
      });
      expectError(own, 400, 'VALIDATION_FAILED');
      expect(errorFields(own)).toEqual(['new_password']);
      const short = await target.client.call('POST', '/api/v1/auth/password', {
        token: user.accessToken,
        body: { current_password: user.password, new_password: 'short' },
      });
      expectError(short, 400);
      expect(errorFields(short)).toEqual(['new_password']);
    });

    it('an admin reset makes the user change the password again and ends their sessions', async () => {
      const user = await newUser('viewer');
      const password = strongPassword();
      remember('reset password', password);
      const resetId = `reset-${randomUUID()}`;
      const reset = await target.client.call<UserBody>('PATCH', `/api/v1/users/${user.user.id}`, {
        token: admin.accessToken,
        body: { password },
        headers: { 'x-correlation-id': resetId },
      });
      expect(reset.status).toBe(200);
      expect(reset.body.must_change_password).toBe(true);
      // The audit row shows what the reset changed (and not the password itself).
      const [row] = (await auditEntries(target.client, admin.accessToken, 'action=user.update')).filter(
        (e) => e.correlation_id === resetId,
      );
      expect(row).toMatchObject({ target: user.username, before: { must_change_password: false }, after: { must_change_password: true } });
      await within(REVOCATION_MS, 'sessions ended by the reset', async () => (await me(user.accessToken)).status === 401);
      const again = await login(target.client, user.username, password, { xff: nextIp() });
      rememberSession(again);
      expect(again.user.must_change_password).toBe(true);
      expectError(await target.client.call('GET', '/api/v1/auth/sessions', { token: again.accessToken }), 403, 'PASSWORD_CHANGE_REQUIRED');
      expect((await me(again.accessToken)).status).toBe(200);
    });
  });

  describe('sessions of a user', () => {
    it('lists my open sessions with the current one marked, and ends another one', async () => {
      const a = await newUser('viewer');
      const b = await login(target.client, a.username, a.password, { xff: nextIp(), headers: { 'user-agent': 'second-device' } });
      rememberSession(b);
      const list = await target.client.call<Array<{ id: string; current: boolean; user_agent: string | null; ip: string | null }>>(
        'GET',
        '/api/v1/auth/sessions',
        { token: a.accessToken },
      );
      expect(list.status).toBe(200);
      expect(list.body.map((s) => s.id).sort()).toEqual([a.claims.sid, b.claims.sid].sort());
      expect(list.body.find((s) => s.id === a.claims.sid)?.current).toBe(true);
      expect(list.body.find((s) => s.id === b.claims.sid)).toMatchObject({ current: false, user_agent: 'second-device' });
      expect(list.text).not.toContain(b.refreshToken);
      expect((await target.client.call('DELETE', `/api/v1/auth/sessions/${b.claims.sid}`, { token: a.accessToken })).status).toBe(204);
      await within(REVOCATION_MS, 'ended session refused', async () => (await me(b.accessToken)).status === 401);
      expect((await me(a.accessToken)).status).toBe(200);
      // Another user's session is not mine to end: 404, and it goes on.
      const res = await target.client.call('DELETE', `/api/v1/auth/sessions/${admin.claims.sid}`, { token: a.accessToken });
      expectError(res, 404, 'NOT_FOUND');
      expect((await me(admin.accessToken)).status).toBe(200);
    });
  });

  it('step-up returns a new token whose auth_time is fresh, for the same session', async () => {
    const user = await newUser('operator');
    await sleep(1100); // auth_time has a resolution of one second
    const wrong = await target.client.call('POST', '/api/v1/auth/step-up', {
      token: user.accessToken,
      body: { password: 'not my password at all' },
    });
    expectError(wrong, 401, 'UNAUTHENTICATED');
    const before = Math.floor(Date.now() / 1000);
    const res = await target.client.call<TokenBody>('POST', '/api/v1/auth/step-up', {
      token: user.accessToken,
      body: { password: user.password },
    });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('refresh');
    const claims = decodeClaims(res.body.access_token);
    expect(claims.auth_time).toBeGreaterThan(user.claims.auth_time);
    expect(claims.auth_time).toBeGreaterThanOrEqual(before);
    expect(claims.auth_time).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(claims.sid).toBe(user.claims.sid);
    remember('step-up token', res.body.access_token);
    const who = await me(res.body.access_token);
    expect((who.body as { auth_time: number }).auth_time).toBe(claims.auth_time);
    // The refreshed token of that session carries the new auth_time too.
    const refreshed = await refreshRequest(target.client, user.refreshToken);
    expect(decodeClaims(refreshed.body.access_token).auth_time).toBe(claims.auth_time);
    remember('refresh after step-up', refreshed.cookies.dnb_refresh?.value);
  });

  describe('audit trail', () => {
    const ua = `audit-agent/${randomUUID().slice(0, 8)}`;
    const ids = {
      loginOk: `audit-login-ok-${randomUUID()}`,
      loginBad: `audit-login-bad-${randomUUID()}`,
      unauthenticated: `audit-401-${randomUUID()}`,
      forbidden: `audit-403-${randomUUID()}`,
      write: `audit-write-${randomUUID()}`,
      keyWrite: `audit-key-${randomUUID()}`,
    };
    let viewer: Session;
    let createdName: string;
    let keyName: string;
    let entries: AuditEntry[];

    beforeAll(async () => {
      const created = await createUser(target.client, admin.accessToken, { role: 'viewer' });
      remember('audit viewer first password', created.password);
      viewer = await activateUser(target.client, created, { xff: nextIp() });
      rememberSession(viewer);
      const headers = (id: string) => ({ 'user-agent': ua, 'x-correlation-id': id });
      const ok = await loginRequest(target.client, viewer.username, viewer.password, {
        xff: '198.51.100.7',
        headers: headers(ids.loginOk),
      });
      expect(ok.status).toBe(200);
      remember('audit login token', ok.body.access_token);
      remember('audit login refresh', ok.cookies.dnb_refresh?.value);
      const bad = await loginRequest(target.client, viewer.username, 'a wrong password for audit', {
        xff: '198.51.100.8',
        headers: headers(ids.loginBad),
      });
      expect(bad.status).toBe(401);
      remember('wrong password tried', 'a wrong password for audit');
      expect(
        (await target.client.call('GET', '/api/v1/users', { token: 'garbage', xff: '198.51.100.9', headers: headers(ids.unauthenticated) }))
          .status,
      ).toBe(401);
      expect(
        (
          await target.client.call('GET', '/api/v1/users', {
            token: viewer.accessToken,
            xff: '198.51.100.10',
            headers: headers(ids.forbidden),
          })
        ).status,
      ).toBe(403);
      createdName = uniqueName('audited');
      const password = strongPassword();
      remember('audited user password', password);
      const write = await target.client.call('POST', '/api/v1/users', {
        token: admin.accessToken,
        xff: '198.51.100.11',
        headers: headers(ids.write),
        body: { username: createdName, password, role: 'operator' },
      });
      expect(write.status).toBe(201);
      keyName = uniqueName('audited-key');
      const key = await target.client.call<{ key: string }>('POST', '/api/v1/api-keys', {
        token: admin.accessToken,
        xff: '198.51.100.12',
        headers: headers(ids.keyWrite),
        body: { name: keyName, role: 'viewer' },
      });
      expect(key.status).toBe(201);
      remember('audited API key', key.body.key);
      entries = await auditEntries(target.client, admin.accessToken);
    });

    const byCorrelation = (id: string) => entries.filter((e) => e.correlation_id === id);

    it('records a successful login with the user, IP, user agent and correlation id', () => {
      expect(byCorrelation(ids.loginOk)).toEqual([
        expect.objectContaining({
          action: 'auth.login',
          outcome: 'success',
          actor_kind: 'user',
          actor_id: viewer.user.id,
          actor_name: viewer.username,
          actor_role: 'viewer',
          ip: '198.51.100.7',
          user_agent: ua,
          status_code: 200,
        }),
      ]);
    });

    it('records a failed login with the name tried', () => {
      expect(byCorrelation(ids.loginBad)).toEqual([
        expect.objectContaining({
          action: 'auth.login',
          outcome: 'failure',
          actor_name: viewer.username,
          ip: '198.51.100.8',
          user_agent: ua,
          status_code: 401,
        }),
      ]);
    });

    it('records a 401 and a 403 with the route', () => {
      expect(byCorrelation(ids.unauthenticated)).toEqual([
        expect.objectContaining({
          action: 'auth.denied',
          outcome: 'denied',
          actor_kind: 'anonymous',
          status_code: 401,
          target: 'GET /api/v1/users',
          ip: '198.51.100.9',
          user_agent: ua,
        }),
      ]);
      expect(byCorrelation(ids.forbidden)).toEqual([
        expect.objectContaining({
          action: 'auth.forbidden',
          outcome: 'denied',
          actor_name: viewer.username,
          actor_role: 'viewer',
          status_code: 403,
          target: 'GET /api/v1/users',
          ip: '198.51.100.10',
          user_agent: ua,
        }),
      ]);
    });

    it('records writes with who did them and the state after', () => {
      const [created] = byCorrelation(ids.write);
      expect(created).toMatchObject({
        action: 'user.create',
        outcome: 'success',
        actor_name: admin.username,
        actor_role: 'admin',
        target: createdName,
        ip: '198.51.100.11',
        user_agent: ua,
      });
      expect(created!.after).toMatchObject({ username: createdName, role: 'operator' });
      const [key] = byCorrelation(ids.keyWrite);
      expect(key).toMatchObject({
        action: 'api_key.create',
        outcome: 'success',
        actor_name: admin.username,
        target: keyName,
        ip: '198.51.100.12',
      });
    });

    it('filters by actor, action and outcome, and pages by cursor without gaps', async () => {
      const mine = await auditEntries(target.client, admin.accessToken, `actor=${viewer.username}&action=auth.login`);
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(mine.every((e) => e.actor_name === viewer.username && e.action === 'auth.login')).toBe(true);
      const failures = await auditEntries(target.client, admin.accessToken, 'outcome=failure');
      expect(failures.every((e) => e.outcome === 'failure')).toBe(true);
      const all = await auditEntries(target.client, admin.accessToken);
      const paged: number[] = [];
      let cursor: number | null = null;
      do {
        const res: { status: number; body: { entries: AuditEntry[]; next_cursor: number | null } } = await target.client.call(
          'GET',
          `/api/v1/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
          {
            token: admin.accessToken,
          },
        );
        expect(res.status).toBe(200);
        paged.push(...res.body.entries.map((e) => e.id));
        cursor = res.body.next_cursor;
      } while (cursor !== null);
      const newest = all[0]!.id;
      expect(paged.filter((id) => id <= newest)).toEqual(all.map((e) => e.id));
    });

    it('exports CSV with spreadsheet formulas neutralised', async () => {
      const id = `csv-formula-${randomUUID()}`;
      const formula = '=HYPERLINK("http://evil.example","click")';
      await loginRequest(target.client, uniqueName('csvghost'), 'a wrong password for csv', {
        xff: nextIp(),
        headers: { 'user-agent': formula, 'x-correlation-id': id },
      });
      const csv = await target.client.call('GET', '/api/v1/audit?format=csv&action=auth.login', { token: admin.accessToken });
      const [header, ...records] = parseCsv(csv.text);
      const row = records.find((r) => r[header!.indexOf('correlation_id')] === id);
      expect(row?.[header!.indexOf('user_agent')]).toBe(`'${formula}`);
    });

    it('exports CSV and JSON that parse back to the same rows', async () => {
      const json = await target.client.call<AuditEntry[]>('GET', '/api/v1/audit?format=json', { token: admin.accessToken });
      expect(json.status).toBe(200);
      expect(json.headers['content-disposition']).toMatch(/^attachment; filename="audit-.*\.json"$/);
      const rows = JSON.parse(json.text) as AuditEntry[];
      expect(rows.length).toBeGreaterThan(20);
      const csv = await target.client.call('GET', '/api/v1/audit?format=csv', { token: admin.accessToken });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="audit-.*\.csv"$/);
      const [header, ...records] = parseCsv(csv.text);
      expect(header).toEqual([
        'id',
        'occurred_at',
        'actor_kind',
        'actor_name',
        'actor_role',
        'ip',
        'user_agent',
        'correlation_id',
        'action',
        'target',
        'outcome',
        'status_code',
        'detail',
        'before',
        'after',
        'hash',
      ]);
      // Rows written between the two exports are newer: compare what both hold.
      const fromCsv = records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
      const csvById = new Map(fromCsv.map((r) => [Number(r.id), r]));
      const common = rows.filter((r) => csvById.has(r.id));
      expect(common.length).toBeGreaterThanOrEqual(rows.length - 5);
      for (const row of common) {
        const c = csvById.get(row.id)!;
        const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
        const unformula = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
        expect(
          {
            action: c.action,
            outcome: c.outcome,
            actor: c.actor_name,
            ip: c.ip,
            cid: c.correlation_id,
            hash: c.hash,
            detail: unformula(c.detail!),
            after: unformula(c.after!),
          },
          `row ${row.id}`,
        ).toEqual({
          action: row.action,
          outcome: row.outcome,
          actor: cell(row.actor_name),
          ip: cell(row.ip),
          cid: cell(row.correlation_id),
          hash: row.hash,
          detail: cell(row.detail),
          after: cell(row.after),
        });
      }
      // An export only for the viewer's actions is filtered like the list.
      const filtered = JSON.parse(
        (await target.client.call('GET', `/api/v1/audit?format=json&actor=${viewer.username}`, { token: admin.accessToken })).text,
      ) as AuditEntry[];
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.every((r) => r.actor_name === viewer.username)).toBe(true);
    });
  });

  it('never writes a password, token or key to the audit log, the database or the process output', async () => {
    const rows = await target.sql().query('SELECT * FROM audit_log');
    expect(rows.length).toBeGreaterThan(20);
    expect(leakedSecrets(JSON.stringify(rows), secrets)).toEqual([]);
    for (const table of ['users', 'sessions', 'refresh_tokens', 'api_keys']) {
      expect(leakedSecrets(JSON.stringify(await target.sql().query(`SELECT * FROM ${table}`)), secrets), table).toEqual([]);
    }
    expect(leakedSecrets(target.output(), secrets)).toEqual([]);
    expect(Object.keys(secrets).length).toBeGreaterThan(30);
  });

  // Last: it breaks the chain of this database on purpose.
  it('audit/verify detects a row edited or removed directly in the database', async () => {
    const verify = () =>
      target.client.call<{ valid: boolean; rows: number; first_invalid_id?: number; reason?: string }>('GET', '/api/v1/audit/verify', {
        token: admin.accessToken,
      });
    const clean = await verify();
    expect(clean.status).toBe(200);
    expect(clean.body.valid).toBe(true);
    const rows = await target
      .sql()
      .query<{ id: number | string; outcome: string; action: string }>(
        "SELECT id, outcome, action FROM audit_log WHERE action = 'auth.login' AND outcome = 'failure' ORDER BY id",
      );
    expect(rows.length).toBeGreaterThan(0);
    const victim = Number(rows[0]!.id);
    // Turn a failed login into a success.
    await target.sql().query('UPDATE audit_log SET outcome = ? WHERE id = ?', ['success', victim]);
    const edited = await verify();
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ valid: false, first_invalid_id: victim });
    // Put it back: the chain is whole again, so the check is exact, not "anything changed".
    await target.sql().query('UPDATE audit_log SET outcome = ? WHERE id = ?', ['failure', victim]);
    expect((await verify()).body.valid).toBe(true);
    // Change what was done instead.
    await target.sql().query('UPDATE audit_log SET action = ? WHERE id = ?', ['auth.logout', victim]);
    expect((await verify()).body).toMatchObject({ valid: false, first_invalid_id: victim });
    await target.sql().query('UPDATE audit_log SET action = ? WHERE id = ?', ['auth.login', victim]);
    // Remove a row: the next row no longer links to its predecessor.
    const later = await target.sql().query<{ id: number | string }>('SELECT id FROM audit_log WHERE id > ? ORDER BY id LIMIT 2', [victim]);
    await target.sql().query('DELETE FROM audit_log WHERE id = ?', [Number(later[0]!.id)]);
    const removed = await verify();
    expect(removed.body).toMatchObject({ valid: false, first_invalid_id: Number(later[1]!.id) });
    expect(removed.body.reason).toMatch(/chain/);
  });
});

/** RFC 4180: quoted cells, doubled quotes, newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
