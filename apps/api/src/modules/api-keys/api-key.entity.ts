import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@dnb/contracts';

/** A credential for programs (spec 5.1): shown once, stored as a hash, revocable. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The public part of the key, used to find its row; the secret part is only hashed. */
  @Column({ type: 'text', unique: true })
  prefix!: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** The admin who created it; the key stops working when that user is disabled. */
  @Column({ name: 'owner_id', type: 'text' })
  ownerId!: string;

  /** JSON array of IPs/CIDRs, or null for any address. */
  @Column({ name: 'ip_allowlist', type: 'text', nullable: true })
  ipAllowlist!: string | null;

  @Column({ name: 'created_at', type: 'text' })
  createdAt!: string;

  @Column({ name: 'expires_at', type: 'text', nullable: true })
  expiresAt!: string | null;

  @Column({ name: 'last_used_at', type: 'text', nullable: true })
  lastUsedAt!: string | null;

  @Column({ name: 'revoked_at', type: 'text', nullable: true })
  revokedAt!: string | null;
}
