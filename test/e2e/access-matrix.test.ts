import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { can, type Permission, type Role } from '@dnb/contracts';
import {
  accessClaimsFor,
  activateUser,
  createApiKey,
  createUser,
  errorShapeProblems,
  leakedSecrets,
  login,
  nextIp,
  randomUUID,
  signToken,
  sleep,
  strongPassword,
  uniqueName,
  unsignedToken,
  type AccessApi,
  type Answer,
  type CallOptions,
  type DatabaseKind,
  type ErrorBody,
  type Session,
  startAccessApi,
} from '../support/auth';

/**
 * The access matrix: every operation the running API publishes in its OpenAPI document, called
 * with every kind of credential, must answer exactly what its `x-access` declaration promises.
 * New routes join automatically; a route without `x-access` fails the suite.
 */

type XAccess = { public: true } | { authenticated: true } | { permissions: Permission[] };

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: { type?: string; format?: string; enum?: unknown[]; example?: unknown; default?: unknown };
}

interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/v1/users/{id} */
  path: string;
  key: string;
  access: XAccess | undefined;
  usersOnly: boolean;
  parameters: OpenApiParameter[];
}

interface Credential {
  name: string;
  /** Headers that carry the credential. */
  auth(): Pick<CallOptions, 'token' | 'apiKey'>;
  valid: boolean;
  kind?: 'user' | 'api_key';
  role?: Role;
  /** The user's current password (step-up and MFA routes want it). */
  password?: string;
  /** Created by an admin and not yet changed: only @Authenticated routes are open. */
  mustChangePassword?: boolean;
  /** This credential's own client address (the API trusts X-Forwarded-For from 127.0.0.1). */
  ip: string;
}

type Expected = { kind: 'public' } | { kind: 'unauthenticated' } | { kind: 'forbidden'; code: string } | { kind: 'allowed' };

/**
 * What a probe proves when the guard lets the caller through:
 * - success: a real 2xx (every GET, and the writes where a valid request is cheap);
 * - reached: a harmless request whose answer is neither 401 nor 403 nor 5xx (400 validation,
 *   404 unknown id, 409 state): validation and handlers run after the guards, so getting there
 *   proves the guards allowed it. 503 BOT_UNAVAILABLE also counts as reached (no bot runs here).
 */
interface Probe {
  path: string;
  body?: unknown;
  cookie?: string;
  proves: 'success' | 'reached';
  after?: (res: Answer) => void;
}

interface ProbeContext {
  cred: Credential;
  allowed: boolean;
  env: MatrixEnv;
}

interface MatrixEnv {
  target: AccessApi;
  /** A live admin session used to prepare things (never logged out, never part of a matrix row). */
  setup: Session;
  /** The newest refresh token of a dedicated session, rotated by each refresh probe. */
  refreshChain: { token: string };
  patchTargetId: string;
}

const CREDENTIALS = [
  'no credential',
  'malformed bearer token',
  'malformed API key',
  'expired JWT',
  'JWT with a bad signature',
  'JWT with alg=none',
  'JWT for another audience',
  'refresh token used as a bearer token',
  'JWT of type refresh (valid signature)',
  'revoked API key',
  'expired API key',
  'token of a disabled user',
  'viewer who must still change the password',
  'viewer',
  'operator',
  'admin',
  'viewer API key',
  'operator API key',
  'admin API key',
] as const;
type CredentialName = (typeof CREDENTIALS)[number];

function expectedFor(op: Operation, cred: Credential): Expected {
  if (!op.access) throw new Error(`${op.key} has no x-access`);
  if ('public' in op.access) return { kind: 'public' };
  if (!cred.valid) return { kind: 'unauthenticated' };
  if (op.usersOnly && cred.kind !== 'user') return { kind: 'forbidden', code: 'PERMISSION_DENIED' };
  if ('permissions' in op.access) {
    if (cred.mustChangePassword) return { kind: 'forbidden', code: 'PASSWORD_CHANGE_REQUIRED' };
    if (!op.access.permissions.every((p) => can(cred.role!, p))) return { kind: 'forbidden', code: 'PERMISSION_DENIED' };
  }
  return { kind: 'allowed' };
}

function fillPath(path: string, id: string = randomUUID()): string {
  return path.replace(/\{[^}]+\}/g, id);
}

