import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { AuditService } from '../audit/audit.service';
import { MetricsRetentionService, type RetentionReport } from './metrics-retention.service';

/** The retention job started by a person: audited with its outcome and report. */
@Injectable()
export class HistoryRetentionRunner {
  constructor(
    private readonly retention: MetricsRetentionService,
    private readonly audit: AuditService,
  ) {}

  async runFor(actor: Actor): Promise<RetentionReport> {
    try {
      const report = await this.retention.run();
      await this.audit.record({ action: 'history.retention.run', outcome: 'success', actor, statusCode: 200, detail: { ...report } });
      return report;
    } catch (error) {
      await this.audit.record({ action: 'history.retention.run', outcome: 'failure', actor, detail: { error: (error as Error).message } });
      throw error;
    }
  }
}
