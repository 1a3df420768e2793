import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, sessions (refresh-token families), API keys and the hash-chained audit log. */
export class TeamAccess1763856000000 implements MigrationInterface {
  name = 'TeamAccess1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      id TEXT PRIMARY KEY NOT NULL,
      username TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
      is_active INTEGER NOT NULL DEFAULT 1,
      must_change_password INTEGER NOT NULL DEFAULT 0,
      mfa_secret TEXT,
      mfa_enabled INTEGER NOT NULL DEFAULT 0,
      telegram_user_id TEXT UNIQUE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_login_at TEXT,
      password_changed_at TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE user_recovery_codes (
      id TEXT PRIMARY KEY NOT NULL,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash TEXT NOT NULL,
      used_at TEXT
    )`);
    await q.query('CREATE INDEX idx_recovery_codes_user ON user_recovery_codes(user_id)');
    await q.query(`CREATE TABLE sessions (
      id TEXT PRIMARY KEY NOT NULL,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      last_used_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      auth_time BIGINT NOT NULL,
      ip TEXT,
      user_agent TEXT,
      revoked_at TEXT,
      revoked_reason TEXT
    )`);
    await q.query('CREATE INDEX idx_sessions_user ON sessions(user_id)');
    await q.query(`CREATE TABLE refresh_tokens (
      token_hash TEXT PRIMARY KEY NOT NULL,
      session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      spent_at TEXT
    )`);
    await q.query('CREATE INDEX idx_refresh_tokens_session ON refresh_tokens(session_id)');
    await q.query(`CREATE TABLE api_keys (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      prefix TEXT NOT NULL UNIQUE,
      key_hash TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
      owner_id TEXT NOT NULL REFERENCES users(id),
      ip_allowlist TEXT,
      created_at TEXT NOT NULL,
      expires_at TEXT,
      last_used_at TEXT,
      revoked_at TEXT
    )`);
    await q.query(`CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      occurred_at TEXT NOT NULL,
      actor_kind TEXT NOT NULL,
      actor_id TEXT,
      actor_name TEXT,
      actor_role TEXT,
      ip TEXT,
      user_agent TEXT,
      correlation_id TEXT,
      action TEXT NOT NULL,
      target TEXT,
      outcome TEXT NOT NULL,
      status_code INTEGER,
      detail TEXT,
      before_state TEXT,
      after_state TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    )`);
    await q.query('CREATE INDEX idx_audit_time ON audit_log(occurred_at)');
    await q.query('CREATE INDEX idx_audit_actor ON audit_log(actor_name, occurred_at)');
    await q.query('CREATE INDEX idx_audit_action ON audit_log(action, occurred_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'api_keys', 'refresh_tokens', 'sessions', 'user_recovery_codes', 'users']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