// Requests for the operations we know; anything else gets the generic probe below.
const PROBES: Record<string, (ctx: ProbeContext) => Probe | Promise<Probe>> = {
  // Public: an empty body fails validation (400), which runs after the guards; no login attempt is counted.
  'POST /api/v1/auth/login': () => ({ path: '/api/v1/auth/login', body: {}, proves: 'reached' }),
  // Public: a real rotation of a live session's refresh cookie, whatever else the caller sends.
  'POST /api/v1/auth/refresh': ({ env }) => ({
    path: '/api/v1/auth/refresh',
    cookie: `dnb_refresh=${env.refreshChain.token}`,
    proves: 'success',
    after: (res) => {
      const next = res.cookies.dnb_refresh?.value;
      if (res.status === 200 && next) env.refreshChain.token = next;
    },
  }),
  // A wrong current password: 400 naming current_password (changing it for real would end the user's other sessions).
  'POST /api/v1/auth/password': () => ({
    path: '/api/v1/auth/password',
    body: { current_password: 'not the current password', new_password: strongPassword() },
    proves: 'reached',
  }),
  'POST /api/v1/auth/step-up': ({ cred }) => ({
    path: '/api/v1/auth/step-up',
    body: { password: cred.password ?? 'no password' },
    proves: 'success',
  }),
  // Somebody else's (unknown) session: 404.
  'DELETE /api/v1/auth/sessions/{id}': () => ({ path: fillPath('/api/v1/auth/sessions/{id}'), proves: 'reached' }),
  // A new, inactive seed: harmless for a user without two-factor.
  'POST /api/v1/auth/mfa/setup': () => ({ path: '/api/v1/auth/mfa/setup', proves: 'success' }),
  // Not a code: 400 (or 409 before setup).
  'POST /api/v1/auth/mfa/enable': () => ({ path: '/api/v1/auth/mfa/enable', body: { totp: 'abcdef' }, proves: 'reached' }),
  // Turning two-factor off for a user who has it off: a real 204.
  'POST /api/v1/auth/mfa/disable': ({ cred }) => ({
    path: '/api/v1/auth/mfa/disable',
    body: { password: cred.password ?? 'no password' },
    proves: 'success',
  }),
  // Two-factor is off: 409.
  'POST /api/v1/auth/mfa/recovery-codes': ({ cred }) => ({
    path: '/api/v1/auth/mfa/recovery-codes',
    body: { password: cred.password ?? 'no password' },
    proves: 'reached',
  }),
  'POST /api/v1/users': () => ({
    path: '/api/v1/users',
    body: { username: uniqueName('matrix-new'), password: strongPassword(), role: 'viewer' },
    proves: 'success',
  }),
  'PATCH /api/v1/users/{id}': ({ env }) => ({
    path: fillPath('/api/v1/users/{id}', env.patchTargetId),
    body: { role: 'viewer' },
    proves: 'success',
  }),
  'DELETE /api/v1/users/{id}': async ({ allowed, env }) => {
    const id = allowed ? (await createUser(env.target.client, env.setup.accessToken, { role: 'viewer' })).id : randomUUID();
    return { path: fillPath('/api/v1/users/{id}', id), proves: 'success' };
  },
  'POST /api/v1/api-keys': () => ({
    path: '/api/v1/api-keys',
    body: { name: uniqueName('matrix-key'), role: 'viewer' },
    proves: 'success',
  }),
  'DELETE /api/v1/api-keys/{id}': async ({ allowed, env }) => {
    const id = allowed ? (await createApiKey(env.target.client, env.setup.accessToken, { role: 'viewer' })).id : randomUUID();
    return { path: fillPath('/api/v1/api-keys/{id}', id), proves: 'success' };
  },
};

/** A value the parameter's published schema accepts: the first enum value, an example, or a plausible id. */
function sampleValue(parameter: OpenApiParameter): string {
  const schema = parameter.schema ?? {};
  const given = schema.enum?.[0] ?? parameter.example ?? schema.example ?? schema.default;
  if (given !== undefined) return String(given);
  if (schema.type === 'number' || schema.type === 'integer') return '2147483000'; // an id that does not exist
  if (schema.type === 'boolean') return 'false';
  return randomUUID();
}

/**
 * Any operation without a PROBES entry: path and required query parameters filled from the
 * operation's OpenAPI parameters. A read without path parameters must answer 2xx; anything else
 * (an unknown id, an empty write body) proves only that the guards let it through.
 */
