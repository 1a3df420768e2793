import { ApiKeyEntity } from '../modules/api-keys/api-key.entity';
import { AppMetaEntity } from '../modules/app-meta/app-meta.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { ConfigVersionEntity } from '../modules/config/config-version.entity';
import { RefreshTokenEntity, SessionEntity } from '../modules/auth/session.entity';
import { RecoveryCodeEntity, UserEntity } from '../modules/users/user.entity';

/** Every entity, listed explicitly (no globs: the same list works from src and dist). */
export const ENTITIES = [
  AppMetaEntity,
  UserEntity,
  RecoveryCodeEntity,
  SessionEntity,
  RefreshTokenEntity,
  ApiKeyEntity,
  AuditEntryEntity,
  ConfigVersionEntity,
];
