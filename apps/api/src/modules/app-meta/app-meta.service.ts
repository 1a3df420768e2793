import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppMetaRepository } from './app-meta.repository';

export interface InstallationFacts {
  installationId: string;
  firstBootAt: string;
}

/** Identifies this installation across restarts (logs, health, later: replicas). */
@Injectable()
export class AppMetaService implements OnApplicationBootstrap {
  private facts?: InstallationFacts;

  constructor(private readonly repository: AppMetaRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    this.facts = {
      installationId: await this.repository.getOrInsert('installation_id', randomUUID()),
      firstBootAt: await this.repository.getOrInsert('first_boot_at', new Date().toISOString()),
    };
  }

  installation(): InstallationFacts | undefined {
    return this.facts;
  }
}
