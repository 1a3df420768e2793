import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every change of the bot's configuration made through the control center, with its diff. */
export class ConfigVersions1763942400000 implements MigrationInterface {
  name = 'ConfigVersions1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE config_versions (
      version INTEGER PRIMARY KEY AUTOINCREMENT,
      created_at TEXT NOT NULL,
      author TEXT NOT NULL,
      reason TEXT NOT NULL,
      source TEXT NOT NULL,
      restored_from BIGINT,
      config TEXT NOT NULL,
      diff TEXT NOT NULL
    )`);
    await q.query('CREATE INDEX idx_config_versions_time ON config_versions(created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE config_versions');
  }
}
