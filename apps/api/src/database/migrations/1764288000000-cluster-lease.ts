import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replicas (issue 9): the leader's fencing epoch. One row; each replica that wins the leader
 * lock adds one to `epoch` and appends to the event log only while the row still holds its
 * number, so a deposed leader can never write. One migration for both engines (SQLite keeps
 * the table too: a single process is always the leader and never reads it).
 */
export class ClusterLease1764288000000 implements MigrationInterface {
  name = 'ClusterLease1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE cluster_lease (
      id INTEGER PRIMARY KEY NOT NULL,
      epoch BIGINT NOT NULL,
      leader TEXT,
      acquired_at TEXT
    )`);
    await q.query('INSERT INTO cluster_lease (id, epoch, leader, acquired_at) VALUES (1, 0, NULL, NULL)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE cluster_lease');
  }
}
