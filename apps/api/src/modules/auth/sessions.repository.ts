import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { RefreshTokenEntity, SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
  ) {}

  findById(id: string): Promise<SessionEntity | null> {
    return this.sessions.findOneBy({ id });
  }

  listActiveForUser(userId: string, nowIso: string): Promise<SessionEntity[]> {
    return this.sessions
      .createQueryBuilder('s')
      .where('s.user_id = :userId', { userId })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('s.expires_at > :now', { now: nowIso })
      .orderBy('s.last_used_at', 'DESC')
      .getMany();
  }

  async create(session: SessionEntity, firstToken: RefreshTokenEntity): Promise<void> {
    await this.sessions.manager.transaction(async (manager) => {
      await manager.insert(SessionEntity, session);
      await manager.insert(RefreshTokenEntity, firstToken);
    });
  }

  findToken(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  /**
   * Spends a refresh token and issues its successor atomically. False when the token was
   * already spent (a concurrent refresh won, or the token is being replayed).
   */
  async rotate(tokenHash: string, next: RefreshTokenEntity, sessionChanges: Partial<SessionEntity>): Promise<boolean> {
    return this.sessions.manager.transaction(async (manager) => {
      const spent = await manager.update(RefreshTokenEntity, { tokenHash, spentAt: IsNull() }, { spentAt: next.createdAt });
      if ((spent.affected ?? 0) !== 1) return false;
      await manager.insert(RefreshTokenEntity, next);
      await manager.update(SessionEntity, { id: next.sessionId }, sessionChanges);
      return true;
    });
  }

  async update(id: string, changes: Partial<SessionEntity>): Promise<void> {
    await this.sessions.update({ id }, changes);
  }

  async revoke(id: string, at: string, reason: string): Promise<boolean> {
    const result = await this.sessions.update({ id, revokedAt: IsNull() }, { revokedAt: at, revokedReason: reason });
    return (result.affected ?? 0) === 1;
  }

  async revokeAllForUser(userId: string, at: string, reason: string, exceptId?: string): Promise<number> {
    const query = this.sessions
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: at, revokedReason: reason })
      .where('user_id = :userId', { userId })
      .andWhere('revoked_at IS NULL');
    if (exceptId) query.andWhere('id != :exceptId', { exceptId });
    return (await query.execute()).affected ?? 0;
  }
}
