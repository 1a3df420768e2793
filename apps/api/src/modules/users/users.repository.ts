import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { Role } from '@dnb/contracts';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { RecoveryCodeEntity, UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(RecoveryCodeEntity) private readonly recoveryCodes: Repository<RecoveryCodeEntity>,
  ) {}

  count(): Promise<number> {
    return this.users.count();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username: username.toLowerCase() });
  }

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { username: 'ASC' } });
  }

  async insert(user: UserEntity): Promise<void> {
    await this.users.insert(user);
  }

  async update(id: string, changes: Partial<UserEntity>): Promise<void> {
    await this.users.update({ id }, changes);
  }

  /**
   * Removes the user and the API keys they own (api_keys.owner_id has no ON DELETE, unlike
   * sessions and recovery codes); returns how many keys went with them.
   */
  async delete(id: string): Promise<number> {
    return this.users.manager.transaction(async (manager) => {
      const keys = await manager.delete(ApiKeyEntity, { ownerId: id });
      await manager.delete(UserEntity, { id });
      return keys.affected ?? 0;
    });
  }

  countActiveAdminsExcept(id: string): Promise<number> {
    return this.users
      .createQueryBuilder('u')
      .where('u.role = :role', { role: 'admin' as Role })
      .andWhere('u.is_active = :active', { active: true })
      .andWhere('u.id != :id', { id })
      .getCount();
  }

  async replaceRecoveryCodes(userId: string, codes: RecoveryCodeEntity[]): Promise<void> {
    await this.recoveryCodes.manager.transaction(async (manager) => {
      await manager.delete(RecoveryCodeEntity, { userId });
      if (codes.length) await manager.insert(RecoveryCodeEntity, codes);
    });
  }

  unusedRecoveryCodes(userId: string): Promise<RecoveryCodeEntity[]> {
    return this.recoveryCodes.findBy({ userId, usedAt: IsNull() });
  }

  /** Marks a code used; false if another request used it first. */
  async useRecoveryCode(id: string, at: string): Promise<boolean> {
    const result = await this.recoveryCodes.update({ id, usedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) === 1;
  }
}
