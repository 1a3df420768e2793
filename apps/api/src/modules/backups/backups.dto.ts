import { ApiProperty } from '@nestjs/swagger';

export class BackupDto {
  @ApiProperty({ example: 'control-center-20261204T023000000Z.db' }) name!: string;
  @ApiProperty({ type: String, example: '2026-12-04T02:30:00.000Z', description: 'UTC, ISO 8601 with Z' }) created_at!: string;
  @ApiProperty({ enum: ['schedule', 'admin'] }) trigger!: 'schedule' | 'admin';
  @ApiProperty({ type: String, nullable: true, example: 'alice', description: 'Who asked for it (null for the daily one)' })
  created_by!: string | null;
  @ApiProperty({ example: 1843200 }) size_bytes!: number;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256!: string;
  @ApiProperty({ example: 'ok', description: "PRAGMA integrity_check of the copy; a backup is kept only when it is 'ok'" })
  integrity!: string;
  @ApiProperty({ example: { users: 3, audit_log: 120, metrics: 10080 }, description: 'Rows per table in the copy' })
  tables!: Record<string, number>;
  @ApiProperty({ example: 412 }) duration_ms!: number;
}

export class BackupListDto {
  @ApiProperty({ description: 'False on PostgreSQL, which is backed up by the pg_dump job (docker-compose.yml)' }) supported!: boolean;
  @ApiProperty({ description: 'A backup is made every day at 02:30 UTC (BACKUP_DAILY)' }) daily!: boolean;
  @ApiProperty({ example: 14, description: 'The newest this many are kept (BACKUP_KEEP)' }) keep!: number;
  @ApiProperty({ type: [BackupDto], description: 'Newest first' }) backups!: BackupDto[];
}
