import { Module } from '@nestjs/common';
import { BackupService } from './backup.service';
import { BackupsController } from './backups.controller';

/** Database backups: SQLite through its online backup API, daily and on demand (issue 9). */
@Module({
  controllers: [BackupsController],
  providers: [BackupService],
})
export class BackupsModule {}
