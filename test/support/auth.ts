import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import jwt from 'jsonwebtoken';
import { expect } from 'vitest';
import type { Role } from '@dnb/contracts';
import { startApi, type RunningApi } from './api';
import { freePort } from './ports';

// ---------------------------------------------------------------------------------------------
// HTTP: node:http rather than fetch, so a test can pick the client's source address on loopback
// (127.0.0.x: a real second client IP, no header involved) and send any Origin header.
// ---------------------------------------------------------------------------------------------

export interface CallOptions {
  /** Authorization: Bearer <token>. */
  token?: string;
  /** X-API-Key. */
  apiKey?: string;
  /** Sent as JSON (content-type application/json). */
  body?: unknown;
  /** Sent as is, with contentType. */
  raw?: string | Buffer;
  contentType?: string;
  /** Cookie header value, e.g. "dnb_refresh=…". */
  cookie?: string;
  /** X-Forwarded-For (only believed when the API trusts 127.0.0.1 as a proxy). */
  xff?: string;
  /** Source address of the TCP connection, e.g. 127.0.0.2. */
  from?: string;
  headers?: Record<string, string>;
}

export interface Answer<T = unknown> {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Parsed JSON when the answer is JSON, else undefined. */
  body: T;
  correlationId: string | undefined;
  /** Set-Cookie headers by cookie name (value and raw header). */
  cookies: Record<string, { value: string; raw: string }>;
  /** How long the answer took, measured by the client (ms). */
  ms: number;
}

/** The JSON error every failure answers with. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Array<{ field: string; messages: string[] }>;
  correlationId: string;
  [extra: string]: unknown;
}

export interface UserBody {
  id: string;
  username: string;
  role: Role;
  is_active: boolean;
  mfa_enabled: boolean;
  must_change_password: boolean;
  created_at: string;
  last_login_at: string | null;
}

export interface TokenBody {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  user: UserBody;
}

export interface ApiKeyBody {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  owner_id: string;
  ip_allowlist: string[] | null;
  expires_at: string | null;
  revoked_at: string | null;
  key?: string;
}

export interface AuditEntry {
  id: number;
  occurred_at: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  ip: string | null;
  user_agent: string | null;
  correlation_id: string | null;
  action: string;
  target: string | null;
  outcome: string;
  status_code: number | null;
  detail: unknown;
  before: unknown;
  after: unknown;
  hash: string;
}

export class Client {
  constructor(readonly baseUrl: string) {}

  call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string> = { 'user-agent': 'access-e2e', ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    if (options.apiKey !== undefined) headers['x-api-key'] = options.apiKey;
    if (options.cookie !== undefined) headers.cookie = options.cookie;
    if (options.xff !== undefined) headers['x-forwarded-for'] = options.xff;
    let payload: Buffer | undefined;
    if (options.raw !== undefined) {
      payload = Buffer.from(options.raw);
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    } else if (options.body !== undefined) {
      payload = Buffer.from(JSON.stringify(options.body));
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    if (payload) headers['content-length'] = String(payload.length);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          method,
          headers,
          localAddress: options.from,
          agent: false,
          timeout: 15_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown;
            if (String(res.headers['content-type'] ?? '').includes('json') && text !== '') {
              try {
                body = JSON.parse(text);
              } catch {
                body = undefined;
              }
            }
            const cookies: Answer['cookies'] = {};
            for (const raw of res.headers['set-cookie'] ?? []) {
              const [pair] = raw.split(';');
              const eq = pair!.indexOf('=');
              cookies[pair!.slice(0, eq).trim()] = { value: pair!.slice(eq + 1).trim(), raw };
            }
            const correlationId = res.headers['x-correlation-id'];
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              body: body as T,
              correlationId: typeof correlationId === 'string' ? correlationId : undefined,
              cookies,
              ms,
            });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }
}

/** A distinct client address per call site (for APIs that trust X-Forwarded-For from 127.0.0.1). */
let ipCounter = 0;
export function nextIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A password the policy accepts (long, not common, random). */
export function strongPassword(): string {
  return `e2e pass ${randomBytes(9).toString('base64url')}`;
}

