import { Inject, Injectable } from '@nestjs/common';
import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/env.schema';

/**
 * The signing key for JWTs and the key that encrypts secrets at rest. Production must give
 * both (the config refuses to start otherwise); development and tests generate them once and
 * keep them in the data dir (mode 0600) so sessions survive a restart.
 */
@Injectable()
export class InstanceSecrets {
  /** Built once: building a key object per verify costs ~0.5 ms (measured), the verify itself ~20 us. */
  readonly jwtKey: KeyObject;
  readonly encryptionKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const jwtSecret = config.auth.jwtSecret ?? this.generated(config.dataDir, 'jwt-secret');
    this.jwtKey = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
    const encryption = config.auth.secretsEncryptionKey ?? this.generated(config.dataDir, 'secrets-encryption-key');
    // Any length >= 32 bytes in, exactly 32 bytes (AES-256) out.
    this.encryptionKey = createHash('sha256').update(encryption).digest();
  }

  private generated(dataDir: string, name: string): string {
    const dir = join(dataDir, 'secrets');
    const file = join(dir, name);
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const value = randomBytes(48).toString('base64url');
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return value;
  }
}
