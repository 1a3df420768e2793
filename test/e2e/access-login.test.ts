import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ENTRY, REPO_ROOT } from '../support/api';
import {
  activateUser,
  auditEntries,
  createApiKey,
  createUser,
  errorFields,
  expectError,
  login,
  loginRequest,
  randomUUID,
  strongPassword,
  uniqueName,
  type AccessApi,
  type Answer,
  type ErrorBody,
  type Session,
  type UserBody,
  startAccessApi,
} from '../support/auth';
import { spawnProcess } from '../support/process';

/**
 * Signing in: the brute-force brake, answers that do not tell users apart, TOTP with recovery
 * codes, and the first boot (random admin password, REQUIRE_ADMIN_MFA, the bot key).
 *
 * These APIs do NOT trust X-Forwarded-For: a second client is a real second source address on
 * loopback (127.0.0.x), so the client IP the API sees is the socket's, as in production without
 * a proxy.
 */

/** A fresh loopback source address per call site. */
let hostCounter = 1;
function nextSource(): string {
  hostCounter += 1;
  return `127.0.${Math.floor(hostCounter / 250)}.${(hostCounter % 250) + 2}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The parts of a login answer an attacker could compare, without what differs per request. */
function observable(res: Answer): unknown {
  const { correlationId: _c, ...body } = res.body as ErrorBody;
  const headerNames = Object.keys(res.headers)
    .filter((h) => !['date', 'x-correlation-id', 'content-length', 'keep-alive', 'connection'].includes(h))
    .sort();
  return { status: res.status, body, headerNames, length: res.text.length - String(res.correlationId).length };
}

describe('login hardening (socket addresses only, no trusted proxy)', () => {
  let target: AccessApi;
  let admin: Session;

  beforeAll(async () => {
    target = await startAccessApi({ database: 'sqlite' });
    admin = await login(target.client, target.adminUsername, target.adminPassword!, { from: nextSource() });
  });
  afterAll(async () => {
    await target?.stop();
  });

  it('first boot with ADMIN_PASSWORD creates admin from it, ready to use, and prints no password', async () => {
    expect(admin.user).toMatchObject({ username: 'admin', role: 'admin', is_active: true, must_change_password: false });
    expect((await target.client.call('GET', '/api/v1/users', { token: admin.accessToken })).status).toBe(200);
    expect(target.output()).not.toContain('Admin password:');
    expect(target.output()).not.toContain(target.adminPassword!);
    expect(target.output()).toContain('created the first admin from ADMIN_PASSWORD');
  });

  describe('brute-force brake: 5 failed logins per 5 minutes', () => {
    it('refuses the 6th attempt from the same address with 429 and Retry-After; X-Forwarded-For does not reset it', async () => {
      const victim = await createUser(target.client, admin.accessToken, { role: 'operator' });
      const attacker = nextSource();
      for (let i = 1; i <= 5; i++) {
        const res = await loginRequest(target.client, victim.username, `wrong guess number ${i}`, { from: attacker });
        expectError(res, 401, 'UNAUTHENTICATED');
      }
      const sixth = await loginRequest(target.client, victim.username, 'wrong guess number 6', { from: attacker });
      expectError(sixth, 429, 'RATE_LIMITED');
      const retryAfter = Number(sixth.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(300);

      // A spoofed client address in the headers is ignored: the socket's address is what counts.
      const spoofId = `spoof-${randomUUID()}`;
      const spoofed = await loginRequest(target.client, victim.username, 'wrong guess number 7', {
        from: attacker,
        headers: {
          'x-forwarded-for': '203.0.113.77',
          'x-real-ip': '203.0.113.78',
          forwarded: 'for=203.0.113.79',
          'x-correlation-id': spoofId,
        },
      });
      expectError(spoofed, 429, 'RATE_LIMITED');
      // Even the right password waits now.
      expectError(await loginRequest(target.client, victim.username, victim.password, { from: attacker }), 429, 'RATE_LIMITED');

      const [row] = (await auditEntries(target.client, admin.accessToken, 'action=auth.login&outcome=denied')).filter(
        (e) => e.correlation_id === spoofId,
      );
      expect(row).toMatchObject({ actor_name: victim.username, status_code: 429, ip: attacker });
    });

    it('counts per username from any address: rotating addresses does not help', async () => {
      const victim = await createUser(target.client, admin.accessToken, { role: 'viewer' });
      for (let i = 1; i <= 5; i++) {
        expectError(
          await loginRequest(target.client, victim.username, `guess ${i} from afar`, { from: nextSource() }),
          401,
          'UNAUTHENTICATED',
        );
      }
      const sixth = await loginRequest(target.client, victim.username, 'guess 6 from afar', { from: nextSource() });
      expectError(sixth, 429, 'RATE_LIMITED');
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Another user from a fresh address is not affected.
      const bystander = await createUser(target.client, admin.accessToken, { role: 'viewer' });
      expect((await loginRequest(target.client, bystander.username, bystander.password, { from: nextSource() })).status).toBe(200);
    });

    it('counts per address across usernames: spraying many usernames from one address does not help', async () => {
      const sprayer = nextSource();
      for (let i = 1; i <= 5; i++) {
        expectError(
          await loginRequest(target.client, uniqueName('sprayed'), 'a password to spray around', { from: sprayer }),
          401,
          'UNAUTHENTICATED',
        );
      }
      const existing = await createUser(target.client, admin.accessToken, { role: 'viewer' });
      expectError(await loginRequest(target.client, existing.username, existing.password, { from: sprayer }), 429, 'RATE_LIMITED');
      expect((await loginRequest(target.client, existing.username, existing.password, { from: nextSource() })).status).toBe(200);
    });
  });

  it('answers an unknown user, a wrong password and a disabled user identically, in about the same time', async () => {
    // Four real users, at most four attempts each (the brake allows five per username).
    const users = await Promise.all([0, 1, 2, 3].map(() => createUser(target.client, admin.accessToken, { role: 'viewer' })));
    const unknown = () => loginRequest(target.client, uniqueName('ghost'), 'some password 12345', { from: nextSource() });
    const wrong = (i: number) => loginRequest(target.client, users[i % 4]!.username, 'some password 12345', { from: nextSource() });
    // Warm up both paths (first argon2 runs, JIT, connection setup).
    await unknown();
    await wrong(0);
    await unknown();
    await wrong(1);
    const times = { unknown: [] as number[], wrong: [] as number[] };
    let sample: { unknown?: Answer; wrong?: Answer } = {};
    for (let i = 0; i < 12; i++) {
      // Alternate which goes first, so drift in machine load hits both alike.
      let u: Answer;
      let w: Answer;
      if (i % 2) {
        w = await wrong(i);
        u = await unknown();
      } else {
        u = await unknown();
        w = await wrong(i);
      }
      expect([u.status, w.status]).toEqual([401, 401]);
      times.unknown.push(u.ms);
      times.wrong.push(w.ms);
      sample = { unknown: u, wrong: w };
    }
    expect(observable(sample.unknown!)).toEqual(observable(sample.wrong!));
    expect((sample.unknown!.body as ErrorBody).message).toBe('Invalid username or password');

    const disabled = await createUser(target.client, admin.accessToken, { role: 'viewer' });
    expect(
      (await target.client.call('PATCH', `/api/v1/users/${disabled.id}`, { token: admin.accessToken, body: { is_active: false } })).status,
    ).toBe(200);
    const disabledAnswer = await loginRequest(target.client, disabled.username, disabled.password, { from: nextSource() });
    expect(observable(disabledAnswer)).toEqual(observable(sample.wrong!));

    const difference = Math.abs(median(times.unknown) - median(times.wrong));
    expect(difference, `medians: unknown ${median(times.unknown).toFixed(1)} ms, wrong ${median(times.wrong).toFixed(1)} ms`).toBeLessThan(
      50,
    );
  });

  describe('two-factor authentication (TOTP)', () => {
    let user: Session;
    let secret: string;
    let recoveryCodes: string[];

    beforeAll(async () => {
      user = await activateUser(target.client, await createUser(target.client, admin.accessToken, { role: 'operator' }), {
        from: nextSource(),
      });
    });

    it('enrols with a seed and a confirming code, and hands out recovery codes once', async () => {
      const setup = await target.client.call<{ secret: string; otpauth_url: string }>('POST', '/api/v1/auth/mfa/setup', {
        token: user.accessToken,
      });
      expect(setup.status).toBe(200);
      secret = setup.body.secret;
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      const uri = new URL(setup.body.otpauth_url);
      expect(uri.protocol).toBe('otpauth:');
      expect(uri.searchParams.get('secret')).toBe(secret);
      expect(decodeURIComponent(setup.body.otpauth_url)).toContain(user.username);

      const current = await generate({ secret });
      const wrongCode = String((Number(current) + 500_000) % 1_000_000).padStart(6, '0');
      const bad = await target.client.call('POST', '/api/v1/auth/mfa/enable', { token: user.accessToken, body: { totp: wrongCode } });
      expectError(bad, 400, 'VALIDATION_FAILED');
      expect(errorFields(bad)).toEqual(['totp']);

      const enable = await target.client.call<{ recovery_codes: string[] }>('POST', '/api/v1/auth/mfa/enable', {
        token: user.accessToken,
        body: { totp: current },
      });
      expect(enable.status).toBe(200);
      recoveryCodes = enable.body.recovery_codes;
      expect(recoveryCodes).toHaveLength(10);
      for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-f]{5}-[0-9a-f]{5}$/);
      expect(new Set(recoveryCodes).size).toBe(10);
      const who = await target.client.call<UserBody>('GET', '/api/v1/auth/me', { token: user.accessToken });
      expect(who.body.mfa_enabled).toBe(true);
      // Neither the seed nor the codes are stored in the clear.
      const rows = JSON.stringify([
        ...(await target.sql().query('SELECT * FROM users WHERE id = ?', [user.user.id])),
        ...(await target.sql().query('SELECT * FROM user_recovery_codes WHERE user_id = ?', [user.user.id])),
      ]);
      expect(rows).not.toContain(secret);
      for (const code of recoveryCodes) expect(rows).not.toContain(code);
    });

    it('then requires the code at login: 401 MFA_REQUIRED without it, 200 with a current one', async () => {
      const without = await loginRequest(target.client, user.username, user.password, { from: nextSource() });
      expectError(without, 401, 'MFA_REQUIRED');
      expect(errorFields(without)).toEqual(['totp']);
      expect(without.cookies.dnb_refresh).toBeUndefined();
      // The enrolment used this 30 s step's code; a code cannot be used twice, so take the next step's
      // (accepted: clocks drift by a step either way).
      const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const ok = await loginRequest(target.client, user.username, user.password, { from: nextSource(), totp: next });
      expect({ status: ok.status, text: ok.text.slice(0, 200) }).toMatchObject({ status: 200 });
      expect(ok.body.user.mfa_enabled).toBe(true);
      // The same code again (here at step-up, which also wants the second factor) is a replay.
      const replay = await target.client.call('POST', '/api/v1/auth/step-up', {
        token: ok.body.access_token,
        body: { password: user.password, totp: next },
      });
      expectError(replay, 401, 'UNAUTHENTICATED');
      const noCode = await target.client.call('POST', '/api/v1/auth/step-up', {
        token: ok.body.access_token,
        body: { password: user.password },
      });
      expectError(noCode, 401, 'UNAUTHENTICATED');
    });

    it('accepts a recovery code once', async () => {
      const code = recoveryCodes[3]!;
      const first = await loginRequest(target.client, user.username, user.password, { from: nextSource(), totp: code });
      expect({ status: first.status, text: first.text.slice(0, 200) }).toMatchObject({ status: 200 });
      const second = await loginRequest(target.client, user.username, user.password, { from: nextSource(), totp: code });
      expectError(second, 401, 'UNAUTHENTICATED');
      expect(errorFields(second)).toEqual(['totp']);
      const failures = await auditEntries(target.client, admin.accessToken, `actor=${user.username}&action=auth.login&outcome=failure`);
      expect(failures[0]?.detail).toEqual({ reason: 'bad_second_factor' });
      expect(JSON.stringify(failures)).not.toContain(code);
    });
  });
});

/** Routes other than login that check a password, and keys that outlive their owner's role. */
describe('password guessing and key escalation through other routes', () => {
  let target: AccessApi;
  let admin: Session;

  beforeAll(async () => {
    target = await startAccessApi({ database: 'sqlite' });
    admin = await login(target.client, target.adminUsername, target.adminPassword!, { from: nextSource() });
  });
  afterAll(async () => {
    await target?.stop();
  });

  it('brakes password guesses through step-up (with a stolen access token) like logins', async () => {
    const user = await activateUser(target.client, await createUser(target.client, admin.accessToken, { role: 'operator' }), {
      from: nextSource(),
    });
    const statuses: number[] = [];
    // Re-proofs by a signed-in user have a budget of 10 per 5 minutes (login has 5).
    for (let i = 1; i <= 12; i++) {
      const res = await target.client.call('POST', '/api/v1/auth/step-up', {
        token: user.accessToken,
        body: { password: `guess ${i}` },
        from: nextSource(),
      });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(10);
  });

  it('caps an API key at its owner’s current role when the owner is demoted', async () => {
    const other = await activateUser(target.client, await createUser(target.client, admin.accessToken, { role: 'admin' }), {
      from: nextSource(),
    });
    const key = await createApiKey(target.client, other.accessToken, { role: 'admin' });
    expect(
      (await target.client.call('PATCH', `/api/v1/users/${other.user.id}`, { token: admin.accessToken, body: { role: 'operator' } }))
        .status,
    ).toBe(200);
    expect((await target.client.call('GET', '/api/v1/users', { token: other.accessToken })).status).toBe(403);
    const viaKey = await target.client.call('GET', '/api/v1/users', { apiKey: key.key });
    expect([401, 403]).toContain(viaKey.status);
  });
});

describe('first boot without ADMIN_PASSWORD, with REQUIRE_ADMIN_MFA=true, BOT_KEY_GRANTS_ADMIN=true and COOKIE_SECURE=true', () => {
  let target: AccessApi;
  let password: string;
  let admin: Session;

  beforeAll(async () => {
    target = await startAccessApi({
      database: 'sqlite',
      adminPassword: false,
      env: { REQUIRE_ADMIN_MFA: 'true', BOT_KEY_GRANTS_ADMIN: 'true', COOKIE_SECURE: 'true' },
    });
  });
  afterAll(async () => {
    await target?.stop();
  });

  it('creates admin with a random password printed once to stdout, never in the JSON log', () => {
    const output = target.output();
    const found = [...output.matchAll(/Admin password: (\S+)/g)];
    expect(found).toHaveLength(1);
    password = found[0]![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(output).toMatch(/Admin user:\s+admin\b/);
    const jsonLines = output.split('\n').filter((l) => l.startsWith('{'));
    expect(jsonLines.some((l) => l.includes('one-time password printed to the console'))).toBe(true);
    expect(jsonLines.filter((l) => l.includes(password))).toEqual([]);
  });

  it('signs in with it, but everything except the @Authenticated routes waits for a password change', async () => {
    admin = await login(target.client, 'admin', password, { from: nextSource() });
    expect(admin.user).toMatchObject({ username: 'admin', role: 'admin', must_change_password: true });
    expectError(await target.client.call('GET', '/api/v1/users', { token: admin.accessToken }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await target.client.call('GET', '/api/v1/auth/me', { token: admin.accessToken })).status).toBe(200);
    const weak = await target.client.call('POST', '/api/v1/auth/password', {
      token: admin.accessToken,
      body: { current_password: password, new_password: '1qaz2wsx3edc' },
    });
    expectError(weak, 400, 'VALIDATION_FAILED');
    expect(errorFields(weak)).toEqual(['new_password']);
    const same = await target.client.call('POST', '/api/v1/auth/password', {
      token: admin.accessToken,
      body: { current_password: password, new_password: password },
    });
    expectError(same, 400);
    const next = strongPassword();
    expect(
      (
        await target.client.call('POST', '/api/v1/auth/password', {
          token: admin.accessToken,
          body: { current_password: password, new_password: next },
        })
      ).status,
    ).toBe(204);
    admin = { ...admin, password: next };
    // The old one-time password is dead.
    expectError(await loginRequest(target.client, 'admin', password, { from: nextSource() }), 401, 'UNAUTHENTICATED');
  });

  it('COOKIE_SECURE=true (as behind TLS in production): the refresh cookie is Secure and HSTS is sent', async () => {
    const res = await target.client.call('GET', '/api/v1/health/live', { from: nextSource() });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    const again = await loginRequest(target.client, 'admin', admin.password, { from: nextSource() });
    expect(again.status).toBe(200);
    expect(again.cookies.dnb_refresh!.raw).toMatch(/;\s*Secure/i);
    expect(again.cookies.dnb_refresh!.raw).toMatch(/;\s*HttpOnly/i);
  });

  it('REQUIRE_ADMIN_MFA: an admin without two-factor gets 403 MFA_ENROLMENT_REQUIRED on admin routes until enrolled', async () => {
    for (const path of ['/api/v1/users', '/api/v1/api-keys', '/api/v1/audit']) {
      expectError(await target.client.call('GET', path, { token: admin.accessToken }), 403, 'MFA_ENROLMENT_REQUIRED');
    }
    expect((await target.client.call('GET', '/api/v1/auth/me', { token: admin.accessToken })).status).toBe(200);
    const setup = await target.client.call<{ secret: string }>('POST', '/api/v1/auth/mfa/setup', { token: admin.accessToken });
    expect(setup.status).toBe(200);
    const enable = await target.client.call('POST', '/api/v1/auth/mfa/enable', {
      token: admin.accessToken,
      body: { totp: await generate({ secret: setup.body.secret }) },
    });
    expect(enable.status).toBe(200);
    // The same token, at once.
    expect((await target.client.call('GET', '/api/v1/users', { token: admin.accessToken })).status).toBe(200);
    // And an admin may not turn it off again while it is required.
    const off = await target.client.call('POST', '/api/v1/auth/mfa/disable', {
      token: admin.accessToken,
      body: { password: admin.password, totp: await generate({ secret: setup.body.secret, epoch: Math.floor(Date.now() / 1000) + 30 }) },
    });
    expectError(off, 409, 'CONFLICT');
  });

  it('REQUIRE_ADMIN_MFA does not apply to other roles', async () => {
    const operator = await activateUser(target.client, await createUser(target.client, admin.accessToken, { role: 'operator' }), {
      from: nextSource(),
    });
    expect((await target.client.call('GET', '/api/v1/auth/sessions', { token: operator.accessToken })).status).toBe(200);
  });

  it('BOT_KEY_GRANTS_ADMIN=true accepts the bot admin key as X-API-Key with admin rights, audited as the bot key', async () => {
    const id = `botkey-${randomUUID()}`;
    const res = await target.client.call<UserBody[]>('GET', '/api/v1/users', {
      apiKey: target.botAdminKey,
      headers: { 'x-correlation-id': id },
    });
    expect(res.status).toBe(200);
    const created = await target.client.call('POST', '/api/v1/users', {
      apiKey: target.botAdminKey,
      body: { username: uniqueName('by-bot-key'), password: strongPassword(), role: 'viewer' },
    });
    expect(created.status).toBe(201);
    const entries = await auditEntries(target.client, admin.accessToken, 'action=user.create');
    expect(entries[0]).toMatchObject({ actor_kind: 'bot_key', actor_role: 'admin' });
    // It is a key, not a person: no sessions, no step-up.
    expectError(
      await target.client.call('POST', '/api/v1/auth/step-up', { apiKey: target.botAdminKey, body: { password: 'x' } }),
      403,
      'PERMISSION_DENIED',
    );
    // Only the exact key.
    expectError(await target.client.call('GET', '/api/v1/users', { apiKey: `${target.botAdminKey}x` }), 401, 'UNAUTHENTICATED');
  });

  it('does not create or print anything again on the next boot', async () => {
    const before = await target.client.call<UserBody[]>('GET', '/api/v1/users', { apiKey: target.botAdminKey });
    await target.restart();
    const output = target.api.process.output();
    expect(output).not.toContain('Admin password:');
    expect(output).not.toContain('FIRST BOOT');
    const after = await target.client.call<UserBody[]>('GET', '/api/v1/users', { apiKey: target.botAdminKey });
    expect(after.body.map((u) => u.id).sort()).toEqual(before.body.map((u) => u.id).sort());
    expect(after.body.filter((u) => u.role === 'admin')).toHaveLength(1);
  });
});

describe('ADMIN_PASSWORD at first boot', () => {
  it('refuses to start with a password the policy refuses, and names the variable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dnb-weak-admin-'));
    try {
      const proc = spawnProcess({
        name: 'api-weak-admin',
        command: process.execPath,
        args: [API_ENTRY],
        cwd: REPO_ROOT,
        env: {
          APP_ENV: 'test',
          HOST: '127.0.0.1',
          PORT: '0',
          DATA_DIR: dataDir,
          BOT_API_URL: 'http://127.0.0.1:9',
          BOT_ADMIN_KEY: 'unused-bot-key',
          ADMIN_PASSWORD: 'qwerty123456',
        },
      });
      const code = await new Promise<number | null>((resolve) => proc.child.on('exit', resolve));
      expect(code).toBe(1);
      expect(proc.output()).toContain('ADMIN_PASSWORD');
      expect(proc.output()).not.toContain('qwerty123456');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
