import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { InstanceSecrets } from '../../common/security/instance-secrets';
import { SecretBox } from '../../common/security/secret-box';
import { nowIso } from '../../database/columns';
import type { RecoveryCodeEntity, UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';

const ISSUER = 'Delta Neutral Control Center';
const RECOVERY_CODES = 10;
// Accept the previous and next 30 s step: phones drift.
const TOLERANCE_S = 30;

/** TOTP (RFC 6238) with recovery codes. Seeds are sealed at rest; codes are stored as HMACs. */
@Injectable()
export class MfaService {
  /** The last time step accepted per user: a code cannot be replayed within its window. */
  private readonly lastStep = new Map<string, number>();

  constructor(
    private readonly users: UsersRepository,
    private readonly box: SecretBox,
    private readonly secrets: InstanceSecrets,
  ) {}

  /** Starts enrolment: a new seed, not yet active until a code from it is verified. */
  async begin(user: UserEntity): Promise<{ secret: string; otpauth_url: string }> {
    const secret = generateSecret();
    await this.users.update(user.id, { mfaSecret: this.box.seal(secret), mfaEnabled: false, updatedAt: nowIso() });
    return { secret, otpauth_url: generateURI({ issuer: ISSUER, label: user.username, secret }) };
  }

  async verifyTotp(user: UserEntity, code: string): Promise<boolean> {
    if (!user.mfaSecret || !/^\d{6}$/.test(code)) return false;
    const result = await verify({ secret: this.box.open(user.mfaSecret), token: code, epochTolerance: TOLERANCE_S });
    if (!result.valid) return false;
    const step = (result as { timeStep?: number }).timeStep ?? Math.floor(Date.now() / 30_000);
    if ((this.lastStep.get(user.id) ?? -1) >= step) return false;
    this.lastStep.set(user.id, step);
    return true;
  }

  /** A TOTP code, or a one-time recovery code ("xxxxx-xxxxx"). */
  async verifySecondFactor(user: UserEntity, code: string): Promise<'totp' | 'recovery' | false> {
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) return (await this.verifyTotp(user, trimmed)) ? 'totp' : false;
    const hash = this.hashRecoveryCode(trimmed);
    for (const candidate of await this.users.unusedRecoveryCodes(user.id)) {
      if (safeEqualHex(candidate.codeHash, hash) && (await this.users.useRecoveryCode(candidate.id, nowIso()))) return 'recovery';
    }
    return false;
  }

  /** Replaces the user's recovery codes; the plain codes are shown once. */
  async newRecoveryCodes(userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, () => {
      const raw = randomBytes(8).toString('hex').slice(0, 10);
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
    const rows: RecoveryCodeEntity[] = codes.map((code) => ({
      id: randomUUID(),
      userId,
      codeHash: this.hashRecoveryCode(code),
      usedAt: null,
    }));
    await this.users.replaceRecoveryCodes(userId, rows);
    return codes;
  }

  private hashRecoveryCode(code: string): string {
    return createHmac('sha256', this.secrets.encryptionKey).update(code.toLowerCase().replace(/\s/g, '')).digest('hex');
  }
}

function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