function genericProbe(op: Operation): Probe {
  let path = op.path;
  const query = new URLSearchParams();
  for (const parameter of op.parameters) {
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(sampleValue(parameter)));
    else if (parameter.in === 'query' && parameter.required) query.set(parameter.name, sampleValue(parameter));
  }
  path = `${fillPath(path)}${query.size ? `?${query}` : ''}`;
  if (op.method === 'GET' && !op.path.includes('{')) return { path, proves: 'success' };
  return { path, body: op.method === 'GET' || op.method === 'DELETE' ? undefined : {}, proves: 'reached' };
}

/** What went wrong with one call, or undefined when the answer is what the declaration promises. */
function verdict(expected: Expected, probe: Probe, res: Answer): string | undefined {
  const problems: string[] = [];
  // These APIs run without a bot: a handler that needs it answers 503 BOT_UNAVAILABLE. That answer
  // comes from the handler, after the guards let the caller through, so for access it counts as
  // "reached" (never as 2xx, and never in place of an expected 401/403).
  const botUnavailable = res.status === 503 && (res.body as ErrorBody | undefined)?.code === 'BOT_UNAVAILABLE';
  // Likewise a handler that says this deployment does not do it (501 NOT_SUPPORTED: backups on PostgreSQL).
  const notSupported = res.status === 501 && (res.body as ErrorBody | undefined)?.code === 'NOT_SUPPORTED';
  if (res.status >= 500 && !botUnavailable && !notSupported) problems.push('server error');
  switch (expected.kind) {
    case 'public':
    case 'allowed':
      if (res.status === 401 || res.status === 403) problems.push('refused with 401/403');
      else if (probe.proves === 'success' && !botUnavailable && (res.status < 200 || res.status > 299)) problems.push('not 2xx');
      break;
    case 'unauthenticated':
      if (res.status !== 401) problems.push('expected 401');
      else if ((res.body as ErrorBody | undefined)?.code !== 'UNAUTHENTICATED') problems.push('expected code UNAUTHENTICATED');
      if (res.status === 401 && !String(res.headers['www-authenticate'] ?? '').startsWith('Bearer')) problems.push('no WWW-Authenticate');
      break;
    case 'forbidden':
      if (res.status !== 403) problems.push('expected 403');
      else if ((res.body as ErrorBody | undefined)?.code !== expected.code) problems.push(`expected code ${expected.code}`);
      break;
  }
  if (res.status >= 400) problems.push(...errorShapeProblems(res));
  if (!problems.length) return undefined;
  return `${problems.join('; ')} -> ${res.status} ${res.text.slice(0, 160)}`;
}

const databases: DatabaseKind[] = ['sqlite', 'postgres'];

