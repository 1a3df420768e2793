import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { Role } from '@dnb/contracts';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from '../users/users.repository';

export interface UserState {
  id: string;
  username: string;
  role: Role;
  isActive: boolean;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
}

/** Why credentials stopped working; the real-time gateway closes matching sockets. */
export interface AccessRevocation {
  userId?: string;
  sessionId?: string;
  apiKeyId?: string;
  reason:
    | 'user_disabled'
    | 'user_deleted'
    | 'role_changed'
    | 'logout'
    | 'session_revoked'
    | 'refresh_reuse'
    | 'password_changed'
    | 'api_key_revoked';
}

// Short enough that a change made on another replica applies within a second.
const TTL_MS = 1000;

/**
 * The live state behind a token: is the user still active, with which role, is the session
 * still open. Read on every authenticated request, so it is cached for at most 1 s and
 * invalidated at once when this process makes the change.
 */
@Injectable()
export class AuthStateService {
  readonly revocations$ = new Subject<AccessRevocation>();
  private readonly users = new Map<string, { value: UserState | null; at: number }>();
  private readonly sessions = new Map<string, { active: boolean; at: number }>();

  constructor(
    private readonly usersRepository: UsersRepository,
    private readonly sessionsRepository: SessionsRepository,
  ) {}

  async user(id: string): Promise<UserState | null> {
    const hit = this.users.get(id);
    if (hit && performance.now() - hit.at < TTL_MS) return hit.value;
    const row = await this.usersRepository.findById(id);
    const value: UserState | null = row
      ? {
          id: row.id,
          username: row.username,
          role: row.role,
          isActive: row.isActive,
          mustChangePassword: row.mustChangePassword,
          mfaEnabled: row.mfaEnabled,
        }
      : null;
    this.users.set(id, { value, at: performance.now() });
    return value;
  }

  async sessionActive(id: string): Promise<boolean> {
    const hit = this.sessions.get(id);
    if (hit && performance.now() - hit.at < TTL_MS) return hit.active;
    const session = await this.sessionsRepository.findById(id);
    const active = !!session && session.revokedAt === null && session.expiresAt > new Date().toISOString();
    this.sessions.set(id, { active, at: performance.now() });
    return active;
  }

  revoke(revocation: AccessRevocation): void {
    if (revocation.userId) this.users.delete(revocation.userId);
    if (revocation.sessionId) this.sessions.delete(revocation.sessionId);
    if (revocation.userId && !revocation.sessionId) this.sessions.clear();
    this.revocations$.next(revocation);
  }
}
