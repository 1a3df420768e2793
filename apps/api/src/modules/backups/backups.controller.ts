import { Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@dnb/contracts';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, RequirePermission } from '../../common/auth/auth.decorators';
import { BackupService } from './backup.service';
import { BackupDto, BackupListDto } from './backups.dto';

@ApiTags('backups')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('backups')
export class BackupsController {
  constructor(private readonly backups: BackupService) {}

  @Get()
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.BackupsManage)
  @ApiOperation({ summary: 'The SQLite backups kept, newest first (admin)' })
  @ApiOkResponse({ type: BackupListDto })
  list(): Promise<BackupListDto> {
    return this.backups.list();
  }

  @Post()
  @HttpCode(201)
  @RequirePermission(Permission.BackupsManage)
  @ApiOperation({
    summary: 'Back up the SQLite database now (admin; audited)',
    description:
      'An online copy through SQLite’s backup API, checked (integrity_check, rows per table, SHA-256) before it is kept. The same runs daily at 02:30 UTC.',
  })
  @ApiCreatedResponse({ type: BackupDto })
  @ApiConflictResponse({ description: 'A backup is already running (code CONFLICT)' })
  @ApiResponse({ status: 501, description: 'The database is PostgreSQL, backed up by pg_dump (code NOT_SUPPORTED)' })
  create(@CurrentActor() actor: Actor): Promise<BackupDto> {
    return this.backups.createFor(actor);
  }
}
