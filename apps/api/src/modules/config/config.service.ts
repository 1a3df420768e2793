import { Injectable } from '@nestjs/common';
import { BOT_PATHS, type BotConfig } from '@dnb/contracts';
import type { Actor } from '../../common/auth/actor';
import { AppException } from '../../common/errors/app.exception';
import { nowIso } from '../../database/columns';
import { AuditService } from '../audit/audit.service';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import { FeedPublisher } from '../feed/feed-publisher.service';
import { diffConfig, mergeConfig, type ConfigChange } from './config-diff';
import { configProblems } from './config-rules';
import type { ConfigPreviewDto, ConfigUpdateResultDto, ConfigVersionDto, UpdateConfigDto } from './config.dto';
import type { ConfigVersionEntity } from './config-version.entity';
import { ConfigVersionsRepository } from './config-versions.repository';

/** The bot's live-tunable configuration (contract extension), with a versioned history of every change. */
@Injectable()
export class ConfigService {
  constructor(
    private readonly bridge: BotBridgeService,
    private readonly versions: ConfigVersionsRepository,
    private readonly audit: AuditService,
    private readonly feed: FeedPublisher,
  ) {}

  current(correlationId?: string): Promise<BotConfig> {
    return this.bridge.getExtension<BotConfig>('config', BOT_PATHS.config, correlationId);
  }

  async riskLimits(correlationId?: string): Promise<{ risk: NonNullable<BotConfig['risk']> }> {
    return { risk: (await this.current(correlationId)).risk ?? {} };
  }

  /**
   * What a PUT of `patch` would do now, without doing it: the same merge, limits and diff
   * against what the bot reports (a change beyond a limit answers 400 with the field, as the
   * PUT would). Nothing is sent or stored.
   */
  async preview(patch: BotConfig, correlationId?: string): Promise<ConfigPreviewDto> {
    const before = await this.current(correlationId);
    const proposed = mergeConfig(before, patch);
    const problems = configProblems(proposed);
    if (problems.length) throw AppException.validation(problems);
    const diff = diffConfig(before, proposed);
    return { changed: diff.length > 0, diff, config: proposed };
  }

  update(input: UpdateConfigDto, actor: Actor): Promise<ConfigUpdateResultDto> {
    return this.apply(input.config, input.reason, actor, 'put', null);
  }

  async restore(version: number, reason: string, actor: Actor): Promise<ConfigUpdateResultDto> {
    const row = await this.versions.find(version);
    if (!row) throw AppException.notFound(`no configuration version ${version}`);
    return this.apply(JSON.parse(row.config) as BotConfig, `restore v${version}: ${reason}`, actor, 'restore', version);
  }

  async list(limit: number, before?: number): Promise<ConfigVersionDto[]> {
    return (await this.versions.list(limit, before)).map(toDto);
  }

  /** Validate against the bot's limits, send the whole configuration, record what the bot then reports. */
  private async apply(
    patch: BotConfig,
    reason: string,
    actor: Actor,
    source: 'put' | 'restore',
    restoredFrom: number | null,
  ): Promise<ConfigUpdateResultDto> {
    const before = await this.current(actor.request?.correlationId);
    const proposed = mergeConfig(before, patch);
    const problems = configProblems(proposed);
    if (problems.length) {
      await this.audit.record({
        action: 'config.update',
        outcome: 'failure',
        actor,
        statusCode: 400,
        detail: { reason, problems },
        before,
        after: proposed,
      });
      throw AppException.validation(problems);
    }
    const intended = diffConfig(before, proposed);
    if (intended.length === 0) {
      await this.audit.record({ action: 'config.update', outcome: 'success', actor, detail: { reason, changed: false } });
      return { changed: false, diff: [], config: before, version: null };
    }
    await this.audit.record({
      action: 'config.update',
      outcome: 'attempt',
      actor,
      detail: { reason, diff: intended },
      before,
      after: proposed,
    });
    let after: BotConfig;
    try {
      after = await this.bridge.putExtension<BotConfig>('config', BOT_PATHS.config, { config: proposed }, actor.request?.correlationId);
    } catch (error) {
      await this.audit.record({
        action: 'config.update',
        outcome: 'failure',
        actor,
        detail: { reason, error: (error as Error).message },
        before,
      });
      throw error;
    }
    const diff = diffConfig(before, after);
    const row = await this.versions.append({
      createdAt: nowIso(),
      author: actor.name,
      reason,
      source,
      restoredFrom,
      config: JSON.stringify(after),
      diff: JSON.stringify(diff),
    });
    await this.audit.record({
      action: 'config.update',
      outcome: 'success',
      actor,
      target: `v${row.version}`,
      detail: { reason, diff },
      before,
      after,
    });
    if (diff.length > 0) {
      this.feed.announce({
        type: 'config_changed',
        timestamp: row.createdAt,
        data: { version: row.version, author: actor.name, reason, changed_keys: diff.map((change) => change.path) },
      });
    }
    return { changed: diff.length > 0, diff, config: after, version: row.version };
  }
}

function toDto(row: ConfigVersionEntity): ConfigVersionDto {
  return {
    version: row.version,
    created_at: row.createdAt,
    author: row.author,
    reason: row.reason,
    source: row.source,
    restored_from: row.restoredFrom,
    config: JSON.parse(row.config) as BotConfig,
    diff: JSON.parse(row.diff) as ConfigChange[],
  };
}