// ---------------------------------------------------------------------------------------------
// The API under test, on SQLite or on a fresh PostgreSQL database
// ---------------------------------------------------------------------------------------------

export type DatabaseKind = 'sqlite' | 'postgres';

export interface SqlHandle {
  /** Runs SQL with `?` placeholders (rewritten to $n for PostgreSQL). */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export interface AccessApi {
  database: DatabaseKind;
  /** The current process (replaced by restart()). */
  readonly api: RunningApi;
  url: string;
  client: Client;
  jwtSecret: string;
  botAdminKey: string;
  adminUsername: string;
  /** Undefined when the API was started without ADMIN_PASSWORD (first boot prints one). */
  adminPassword: string | undefined;
  /** Direct access to the API's database, as an attacker with disk access would have. */
  sql(): SqlHandle;
  /** Everything the current process printed. */
  output(): string;
  /** Stops and starts the API again on the same port, data dir and database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface AccessApiOptions {
  database: DatabaseKind;
  /** Base PostgreSQL URL (inject('databaseUrl')); a new database is created on that server. */
  postgresUrl?: string;
  /** false: start without ADMIN_PASSWORD (first boot then prints a random one). */
  adminPassword?: string | false;
  env?: NodeJS.ProcessEnv;
}

interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  end(): Promise<void>;
}
// pg ships no types and @types/pg is not installed: load it untyped, with the little we use.
const pg = createRequire(__filename)('pg') as { Client: new (options: { connectionString: string }) => PgClient };

