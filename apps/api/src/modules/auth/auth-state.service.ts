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
  /** Replicas: set on a revocation made by another replica (relayed over Redis), so it is not relayed back. */
  remote?: boolean;
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
  /** Reads in flight: when an entry expires under load, concurrent requests share one query. */
  private readonly userReads = new Map<string, Promise<UserState | null>>();
  private readonly sessionReads = new Map<string, Promise<boolean>>();
  /** Bumped by revoke(): a read that started before a revocation must not cache its (older) answer. */
  private generation = 0;

  constructor(
    private readonly usersRepository: UsersRepository,
    private readonly sessionsRepository: SessionsRepository,
  ) {}

  async user(id: string): Promise<UserState | null> {
    const cached = this.cachedUser(id);
    if (cached !== undefined) return cached;
    const inFlight = this.userReads.get(id);
    if (inFlight) return inFlight;
    const read: Promise<UserState | null> = this.readUser(id).finally(() => {
      if (this.userReads.get(id) === read) this.userReads.delete(id);
    });
    this.userReads.set(id, read);
    return read;
  }

  async sessionActive(id: string): Promise<boolean> {
    const cached = this.cachedSessionActive(id);
    if (cached !== undefined) return cached;
    const inFlight = this.sessionReads.get(id);
    if (inFlight) return inFlight;
    const read: Promise<boolean> = this.readSession(id).finally(() => {
      if (this.sessionReads.get(id) === read) this.sessionReads.delete(id);
    });
    this.sessionReads.set(id, read);
    return read;
  }

  /** The user's state if read within the TTL (without waiting), else undefined: then call user(). */
  cachedUser(id: string): UserState | null | undefined {
    const hit = this.users.get(id);
    return hit && performance.now() - hit.at < TTL_MS ? hit.value : undefined;
  }

  /** Whether the session is open, if read within the TTL (without waiting), else undefined: then call sessionActive(). */
  cachedSessionActive(id: string): boolean | undefined {
    const hit = this.sessions.get(id);
    return hit && performance.now() - hit.at < TTL_MS ? hit.active : undefined;
  }

  private async readUser(id: string): Promise<UserState | null> {
    const generation = this.generation;
    const at = performance.now();
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
    if (generation === this.generation) this.users.set(id, { value, at });
    return value;
  }

  private async readSession(id: string): Promise<boolean> {
    const generation = this.generation;
    const at = performance.now();
    const session = await this.sessionsRepository.findById(id);
    const active = !!session && session.revokedAt === null && session.expiresAt > new Date().toISOString();
    if (generation === this.generation) this.sessions.set(id, { active, at });
    return active;
  }

  revoke(revocation: AccessRevocation): void {
    this.generation++;
    // A read in flight may have started before the change: later callers must not join it.
    if (revocation.userId) this.userReads.delete(revocation.userId);
    if (revocation.sessionId) this.sessionReads.delete(revocation.sessionId);
    if (revocation.userId && !revocation.sessionId) this.sessionReads.clear();
    if (revocation.userId) this.users.delete(revocation.userId);
    if (revocation.sessionId) this.sessions.delete(revocation.sessionId);
    if (revocation.userId && !revocation.sessionId) this.sessions.clear();
    this.revocations$.next(revocation);
  }
}
