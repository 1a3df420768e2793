import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  findByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ prefix });
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ id });
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'DESC' } });
  }

  async insert(key: ApiKeyEntity): Promise<void> {
    await this.keys.insert(key);
  }

  async revoke(id: string, at: string): Promise<boolean> {
    return ((await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: at })).affected ?? 0) === 1;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.keys.update({ id }, { lastUsedAt: at });
  }
}
