import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppMetaEntity } from './app-meta.entity';

@Injectable()
export class AppMetaRepository {
  constructor(@InjectRepository(AppMetaEntity) private readonly rows: Repository<AppMetaEntity>) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.rows.findOneBy({ key }))?.value;
  }

  /** Inserts the value unless the key exists; returns what is stored afterwards. */
  async getOrInsert(key: string, value: string): Promise<string> {
    await this.rows.createQueryBuilder().insert().values({ key, value, updatedAt: new Date().toISOString() }).orIgnore().execute();
    return (await this.get(key)) ?? value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.rows.upsert({ key, value, updatedAt: new Date().toISOString() }, ['key']);
  }

  async remove(key: string): Promise<void> {
    await this.rows.delete({ key });
  }
}
