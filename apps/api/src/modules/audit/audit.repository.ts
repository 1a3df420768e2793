import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditQuery {
  actor?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
  /** Rows with an id below this (newest first paging). */
  beforeId?: number;
  limit: number;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntryEntity) private readonly rows: Repository<AuditEntryEntity>) {}

  /** Appends in one transaction with reading the chain head, so the chain never forks. */
  async append(build: (prevHash: string) => Omit<AuditEntryEntity, 'id'>): Promise<AuditEntryEntity> {
    return this.rows.manager.transaction(async (manager) => {
      const last = await manager.getRepository(AuditEntryEntity).find({ order: { id: 'DESC' }, take: 1 });
      const row = build(last[0]?.hash ?? GENESIS_HASH);
      const inserted = await manager.getRepository(AuditEntryEntity).save(manager.getRepository(AuditEntryEntity).create(row));
      return inserted;
    });
  }

  query(q: AuditQuery): Promise<AuditEntryEntity[]> {
    const query = this.rows.createQueryBuilder('a').orderBy('a.id', 'DESC').take(q.limit);
    if (q.actor) query.andWhere('a.actor_name = :actor', { actor: q.actor });
    if (q.action) query.andWhere('a.action = :action', { action: q.action });
    if (q.outcome) query.andWhere('a.outcome = :outcome', { outcome: q.outcome });
    if (q.from) query.andWhere('a.occurred_at >= :from', { from: q.from });
    if (q.to) query.andWhere('a.occurred_at < :to', { to: q.to });
    if (q.beforeId !== undefined) query.andWhere('a.id < :beforeId', { beforeId: q.beforeId });
    return query.getMany();
  }

  /** Walks the whole chain in id order, a page at a time. */
  async *all(pageSize = 1000): AsyncGenerator<AuditEntryEntity> {
    let afterId = 0;
    for (;;) {
      const page = await this.rows
        .createQueryBuilder('a')
        .where('a.id > :afterId', { afterId })
        .orderBy('a.id', 'ASC')
        .take(pageSize)
        .getMany();
      if (page.length === 0) return;
      yield* page;
      afterId = page[page.length - 1]!.id;
    }
  }
}

export const GENESIS_HASH = '0'.repeat(64);
