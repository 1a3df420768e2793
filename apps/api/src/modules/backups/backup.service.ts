import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { AppException } from '../../common/errors/app.exception';
import { LOGGER } from '../../common/logging/logger';
import { Leadership } from '../cluster/leadership';
import { AuditService } from '../audit/audit.service';
import type { BackupDto, BackupListDto } from './backups.dto';
import { backupSqlite, inspectBackup } from './sqlite-backup';

const PREFIX = 'control-center-';
const SUFFIX = '.db';
/** The facts of a backup, kept beside it. */
const META = '.json';

/** 2026-12-04T02:30:00.123Z -> 20261204T023000123Z: sortable, and safe in a file name. */
const stamp = (iso: string) => iso.replace(/[-:.]/g, '');

/**
 * Backups of the SQLite database (Q9, spec phase 4): daily at 02:30 UTC (before the history's
 * 03:00 retention) and on demand by an admin. Each is written under a temporary name, checked
 * (integrity_check, rows per table, SHA-256) and only then given its name, so a listed backup
 * is always a whole one; the newest BACKUP_KEEP are kept. PostgreSQL is backed up by pg_dump
 * (the backup service of docker-compose.yml), not by the API.
 */
@Injectable()
export class BackupService {
  private running: Promise<BackupDto> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'backups'>,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly audit: AuditService,
    @Optional() private readonly leadership?: Leadership,
  ) {}

  get supported(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  @Cron('0 30 2 * * *', { name: 'sqlite-backup', timeZone: 'UTC' })
  async daily(): Promise<void> {
    if (!this.config.backups.daily || !this.supported) return;
    if (this.leadership && !this.leadership.isLeader()) return; // replicas: the leader's job
    try {
      await this.create('schedule', null);
    } catch (error) {
      this.logger.error({ err: error }, 'daily backup failed');
    }
  }

  /** An admin's backup: audited with its outcome. */
  async createFor(actor: Actor): Promise<BackupDto> {
    try {
      const backup = await this.create('admin', actor.name);
      await this.audit.record({
        action: 'backup.create',
        outcome: 'success',
        actor,
        statusCode: 201,
        target: backup.name,
        detail: { size_bytes: backup.size_bytes, sha256: backup.sha256, integrity: backup.integrity },
      });
      return backup;
    } catch (error) {
      const status = error instanceof AppException ? error.statusCode : 500;
      await this.audit.record({
        action: 'backup.create',
        outcome: 'failure',
        actor,
        statusCode: status,
        detail: { error: (error as Error).message },
      });
      throw error;
    }
  }

  async list(): Promise<BackupListDto> {
    return { supported: this.supported, daily: this.config.backups.daily, keep: this.config.backups.keep, backups: await this.stored() };
  }

  private create(trigger: BackupDto['trigger'], createdBy: string | null): Promise<BackupDto> {
    if (!this.supported) {
      throw new AppException(
        501,
        'NOT_SUPPORTED',
        'The API backs up SQLite only; PostgreSQL is backed up by pg_dump (the backup service in docker-compose.yml)',
      );
    }
    if (this.running) throw new AppException(409, 'CONFLICT', 'A backup is already running; try again when it is done');
    const run = this.write(trigger, createdBy).finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private async write(trigger: BackupDto['trigger'], createdBy: string | null): Promise<BackupDto> {
    const started = performance.now();
    const dir = this.config.backups.dir;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const createdAt = new Date().toISOString();
    const name = `${PREFIX}${stamp(createdAt)}${SUFFIX}`;
    const partial = join(dir, `.${name}.partial`);
    try {
      await backupSqlite(this.liveConnection(), partial);
      const facts = await inspectBackup(partial);
      if (facts.integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${facts.integrity}`);
      const backup: BackupDto = {
        name,
        created_at: createdAt,
        trigger,
        created_by: createdBy,
        ...facts,
        duration_ms: Math.round(performance.now() - started),
      };
      await writeFile(join(dir, `${name}${META}`), JSON.stringify(backup), { mode: 0o600 });
      await rename(partial, join(dir, name));
      this.logger.info({ backup: { ...backup, tables: undefined } }, 'database backup written');
      await this.prune();
      return backup;
    } catch (error) {
      await unlink(partial).catch(() => undefined);
      throw error;
    }
  }

  /** The API's own better-sqlite3 connection (the backup reads through it, so it sees every committed write). */
  private liveConnection(): Database.Database {
    return (this.dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
  }

  /** Backups on disk, newest first (a file without its facts is not one of ours, or unfinished). */
  private async stored(): Promise<BackupDto[]> {
    let files: string[];
    try {
      files = await readdir(this.config.backups.dir);
    } catch {
      return [];
    }
    const names = files
      .filter((f) => f.startsWith(PREFIX) && f.endsWith(SUFFIX) && files.includes(`${f}${META}`))
      .sort()
      .reverse();
    const backups: BackupDto[] = [];
    for (const name of names) {
      try {
        backups.push(JSON.parse(await readFile(join(this.config.backups.dir, `${name}${META}`), 'utf8')) as BackupDto);
      } catch (error) {
        this.logger.warn({ err: error, name }, 'backup facts unreadable; backup not listed');
      }
    }
    return backups;
  }

  private async prune(): Promise<void> {
    const old = (await this.stored()).slice(this.config.backups.keep);
    for (const backup of old) {
      await unlink(join(this.config.backups.dir, backup.name)).catch(() => undefined);
      await unlink(join(this.config.backups.dir, `${backup.name}${META}`)).catch(() => undefined);
    }
    if (old.length) this.logger.info({ removed: old.map((b) => b.name), keep: this.config.backups.keep }, 'old backups removed');
  }
}
