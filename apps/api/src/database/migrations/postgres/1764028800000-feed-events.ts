import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The durable log of the real-time feed. seq is assigned by the event log itself (no
 * autoincrement): contiguous, and MAX(seq) is where numbering resumes after a restart.
 */
export class FeedEvents1764028800000 implements MigrationInterface {
  name = 'FeedEvents1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE feed_events (
      seq BIGINT PRIMARY KEY NOT NULL,
      type TEXT NOT NULL,
      timestamp TEXT NOT NULL,
      data TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    // Retention by age looks rows up by the time they were stored.
    await q.query('CREATE INDEX idx_feed_events_created ON feed_events(created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE feed_events');
  }
}