describe.each(databases)('access matrix on %s', (database) => {
  let target: AccessApi;
  let operations: Operation[] = [];
  let env: MatrixEnv;
  const credentials = new Map<CredentialName, Credential>();
  /** Every secret this suite handled: none may reach the audit log or the process output. */
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    target = await startAccessApi({
      database,
      postgresUrl: inject('databaseUrl'),
      // Believe X-Forwarded-For from the test client, so each credential is its own client IP
      // and the many logins of the setup do not trip the per-IP login brake.
      env: { TRUSTED_PROXIES: '127.0.0.1', LOG_LEVEL: 'debug' },
    });
    const { client } = target;
    secrets['admin password'] = target.adminPassword!;
    secrets['JWT secret'] = target.jwtSecret;
    secrets['bot admin key'] = target.botAdminKey;

    const doc = await client.call<{ paths: Record<string, Record<string, Record<string, unknown>>> }>('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    operations = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          key: `${method.toUpperCase()} ${path}`,
          access: op['x-access'] as XAccess | undefined,
          usersOnly: op['x-users-only'] === true,
          parameters: (op.parameters as OpenApiParameter[] | undefined) ?? [],
        })),
    );
    // Logout ends the session of the token used: always last in a row.
    operations.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));

    const setup = await login(client, target.adminUsername, target.adminPassword!, { xff: nextIp() });
    env = { target, setup, refreshChain: { token: setup.refreshToken }, patchTargetId: '' };
    const adminToken = setup.accessToken;

    const expiresAt = Date.now() + 1500;
    const expiringKey = await createApiKey(client, adminToken, { role: 'admin', expires_at: new Date(expiresAt).toISOString() });
    expect((await client.call('GET', '/api/v1/users', { apiKey: expiringKey.key })).status).toBe(200);
    const revokedKey = await createApiKey(client, adminToken, { role: 'admin' });
    expect((await client.call('GET', '/api/v1/users', { apiKey: revokedKey.key })).status).toBe(200);
    expect((await client.call('DELETE', `/api/v1/api-keys/${revokedKey.id}`, { token: adminToken })).status).toBe(200);

    const viewer = await activateUser(client, await createUser(client, adminToken, { role: 'viewer' }), { xff: nextIp() });
    const operator = await activateUser(client, await createUser(client, adminToken, { role: 'operator' }), { xff: nextIp() });
    const admin = await login(client, target.adminUsername, target.adminPassword!, { xff: nextIp() });
    const fresh = await createUser(client, adminToken, { role: 'viewer' });
    const freshSession = await login(client, fresh.username, fresh.password, { xff: nextIp() });
    expect(freshSession.user.must_change_password).toBe(true);
    // An admin-role user: refused only because it is disabled.
    const disabled = await activateUser(client, await createUser(client, adminToken, { role: 'admin' }), { xff: nextIp() });
    expect((await client.call('GET', '/api/v1/users', { token: disabled.accessToken })).status).toBe(200);
    expect(
      (await client.call('PATCH', `/api/v1/users/${disabled.user.id}`, { token: adminToken, body: { is_active: false } })).status,
    ).toBe(200);
    env.patchTargetId = (await createUser(client, adminToken, { role: 'viewer' })).id;

    const keys = {
      viewer: await createApiKey(client, adminToken, { role: 'viewer' }),
      operator: await createApiKey(client, adminToken, { role: 'operator' }),
      admin: await createApiKey(client, adminToken, { role: 'admin' }),
    };

    // Forged tokens use the live setup session's user and session id: only the flaw under test is wrong.
    const now = Math.floor(Date.now() / 1000);
    const forged = {
      expired: signToken(accessClaimsFor(setup, { iat: now - 3600, exp: now - 60 }), target.jwtSecret),
      badSignature: signToken(accessClaimsFor(setup), `another-secret-${'x'.repeat(40)}`),
      none: unsignedToken(accessClaimsFor(setup)),
      audience: signToken(accessClaimsFor(setup, { aud: 'some-other-service' }), target.jwtSecret),
      refreshTyped: signToken(accessClaimsFor(setup, { typ: 'refresh' }), target.jwtSecret),
    };

    const add = (name: CredentialName, cred: Omit<Credential, 'name' | 'ip'>) => credentials.set(name, { name, ip: nextIp(), ...cred });
    add('no credential', { auth: () => ({}), valid: false });
    add('malformed bearer token', { auth: () => ({ token: 'not-a-jwt' }), valid: false });
    add('malformed API key', { auth: () => ({ apiKey: 'dnb_not_a_key' }), valid: false });
    add('expired JWT', { auth: () => ({ token: forged.expired }), valid: false });
    add('JWT with a bad signature', { auth: () => ({ token: forged.badSignature }), valid: false });
    add('JWT with alg=none', { auth: () => ({ token: forged.none }), valid: false });
    add('JWT for another audience', { auth: () => ({ token: forged.audience }), valid: false });
    add('refresh token used as a bearer token', { auth: () => ({ token: admin.refreshToken }), valid: false });
    add('JWT of type refresh (valid signature)', { auth: () => ({ token: forged.refreshTyped }), valid: false });
    add('revoked API key', { auth: () => ({ apiKey: revokedKey.key }), valid: false });
    add('expired API key', { auth: () => ({ apiKey: expiringKey.key }), valid: false });
    add('token of a disabled user', { auth: () => ({ token: disabled.accessToken }), valid: false });
    const user = (session: Session, role: Role, extra: Partial<Credential> = {}) =>
      ({ auth: () => ({ token: session.accessToken }), valid: true, kind: 'user', role, password: session.password, ...extra }) as const;
    add('viewer who must still change the password', user(freshSession, 'viewer', { mustChangePassword: true }));
    add('viewer', user(viewer, 'viewer'));
    add('operator', user(operator, 'operator'));
    add('admin', user(admin, 'admin'));
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      add(`${role} API key`, { auth: () => ({ apiKey: keys[role].key }), valid: true, kind: 'api_key', role });
    }

    for (const s of [setup, viewer, operator, admin, freshSession, disabled]) {
      secrets[`password of ${s.username}`] = s.password;
      secrets[`access token of ${s.username}`] = s.accessToken;
      secrets[`refresh token of ${s.username}`] = s.refreshToken;
    }
    secrets['first password of the fresh viewer'] = fresh.password;
    for (const [name, key] of Object.entries({ ...keys, expiring: expiringKey, revoked: revokedKey })) {
      secrets[`API key ${name}`] = key.key;
      secrets[`secret part of API key ${name}`] = key.key.slice('dnb_'.length + 13);
    }
    for (const [name, token] of Object.entries(forged)) secrets[`forged token ${name}`] = token;

    // Let the expiring key expire.
    await sleep(Math.max(0, expiresAt - Date.now() + 100));
  });

  afterAll(async () => {
    await target?.stop();
  });

  it('publishes an x-access declaration for every operation', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(operations.map((o) => o.key)).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/users', 'GET /api/v1/audit']),
    );
    const undeclared = operations.filter((o) => !o.access).map((o) => o.key);
    expect(undeclared).toEqual([]);
    for (const op of operations) {
      const declared = Object.keys(op.access!);
      expect(declared.length, op.key).toBe(1);
      expect(['public', 'authenticated', 'permissions'], op.key).toContain(declared[0]);
    }
  });

  it('declares few routes public (changing this list is a deliberate decision) and administration admin-only', () => {
    const publicOps = operations.filter((o) => o.access && 'public' in o.access).map((o) => o.key);
    expect(publicOps.sort()).toEqual(
      [
        'GET /api/v1/health',
        'GET /api/v1/health/live',
        'GET /api/v1/health/ready',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/refresh',
      ].sort(),
    );
    const administration = operations.filter((o) => /^\/api\/v1\/(users|api-keys|audit)(\/|$)/.test(o.path));
    expect(administration.length).toBeGreaterThanOrEqual(9);
    for (const op of administration) {
      const permissions = op.access && 'permissions' in op.access ? op.access.permissions : [];
      expect(permissions.length, op.key).toBeGreaterThan(0);
      for (const role of ['viewer', 'operator'] as const)
        expect(
          permissions.every((p) => can(role, p)),
          `${op.key} for ${role}`,
        ).toBe(false);
    }
  });

  it('accepts a token the test signs with the right secret, so the forged ones below differ only in their flaw', async () => {
    const token = signToken(accessClaimsFor(env.setup), target.jwtSecret);
    const res = await target.client.call<{ username: string }>('GET', '/api/v1/auth/me', { token, xff: nextIp() });
    expect(res.status).toBe(200);
    expect(res.body.username).toBe(target.adminUsername);
  });

  it.each(CREDENTIALS)('every operation answers as declared for: %s', async (name) => {
    const cred = credentials.get(name)!;
    const mismatches: string[] = [];
    const seen: string[] = [];
    for (const op of operations) {
      const expected = expectedFor(op, cred);
      const allowed = expected.kind === 'allowed';
      const probe = PROBES[op.key] ? await PROBES[op.key]({ cred, allowed, env }) : genericProbe(op);
      const res = await target.client.call(op.method, probe.path, { ...cred.auth(), body: probe.body, cookie: probe.cookie, xff: cred.ip });
      probe.after?.(res);
      seen.push(`${op.key} -> ${res.status}`);
      const problem = verdict(expected, probe, res);
      if (problem) mismatches.push(`${op.key} [expected ${expected.kind}${'code' in expected ? ` ${expected.code}` : ''}]: ${problem}`);
    }
    expect(mismatches, seen.join('\n')).toEqual([]);
  });

  it('records the refusals and never writes a password, token or key to the audit log or the process output', async () => {
    const rows = await target.sql().query<Record<string, unknown>>('SELECT * FROM audit_log ORDER BY id');
    const actions = new Set(rows.map((r) => `${String(r.action)}:${String(r.outcome)}`));
    expect([...actions]).toEqual(
      expect.arrayContaining(['auth.denied:denied', 'auth.forbidden:denied', 'auth.login:success', 'user.create:success']),
    );
    expect(leakedSecrets(JSON.stringify(rows), secrets)).toEqual([]);
    // Every table the API writes, not only the audit log, keeps hashes rather than secrets.
    for (const table of ['users', 'sessions', 'refresh_tokens', 'api_keys', 'user_recovery_codes']) {
      const all = await target.sql().query(`SELECT * FROM ${table}`);
      expect(leakedSecrets(JSON.stringify(all), secrets), table).toEqual([]);
    }
    expect(leakedSecrets(target.output(), secrets)).toEqual([]);
  });
});
