import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Permission } from '@dnb/contracts';
import { RequirePermission } from '../../common/auth/auth.decorators';
import { AuditEntryDto, AuditPageDto, AuditQueryDto, AuditVerifyDto } from './audit.dto';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

const CSV_COLUMNS: Array<keyof AuditEntryDto> = [
  'id',
  'occurred_at',
  'actor_kind',
  'actor_name',
  'actor_role',
  'ip',
  'user_agent',
  'correlation_id',
  'action',
  'target',
  'outcome',
  'status_code',
  'detail',
  'before',
  'after',
  'hash',
];

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@RequirePermission(Permission.AuditRead)
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly repository: AuditRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit log, newest first, filtered and paged by cursor; ?format=csv|json exports every matching row' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProduces('application/json', 'text/csv')
  async list(@Query() query: AuditQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuditPageDto | Readable> {
    if (query.format) return this.export(query, reply);
    const limit = query.limit ?? 100;
    const rows = await this.repository.query({ ...query, beforeId: query.cursor, limit });
    return { entries: rows.map((r) => AuditEntryDto.from(r)), next_cursor: rows.length === limit ? rows[rows.length - 1]!.id : null };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain and report whether any row was altered or removed' })
  @ApiOkResponse({ type: AuditVerifyDto })
  verify(): Promise<AuditVerifyDto> {
    return this.audit.verify();
  }

  /** Streams page by page, so an export of the whole log never sits in memory. */
  private export(query: AuditQueryDto, reply: FastifyReply): Readable {
    const csv = query.format === 'csv';
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    void reply
      .header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${stamp}.${csv ? 'csv' : 'json'}"`);
    const repository = this.repository;
    async function* rows(): AsyncGenerator<string> {
      yield csv ? `${CSV_COLUMNS.join(',')}\n` : '[';
      let beforeId: number | undefined;
      let first = true;
      for (;;) {
        const page = await repository.query({ ...query, beforeId, limit: 1000 });
        for (const row of page) {
          const dto = AuditEntryDto.from(row);
          if (csv) yield `${CSV_COLUMNS.map((c) => csvCell(dto[c])).join(',')}\n`;
          else yield `${first ? '' : ','}\n${JSON.stringify(dto)}`;
          first = false;
        }
        if (page.length < 1000) break;
        beforeId = page[page.length - 1]!.id;
      }
      if (!csv) yield '\n]\n';
    }
    return Readable.from(rows());
  }
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Quote always-risky cells; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}