export async function withPg<T>(url: string, fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the suite's PostgreSQL server: every API starts from nothing. */
export async function createPostgresDatabase(baseUrl: string, prefix = 'access'): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withPg(baseUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts the real built API with a known JWT secret and admin password, no reachable bot. */
export async function startAccessApi(options: AccessApiOptions): Promise<AccessApi> {
  const jwtSecret = `e2e-jwt-${randomBytes(24).toString('hex')}`;
  const botAdminKey = `bot-${randomBytes(20).toString('hex')}`;
  const adminPassword = options.adminPassword === false ? undefined : (options.adminPassword ?? strongPassword());
  let databaseUrl: string | undefined;
  if (options.database === 'postgres') {
    if (!options.postgresUrl) throw new Error('postgresUrl is required for PostgreSQL');
    databaseUrl = await createPostgresDatabase(options.postgresUrl);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'dnb-access-'));
  let api = await startApi({
    dataDir,
    // Nothing listens there: the access layer needs no bot, and health just says degraded.
    botApiUrl: `http://127.0.0.1:${await freePort()}`,
    botAdminKey,
    databaseUrl,
    env: {
      JWT_SECRET: jwtSecret,
      ...(adminPassword !== undefined ? { ADMIN_PASSWORD: adminPassword } : {}),
      ...options.env,
    },
  });
  let handle: SqlHandle | undefined;
  const sql = (): SqlHandle => {
    if (handle) return handle;
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      const connected = client.connect();
      handle = {
        async query<R>(text: string, params: unknown[] = []) {
          await connected;
          let n = 0;
          return (
            await client.query(
              text.replace(/\?/g, () => `$${++n}`),
              params,
            )
          ).rows as R[];
        },
        close: () => client.end(),
      };
    } else {
      const db = new Database(join(api.dataDir, 'control-center.db'));
      db.pragma('busy_timeout = 5000');
      handle = {
        query<R>(text: string, params: unknown[] = []) {
          const statement = db.prepare(text);
          return Promise.resolve((statement.reader ? statement.all(...params) : (statement.run(...params), [])) as R[]);
        },
        close: () => Promise.resolve(void db.close()),
      };
    }
    return handle;
  };
  return {
    database: options.database,
    get api() {
      return api;
    },
    url: api.url,
    client: new Client(api.url),
    jwtSecret,
    botAdminKey,
    adminUsername: (options.env?.ADMIN_USERNAME as string | undefined) ?? 'admin',
    adminPassword,
    sql,
    output: () => api.process.output(),
    async restart() {
      api = await api.restart();
    },
    async stop() {
      await handle?.close().catch(() => undefined);
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Sessions, users and keys through the public API
// ---------------------------------------------------------------------------------------------

export const REFRESH_COOKIE = 'dnb_refresh';

export interface Session {
  username: string;
  password: string;
  accessToken: string;
  /** The raw refresh token (the cookie's value). */
  refreshToken: string;
  user: UserBody;
  claims: AccessClaims;
}

export interface AccessClaims {
  sub: string;
  username: string;
  role: Role;
  permissions: string[];
  sid: string;
  auth_time: number;
  typ: string;
  iat: number;
  exp: number;
  iss: string;
  aud: string;
}

export function decodeClaims(token: string): AccessClaims {
  return jwt.decode(token) as AccessClaims;
}

export interface LoginOptions {
  totp?: string;
  xff?: string;
  from?: string;
  headers?: Record<string, string>;
}

export function loginRequest(
  client: Client,
  username: string,
  password: string,
  options: LoginOptions = {},
): Promise<Answer<TokenBody & ErrorBody>> {
  return client.call<TokenBody & ErrorBody>('POST', '/api/v1/auth/login', {
    body: { username, password, ...(options.totp ? { totp: options.totp } : {}) },
    xff: options.xff,
    from: options.from,
    headers: options.headers,
  });
}

/** Signs in; fails the test with the answer when that does not work. */
export async function login(client: Client, username: string, password: string, options: LoginOptions = {}): Promise<Session> {
  const res = await loginRequest(client, username, password, options);
  if (res.status !== 200) throw new Error(`login ${username} answered ${res.status}: ${res.text}`);
  const refresh = res.cookies[REFRESH_COOKIE];
  if (!refresh) throw new Error(`login ${username} set no ${REFRESH_COOKIE} cookie`);
  return {
    username,
    password,
    accessToken: res.body.access_token,
    refreshToken: refresh.value,
    user: res.body.user,
    claims: decodeClaims(res.body.access_token),
  };
}

export function refreshRequest(client: Client, refreshToken: string, options: CallOptions = {}): Promise<Answer<TokenBody & ErrorBody>> {
  return client.call<TokenBody & ErrorBody>('POST', '/api/v1/auth/refresh', { ...options, cookie: `${REFRESH_COOKIE}=${refreshToken}` });
}

export async function createUser(
  client: Client,
  adminToken: string,
  input: { role: Role; username?: string; password?: string },
): Promise<{ id: string; username: string; password: string; role: Role }> {
  const username = input.username ?? uniqueName(input.role);
  const password = input.password ?? strongPassword();
  const res = await client.call<UserBody>('POST', '/api/v1/users', { token: adminToken, body: { username, password, role: input.role } });
  if (res.status !== 201) throw new Error(`create user ${username} answered ${res.status}: ${res.text}`);
  return { id: res.body.id, username, password, role: input.role };
}

/** Signs a user in for the first time and does the forced password change; the session stays valid. */
export async function activateUser(
  client: Client,
  user: { username: string; password: string },
  options: LoginOptions = {},
): Promise<Session> {
  const first = await login(client, user.username, user.password, options);
  const password = strongPassword();
  const res = await client.call('POST', '/api/v1/auth/password', {
    token: first.accessToken,
    body: { current_password: user.password, new_password: password },
    xff: options.xff,
    from: options.from,
  });
  if (res.status !== 204) throw new Error(`password change for ${user.username} answered ${res.status}: ${res.text}`);
  return { ...first, password, user: { ...first.user, must_change_password: false } };
}

export async function createApiKey(
  client: Client,
  token: string,
  input: { role: Role; name?: string; expires_at?: string; ip_allowlist?: string[] },
): Promise<{ id: string; key: string; name: string; role: Role }> {
  const name = input.name ?? uniqueName(`key-${input.role}`);
  const res = await client.call<ApiKeyBody>('POST', '/api/v1/api-keys', { token, body: { ...input, name } });
  if (res.status !== 201 || !res.body.key) throw new Error(`create API key ${name} answered ${res.status}: ${res.text}`);
  return { id: res.body.id, key: res.body.key, name, role: input.role };
}

export async function auditEntries(client: Client, token: string, query = ''): Promise<AuditEntry[]> {
  const res = await client.call<{ entries: AuditEntry[] }>('GET', `/api/v1/audit?limit=1000${query ? `&${query}` : ''}`, { token });
  if (res.status !== 200) throw new Error(`GET /audit answered ${res.status}: ${res.text}`);
  return res.body.entries;
}

// ---------------------------------------------------------------------------------------------
// Forged access tokens: each differs from a valid one in exactly one way
// ---------------------------------------------------------------------------------------------

export const JWT_ISSUER = 'dnb-control-center';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The claims a real access token of this session would carry, valid for 10 minutes. */
export function accessClaimsFor(session: Session, overrides: Partial<AccessClaims> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: session.claims.sub,
    username: session.claims.username,
    role: session.claims.role,
    permissions: session.claims.permissions,
    sid: session.claims.sid,
    auth_time: session.claims.auth_time,
    typ: 'access',
    iat: now,
    exp: now + 600,
    iss: JWT_ISSUER,
    aud: JWT_ISSUER,
    ...overrides,
  };
}

export function signToken(claims: Record<string, unknown>, secret: string, algorithm: jwt.Algorithm = 'HS256'): string {
  return jwt.sign(claims, secret, { algorithm });
}

/** An unsigned token: header alg "none", empty signature. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

// ---------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------

/** Problems with an error answer's shape ({statusCode, code, message, errors?, correlationId}); [] when fine. */
export function errorShapeProblems(res: Answer): string[] {
  const problems: string[] = [];
  const body = res.body as Partial<ErrorBody> | undefined;
  if (!body || typeof body !== 'object')
    return [`not a JSON object (content-type ${String(res.headers['content-type'])}): ${res.text.slice(0, 200)}`];
  if (body.statusCode !== res.status) problems.push(`statusCode ${String(body.statusCode)} != HTTP ${res.status}`);
  if (typeof body.code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(body.code)) problems.push(`code ${String(body.code)}`);
  if (typeof body.message !== 'string' || body.message === '') problems.push('message missing');
  if (typeof body.correlationId !== 'string' || body.correlationId !== res.correlationId) {
    problems.push(`correlationId ${String(body.correlationId)} != x-correlation-id ${String(res.correlationId)}`);
  }
  if (body.errors !== undefined) {
    const ok =
      Array.isArray(body.errors) &&
      body.errors.every((e) => typeof e?.field === 'string' && Array.isArray(e.messages) && e.messages.every((m) => typeof m === 'string'));
    if (!ok) problems.push(`errors is not [{field, messages[]}]: ${JSON.stringify(body.errors)}`);
  }
  return problems;
}

/** Asserts an error answer: status, the JSON error shape, and optionally its code. */
export function expectError(res: Answer, status: number, code?: string): ErrorBody {
  expect({ status: res.status, text: res.text.slice(0, 500) }).toMatchObject({ status });
  expect(errorShapeProblems(res)).toEqual([]);
  const body = res.body as ErrorBody;
  if (code) expect(body.code).toBe(code);
  return body;
}

/** The field names an error answer blames. */
export function errorFields(res: Answer): string[] {
  return ((res.body as ErrorBody | undefined)?.errors ?? []).map((e) => e.field);
}

/** Which of the secrets occur in the text (each reported by a short, harmless label). */
export function leakedSecrets(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, secret]) => secret.length >= 8 && text.includes(secret))
    .map(([label]) => label);
}

/** Polls until fn returns true; returns the ms it took, or throws after the deadline. */
export async function within(ms: number, what: string, fn: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await fn()) return performance.now() - started;
    if (performance.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export { randomUUID };
