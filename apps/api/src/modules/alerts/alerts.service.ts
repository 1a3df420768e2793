import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { ALERT_TYPES, can, Permission, type AlertRules } from '@dnb/contracts';
import type { Actor } from '../../common/auth/actor';
import { AppException } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import { AlertDeliveryService } from './alert-delivery.service';
import { AlertEngineService } from './alert-engine.service';
import { alertMessage } from './alert-messages';
import { AlertSettingsService, type ChannelInput } from './alert-settings.service';
import { AlertStore, type Delivery, type Silence, type StoredAlert } from './alert-store';
import type {
  AlertConfigDto,
  AlertDto,
  AlertHistoryQueryDto,
  DeliveryDto,
  SilenceDto,
  SilenceInputDto,
  UpdateAlertConfigDto,
} from './alerts.dto';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const MAX_SILENCE_MS = 30 * 86_400_000;

/** The alert routes' work: history with delivery status, acks, configuration, silences, dead letters. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly store: AlertStore,
    private readonly engine: AlertEngineService,
    private readonly delivery: AlertDeliveryService,
    private readonly settings: AlertSettingsService,
    private readonly audit: AuditService,
  ) {}

  async history(query: AlertHistoryQueryDto): Promise<{ alerts: AlertDto[]; next_cursor: string | null }> {
    const limit = query.limit ?? 100;
    const alerts = await this.store.list({ ...filterOf(query), before: decodeCursor(query.cursor), limit });
    const last = alerts.length === limit ? alerts.at(-1) : undefined;
    return { alerts: await this.views(alerts), next_cursor: last ? encodeCursor(last) : null };
  }

  /** Every matching alert, page by page (for exports). */
  async *all(query: AlertHistoryQueryDto): AsyncGenerator<Record<string, unknown>> {
    let before = decodeCursor(query.cursor);
    for (;;) {
      const page = await this.store.list({ ...filterOf(query), before, limit: 500 });
      for (const view of await this.views(page))
        yield { ...view, facts: view.facts, channels_sent: view.channels_sent.map((d) => `${d.channel}:${d.status}`).join(' ') };
      if (page.length < 500) return;
      const last = page.at(-1)!;
      before = { createdAt: last.createdAt, id: last.id };
    }
  }

  async one(id: string): Promise<AlertDto> {
    const alert = await this.store.get(id);
    if (!alert) throw new AppException(404, 'NOT_FOUND', `No alert ${id}`);
    return (await this.views([alert]))[0]!;
  }

  async acknowledge(id: string, actor: Actor): Promise<AlertDto> {
    const alert = await this.engine.acknowledge(id, actor);
    if (!alert) throw new AppException(404, 'NOT_FOUND', `No alert ${id}`);
    await this.audit.record({
      action: 'alert.ack',
      outcome: 'success',
      actor,
      target: id,
      detail: { type: alert.type, metric_key: alert.metricKey, level: alert.level },
    });
    return (await this.views([alert]))[0]!;
  }

  config(actor: Actor): AlertConfigDto {
    return {
      rules: this.settings.rules() as unknown as AlertConfigDto['rules'],
      ...(can(actor.role, Permission.AlertChannelsRead) ? { channels: this.settings.views() as AlertConfigDto['channels'] } : {}),
    };
  }

  async updateConfig(body: UpdateAlertConfigDto, actor: Actor): Promise<AlertConfigDto> {
    if (body.channels && !can(actor.role, Permission.AlertChannelsWrite)) {
      await this.audit.record({
        action: 'alert.config',
        outcome: 'denied',
        actor,
        statusCode: 403,
        detail: { reason: 'channels are admin-only' },
      });
      throw new AppException(
        403,
        'PERMISSION_DENIED',
        `your role (${actor.role}) lacks ${Permission.AlertChannelsWrite}: channels are admin-only`,
      );
    }
    if (!body.rules && !body.channels) throw AppException.validation([{ field: 'rules', messages: ['send rules, channels or both'] }]);
    const before = this.config(actor);
    if (body.rules) await this.settings.putRules(checkRules(body.rules as unknown as AlertRules), actor.name);
    if (body.channels) await this.settings.putChannels(body.channels as ChannelInput[], actor.name);
    const after = this.config(actor);
    // Views only: secrets are masked in both.
    await this.audit.record({
      action: 'alert.config',
      outcome: 'success',
      actor,
      detail: { changed: [body.rules && 'rules', body.channels && 'channels'].filter(Boolean) },
      before,
      after,
    });
    return after;
  }

  async test(channel: string, actor: Actor): Promise<{ channel: string; ok: boolean; status: number | null; error: string | null }> {
    const outcome = await this.delivery.sendTest(channel, actor.name);
    if (!outcome) throw new AppException(404, 'NOT_FOUND', `No channel ${channel}`);
    const answer = { channel, ok: outcome.ok, status: outcome.status, error: outcome.ok ? null : outcome.error };
    await this.audit.record({ action: 'alert.test', outcome: outcome.ok ? 'success' : 'failure', actor, target: channel, detail: answer });
    return answer;
  }

  async silences(): Promise<SilenceDto[]> {
    return (await this.store.currentSilences(Date.now())).map(silenceView);
  }

  async addSilence(input: SilenceInputDto, actor: Actor): Promise<SilenceDto> {
    const now = Date.now();
    const startsAt = input.starts_at ? Date.parse(input.starts_at) : now;
    const endsAt = Date.parse(input.ends_at);
    if (endsAt <= Math.max(startsAt, now))
      throw AppException.validation([{ field: 'ends_at', messages: ['must be after starts_at and in the future'] }]);
    if (endsAt - startsAt > MAX_SILENCE_MS)
      throw AppException.validation([{ field: 'ends_at', messages: ['a silence lasts at most 30 days'] }]);
    const silence = await this.store.addSilence({
      alertType: input.alert_type ?? null,
      positionId: input.position_id ?? null,
      asset: input.asset ?? null,
      startsAt,
      endsAt,
      reason: input.reason,
      author: actor.name,
      createdAt: now,
    });
    this.engine.silencesChanged();
    const view = silenceView(silence);
    await this.audit.record({ action: 'alert.silence.create', outcome: 'success', actor, target: silence.id, after: view });
    return view;
  }

  async endSilence(id: string, actor: Actor): Promise<void> {
    const silence = await this.store.getSilence(id);
    if (!silence || !(await this.store.endSilence(id, Date.now())))
      throw new AppException(404, 'NOT_FOUND', `No silence ${id} in force or scheduled`);
    this.engine.silencesChanged();
    await this.audit.record({ action: 'alert.silence.end', outcome: 'success', actor, target: id, before: silenceView(silence) });
  }

  async deadLetters(): Promise<DeliveryDto[]> {
    return (await this.store.deliveriesByStatus('dead', 500)).map(deliveryView);
  }

  async retry(id: string, actor: Actor): Promise<void> {
    if (!(await this.store.revive(id, Date.now()))) throw new AppException(404, 'NOT_FOUND', `No dead letter ${id}`);
    this.delivery.wake();
    await this.audit.record({ action: 'alert.delivery.retry', outcome: 'success', actor, target: id });
  }

  private async views(alerts: readonly StoredAlert[]): Promise<AlertDto[]> {
    const deliveries = await this.store.deliveriesOf(alerts.map((a) => a.id));
    return alerts.map((alert) => {
      const message = alertMessage(alert);
      return {
        id: alert.id,
        type: alert.type,
        severity: alert.severity,
        title: alert.title,
        message: message.lines.map(([label, value]) => `${label}: ${value}`).join('\n'),
        metric_key: alert.metricKey,
        level: alert.level,
        position_id: alert.positionId,
        asset: alert.asset,
        facts: alert.facts,
        created_at: iso(alert.createdAt)!,
        silenced_by: alert.silencedBy,
        acknowledged_at: iso(alert.acknowledgedAt),
        acknowledged_by: alert.acknowledgedBy,
        escalated_at: iso(alert.escalatedAt),
        channels_sent: deliveries.filter((d) => d.alertId === alert.id).map(deliveryView),
      };
    });
  }
}

