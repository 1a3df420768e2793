import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppMetaEntity } from './app-meta.entity';
import { AppMetaRepository } from './app-meta.repository';
import { AppMetaService } from './app-meta.service';

@Module({
  imports: [TypeOrmModule.forFeature([AppMetaEntity])],
  providers: [AppMetaRepository, AppMetaService],
  exports: [AppMetaService, AppMetaRepository],
})
export class AppMetaModule {}
