import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Actor } from '../../common/auth/actor';
import { LOGGER } from '../../common/logging/logger';
import type { RequestContext } from '../../common/logging/request-context';
import { auditHash } from './audit-chain';
import { AuditRepository, GENESIS_HASH } from './audit.repository';

export type AuditOutcome = 'success' | 'failure' | 'denied' | 'attempt' | 'unknown';

export interface AuditRecord {
  action: string;
  outcome: AuditOutcome;
  actor?: Actor | null;
  /** For failed logins: the name that was tried (never the password). */
  actorName?: string;
  target?: string;
  statusCode?: number;
  detail?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
  /** Where it came from; by default the request the actor acts through. */
  context?: RequestContext;
}

// Never let a secret reach the audit log, whatever a caller passes in detail/before/after.
const SECRET_KEYS = /pass(word)?|secret|token|api_?key|totp|recovery|authorization|cookie/i;

/** Appends to the hash-chained audit log. Every write and every denial goes through here. */
@Injectable()
export class AuditService {
  // Appends are serialized in this process; the transaction guards against other writers.
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repository: AuditRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  record(record: AuditRecord): Promise<void> {
    const context = record.context ?? record.actor?.request;
    const run = async () => {
      await this.repository.append((prevHash) => {
        const row = {
          occurredAt: new Date().toISOString(),
          actorKind: record.actor?.kind ?? 'anonymous',
          actorId: record.actor?.id ?? null,
          actorName: record.actor?.name ?? record.actorName ?? null,
          actorRole: record.actor?.role ?? null,
          ip: context?.ip ?? null,
          userAgent: context?.userAgent ?? null,
          correlationId: context?.correlationId ?? null,
          action: record.action,
          target: record.target ?? null,
          outcome: record.outcome,
          statusCode: record.statusCode ?? null,
          detail: json(record.detail),
          beforeState: json(record.before),
          afterState: json(record.after),
          prevHash,
        };
        return { ...row, hash: auditHash(row) };
      });
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next.catch((error: unknown) => {
      // An audit write that fails is loud: the action it describes still happened.
      this.logger.error(
        { err: error, action: record.action, outcome: record.outcome, correlation_id: context?.correlationId },
        'audit write failed',
      );
      throw error;
    });
  }

  /** Recomputes every hash; reports the first row that does not match. */
  async verify(): Promise<{ valid: boolean; rows: number; first_invalid_id?: number; reason?: string }> {
    let prev = GENESIS_HASH;
    let rows = 0;
    for await (const row of this.repository.all()) {
      rows += 1;
      if (row.prevHash !== prev)
        return { valid: false, rows, first_invalid_id: row.id, reason: 'chain broken: prev_hash does not match the previous row' };
      const { id: _id, hash, ...rest } = row;
      if (auditHash(rest) !== hash) return { valid: false, rows, first_invalid_id: row.id, reason: 'row content does not match its hash' };
      prev = hash;
    }
    return { valid: true, rows };
  }
}

function json(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  // A flag cannot hold a secret: keep must_change_password and the like readable.
  return JSON.stringify(value, (key, v: unknown) =>
    key && SECRET_KEYS.test(key) && typeof v !== 'boolean' && v !== null ? '[redacted]' : v,
  );
}