function filterOf(query: AlertHistoryQueryDto) {
  return {
    type: query.type,
    severity: query.severity,
    positionId: query.position_id,
    asset: query.asset,
    from: query.from ? Date.parse(query.from) : undefined,
    to: query.to ? Date.parse(query.to) : undefined,
    acknowledged: query.acknowledged === undefined ? undefined : query.acknowledged === 'true',
  };
}

function encodeCursor(alert: StoredAlert): string {
  return Buffer.from(`${alert.createdAt}|${alert.id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { createdAt: number; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !/^\d+$/.test(at)) throw AppException.validation([{ field: 'cursor', messages: ['is not a cursor this API gave'] }]);
  return { createdAt: Number(at), id };
}

/** Rules the DTO cannot check alone: known alert types, integer throttles, levels in order. */
function checkRules(rules: AlertRules): AlertRules {
  const problems: Array<{ field: string; messages: string[] }> = [];
  for (const [type, on] of Object.entries(rules.enabled)) {
    if (!(ALERT_TYPES as readonly string[]).includes(type))
      problems.push({ field: `rules.enabled.${type}`, messages: ['is not an alert type'] });
    else if (typeof on !== 'boolean') problems.push({ field: `rules.enabled.${type}`, messages: ['must be true or false'] });
  }
  for (const [type, seconds] of Object.entries(rules.throttle_seconds)) {
    if (
      ![
        'funding_flip',
        'delta_drift',
        'lst_depeg',
        'circuit_breaker',
        'position_liquidation',
        'chain_outage',
        'transaction_failure',
      ].includes(type)
    ) {
      problems.push({
        field: `rules.throttle_seconds.${type}`,
        messages: ['has no throttle of its own (health levels are under rules.health)'],
      });
    } else if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) {
      problems.push({ field: `rules.throttle_seconds.${type}`, messages: ['must be an integer from 0 to 86400'] });
    }
  }
  const { warning, critical, emergency } = rules.health;
  for (const metric of ['health_factor_below', 'margin_fraction_below'] as const) {
    if (!(new Decimal(emergency[metric]).lessThan(critical[metric]) && new Decimal(critical[metric]).lessThan(warning[metric]))) {
      problems.push({ field: `rules.health.critical.${metric}`, messages: ['levels must tighten: emergency < critical < warning'] });
    }
  }
  if (problems.length) throw AppException.validation(problems);
  return rules;
}

function silenceView(s: Silence): SilenceDto {
  return {
    id: s.id,
    alert_type: s.alertType,
    position_id: s.positionId,
    asset: s.asset,
    starts_at: iso(s.startsAt)!,
    ends_at: iso(s.endsAt)!,
    reason: s.reason,
    author: s.author,
    created_at: iso(s.createdAt)!,
    ended_at: iso(s.endedAt),
  };
}

function deliveryView(d: Delivery): DeliveryDto {
  return {
    id: d.id,
    alert_id: d.alertId,
    channel: d.channel,
    purpose: d.purpose,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: iso(d.nextAttemptAt)!,
    last_error: d.lastError,
    last_status: d.lastStatus,
    sent_at: iso(d.sentAt),
  };
}
