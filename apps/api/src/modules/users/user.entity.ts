import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@dnb/contracts';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive!: boolean;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** The TOTP secret, encrypted at rest (see SecretBox). */
  @Column({ name: 'mfa_secret', type: 'text', nullable: true })
  mfaSecret!: string | null;

  @Column({ name: 'mfa_enabled', type: 'boolean', default: false })
  mfaEnabled!: boolean;

  @Column({ name: 'telegram_user_id', type: 'text', nullable: true, unique: true })
  telegramUserId!: string | null;

  @Column({ name: 'created_at', type: 'text' })
  createdAt!: string;

  @Column({ name: 'updated_at', type: 'text' })
  updatedAt!: string;

  @Column({ name: 'last_login_at', type: 'text', nullable: true })
  lastLoginAt!: string | null;

  @Column({ name: 'password_changed_at', type: 'text' })
  passwordChangedAt!: string;
}

@Entity({ name: 'user_recovery_codes' })
export class RecoveryCodeEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'user_id', type: 'text' })
  userId!: string;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  @Column({ name: 'used_at', type: 'text', nullable: true })
  usedAt!: string | null;
}
