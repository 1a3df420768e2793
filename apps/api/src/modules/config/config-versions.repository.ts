import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ConfigVersionEntity } from './config-version.entity';

@Injectable()
export class ConfigVersionsRepository {
  constructor(@InjectRepository(ConfigVersionEntity) private readonly rows: Repository<ConfigVersionEntity>) {}

  async append(row: Omit<ConfigVersionEntity, 'version'>): Promise<ConfigVersionEntity> {
    return this.rows.save(this.rows.create(row));
  }

  find(version: number): Promise<ConfigVersionEntity | null> {
    return this.rows.findOneBy({ version });
  }

  list(limit: number, beforeVersion?: number): Promise<ConfigVersionEntity[]> {
    const query = this.rows.createQueryBuilder('v').orderBy('v.version', 'DESC').take(limit);
    if (beforeVersion !== undefined) query.where('v.version < :beforeVersion', { beforeVersion });
    return query.getMany();
  }
}
