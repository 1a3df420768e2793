import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../database/columns';

/** A signed-in session: one refresh-token family, rotated on every refresh. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'user_id', type: 'text' })
  userId!: string;

  @Column({ name: 'created_at', type: 'text' })
  createdAt!: string;

  @Column({ name: 'last_used_at', type: 'text' })
  lastUsedAt!: string;

  @Column({ name: 'expires_at', type: 'text' })
  expiresAt!: string;

  /** Epoch seconds of the last password (or step-up) proof. */
  @Column({ name: 'auth_time', type: 'bigint', transformer: bigintAsNumber })
  authTime!: number;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ name: 'revoked_at', type: 'text', nullable: true })
  revokedAt!: string | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason!: string | null;
}

@Entity({ name: 'refresh_tokens' })
export class RefreshTokenEntity {
  /** SHA-256 of the token: the token itself is never stored. */
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'session_id', type: 'text' })
  sessionId!: string;

  @Column({ name: 'created_at', type: 'text' })
  createdAt!: string;

  @Column({ name: 'spent_at', type: 'text', nullable: true })
  spentAt!: string | null;
}
