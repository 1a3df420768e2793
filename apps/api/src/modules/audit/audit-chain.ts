import { createHash } from 'node:crypto';
import type { AuditEntryEntity } from './audit-entry.entity';

type Chained = Omit<AuditEntryEntity, 'id' | 'hash'>;

/** The hash of a row covers every field and the previous row's hash, in a fixed order. */
export function auditHash(row: Chained): string {
  const canonical = JSON.stringify([
    row.prevHash,
    row.occurredAt,
    row.actorKind,
    row.actorId,
    row.actorName,
    row.actorRole,
    row.ip,
    row.userAgent,
    row.correlationId,
    row.action,
    row.target,
    row.outcome,
    row.statusCode,
    row.detail,
    row.beforeState,
    row.afterState,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
