import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api';
import { activateUser, auditEntries, Client, createUser, login, startAccessApi, type AccessApi, type Session } from '../support/auth';
import { freePort } from '../support/ports';

interface Backup {
  name: string;
  created_at: string;
  trigger: string;
  created_by: string | null;
  size_bytes: number;
  sha256: string;
  integrity: string;
  tables: Record<string, number>;
}

/** Rows of a table in a SQLite file, in key order (what a restore must give back). */
function rows(path: string, sql: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('SQLite backups (real API, real SQLite file, restored by starting the API on the copy)', () => {
  const secretsKey = randomBytes(32).toString('hex');
  let target: AccessApi;
  let admin: Session;

  beforeAll(async () => {
    target = await startAccessApi({ database: 'sqlite', env: { SECRETS_ENCRYPTION_KEY: secretsKey, BACKUP_KEEP: '2' } });
    admin = await login(target.client, target.adminUsername, target.adminPassword!);
  });
  afterAll(async () => {
    await target?.stop();
  });

  const backupDir = () => join(target.api.dataDir, 'backups');

  it('makes an online backup for an admin while the API writes, checked and audited', async () => {
    // Writes in flight during the copy: users being created.
    const writes = Promise.all([1, 2, 3].map(() => createUser(target.client, admin.accessToken, { role: 'viewer' })));
    const res = await target.client.call<Backup>('POST', '/api/v1/backups', { token: admin.accessToken });
    await writes;
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ trigger: 'admin', created_by: target.adminUsername, integrity: 'ok' });
    expect(res.body.created_at).toMatch(/Z$/);
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(backupDir(), res.body.name))).toBe(true);
    expect(res.body.tables.users).toBeGreaterThanOrEqual(1);
    const audit = await auditEntries(target.client, admin.accessToken, 'action=backup.create');
    expect(audit[0]).toMatchObject({ action: 'backup.create', outcome: 'success', target: res.body.name });
  });

  it('lists the backups newest first and keeps only BACKUP_KEEP of them', async () => {
    for (let i = 0; i < 2; i++)
      expect((await target.client.call('POST', '/api/v1/backups', { token: admin.accessToken })).status).toBe(201);
    const res = await target.client.call<{ supported: boolean; keep: number; backups: Backup[] }>('GET', '/api/v1/backups', {
      token: admin.accessToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.supported).toBe(true);
    expect(res.body.backups).toHaveLength(2);
    expect(res.body.backups[0]!.created_at > res.body.backups[1]!.created_at).toBe(true);
    expect(readdirSync(backupDir()).filter((f) => f.endsWith('.db'))).toHaveLength(2);
  });

  it('refuses operators and viewers', async () => {
    for (const role of ['viewer', 'operator'] as const) {
      const user = await createUser(target.client, admin.accessToken, { role });
      const session = await activateUser(target.client, user);
      expect((await target.client.call('POST', '/api/v1/backups', { token: session.accessToken })).status).toBe(403);
      expect((await target.client.call('GET', '/api/v1/backups', { token: session.accessToken })).status).toBe(403);
    }
  });

  it('restores: an API started on the copy has the same users and audit log, and the chain verifies', async () => {
    const made = await target.client.call<Backup>('POST', '/api/v1/backups', { token: admin.accessToken });
    expect(made.status).toBe(201);
    const copy = join(backupDir(), made.body.name);
    const usersInCopy = rows(copy, 'SELECT id, username, role, password_hash FROM users ORDER BY id');
    const auditInCopy = rows(copy, 'SELECT id, action, hash FROM audit_log ORDER BY id');
    // What the live database held at the copy: every user, and the audit log up to the copy.
    const live = join(target.api.dataDir, 'control-center.db');
    expect(usersInCopy).toEqual(rows(live, 'SELECT id, username, role, password_hash FROM users ORDER BY id'));
    expect(auditInCopy).toEqual(rows(live, `SELECT id, action, hash FROM audit_log WHERE id <= ${auditInCopy.length} ORDER BY id`));

    // The restore procedure of the README: the copy becomes the database of a new data dir.
    const restoredDir = mkdtempSync(join(tmpdir(), 'dnb-restore-'));
    copyFileSync(copy, join(restoredDir, 'control-center.db'));
    let restored: RunningApi | undefined;
    try {
      restored = await startApi({
        dataDir: restoredDir,
        botApiUrl: `http://127.0.0.1:${await freePort()}`,
        botAdminKey: target.botAdminKey,
        env: { JWT_SECRET: target.jwtSecret, SECRETS_ENCRYPTION_KEY: secretsKey },
      });
      const client = new Client(restored.url);
      const session = await login(client, target.adminUsername, target.adminPassword!);
      const users = await client.call<Array<{ username: string }>>('GET', '/api/v1/users', { token: session.accessToken });
      expect(users.body.map((u) => u.username).sort()).toEqual((usersInCopy as Array<{ username: string }>).map((u) => u.username).sort());
      const verify = await client.call<{ valid: boolean }>('GET', '/api/v1/audit/verify', { token: session.accessToken });
      expect(verify.status).toBe(200);
      expect(verify.body.valid).toBe(true);
    } finally {
      await restored?.stop();
      rmSync(restoredDir, { recursive: true, force: true });
    }
  });
});

describe('backups on PostgreSQL', () => {
  let target: AccessApi;
  beforeAll(async () => {
    target = await startAccessApi({ database: 'postgres', postgresUrl: inject('databaseUrl') });
  });
  afterAll(async () => {
    await target?.stop();
  });

  it('answers 501 NOT_SUPPORTED: pg_dump backs PostgreSQL up', async () => {
    const admin = await login(target.client, target.adminUsername, target.adminPassword!);
    const res = await target.client.call<{ code: string; message: string }>('POST', '/api/v1/backups', { token: admin.accessToken });
    expect(res.status).toBe(501);
    expect(res.body.code).toBe('NOT_SUPPORTED');
    expect(res.body.message).toContain('pg_dump');
    const list = await target.client.call<{ supported: boolean; backups: unknown[] }>('GET', '/api/v1/backups', {
      token: admin.accessToken,
    });
    expect(list.body).toMatchObject({ supported: false, backups: [] });
  });
});
