import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ALERT_SEVERITIES, DEFAULT_ALERT_RULES, type AlertRules, type AlertSeverity } from '@dnb/contracts';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { AppException } from '../../common/errors/app.exception';
import { SecretBox } from '../../common/security/secret-box';
import type { ResolvedChannel } from './channels/channel-senders';
import { OutboundPolicy, OutboundRefusal } from './channels/outbound-url';
import { AlertStore } from './alert-store';

/** What the API shows in place of a stored secret. */
export const MASK = '********';

export type ChannelKind = ResolvedChannel['kind'];

/** A channel ready to send to, with its switches. */
export type ConfiguredChannel = ResolvedChannel & { enabled: boolean; escalation: boolean };

/** A channel as the API shows it: secrets masked, never their values. */
export interface ChannelView {
  name: string;
  kind: ChannelKind;
  source: 'env' | 'api';
  enabled: boolean;
  severities: AlertSeverity[];
  /** Receives the re-send of critical alerts nobody acknowledged in time. */
  escalation: boolean;
  url?: string;
  headers?: Record<string, string>;
  secret?: string | null;
  webhook_url?: string | null;
  bot_token?: string | null;
  chat_id?: string;
}

/** A channel as an admin sends it: a secret equal to MASK keeps the stored one. */
export type ChannelInput = Omit<ChannelView, 'source'>;

interface StoredChannel {
  name: string;
  kind: ChannelKind;
  enabled: boolean;
  severities: AlertSeverity[];
  escalation: boolean;
  url?: string;
  /** Header values sealed (they often carry tokens). */
  headers?: Record<string, string>;
  secret?: string;
  webhook_url?: string;
  bot_token?: string;
  chat_id?: string;
}

/**
 * The alert rules (operator+) and channels (admin), kept in alert_settings with every secret
 * sealed by SecretBox (AES-256-GCM, key from SECRETS_ENCRYPTION_KEY), plus the channels the
 * environment defines (TELEGRAM_BOT_TOKEN/..., read-only here). Read once, then from memory.
 */
@Injectable()
export class AlertSettingsService implements OnModuleInit {
  readonly policy: OutboundPolicy;
  private rulesNow: AlertRules = DEFAULT_ALERT_RULES;
  private stored: StoredChannel[] = [];
  /** The environment's channels, sealed once like stored ones so both are handled alike. */
  private readonly fromEnv: StoredChannel[];

  constructor(
    private readonly store: AlertStore,
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.policy = new OutboundPolicy(config.alerts.allowedHosts);
    this.fromEnv = this.envChannels();
  }

  async onModuleInit(): Promise<void> {
    const rules = await this.store.setting('rules');
    if (rules) this.rulesNow = mergeRules(JSON.parse(rules) as Partial<AlertRules>);
    const channels = await this.store.setting('channels');
    if (channels) this.stored = JSON.parse(channels) as StoredChannel[];
  }

  rules(): AlertRules {
    return this.rulesNow;
  }

  async putRules(rules: AlertRules, by: string): Promise<AlertRules> {
    const merged = mergeRules(rules);
    await this.store.putSetting('rules', JSON.stringify(merged), by, Date.now());
    this.rulesNow = merged;
    return merged;
  }

  /** Every channel, secrets masked. */
  views(): ChannelView[] {
    return [...this.fromEnv.map((c) => view(c, 'env')), ...this.stored.map((c) => view(c, 'api'))];
  }

  /** Replaces the API-defined channels (validated; URLs through the outbound policy; secrets sealed). */
  async putChannels(inputs: readonly ChannelInput[], by: string): Promise<ChannelView[]> {
    const envNames = new Set(this.fromEnv.map((c) => c.name));
    const names = new Set<string>();
    const next: StoredChannel[] = [];
    for (const [i, input] of inputs.entries()) {
      const field = (name: string) => `channels.${i}.${name}`;
      if (envNames.has(input.name)) throw invalid(field('name'), `"${input.name}" is defined by the environment`);
      if (names.has(input.name)) throw invalid(field('name'), `"${input.name}" is used twice`);
      names.add(input.name);
      const before = this.stored.find((c) => c.name === input.name && c.kind === input.kind);
      next.push(this.toStored(input, before, field));
    }
    await this.store.putSetting('channels', JSON.stringify(next), by, Date.now());
    this.stored = next;
    return this.views();
  }

  /** Enabled channels whose severity filter takes this severity, secrets opened. */
  channelsFor(severity: AlertSeverity): ConfiguredChannel[] {
    return this.resolved().filter((c) => c.enabled && c.severities.includes(severity));
  }

  /** Where an unacknowledged critical alert goes again: the escalation channels, or else every critical channel. */
  escalationChannels(): ConfiguredChannel[] {
    const critical = this.channelsFor('critical');
    const marked = critical.filter((c) => c.escalation);
    return marked.length ? marked : critical;
  }

  /** A channel by name (enabled or not), secrets opened; undefined when there is none. */
  channel(name: string): ConfiguredChannel | undefined {
    return this.resolved().find((c) => c.name === name);
  }

  private resolved(): ConfiguredChannel[] {
    return [...this.fromEnv, ...this.stored].map((c) => this.open(c));
  }

  private envChannels(): StoredChannel[] {
    const env = this.config.alerts.env;
    const all: AlertSeverity[] = [...ALERT_SEVERITIES];
    const channels: StoredChannel[] = [];
    // Spec 6.2's defaults: the webhook gets critical and warning, Telegram everything, Discord critical.
    if (env.webhook)
      channels.push({
        name: 'env-webhook',
        kind: 'webhook',
        enabled: true,
        severities: ['critical', 'warning'],
        escalation: false,
        url: env.webhook.url,
        ...(env.webhook.secret ? { secret: this.box.seal(env.webhook.secret) } : {}),
      });
    if (env.telegram)
      channels.push({
        name: 'env-telegram',
        kind: 'telegram',
        enabled: true,
        severities: all,
        escalation: false,
        bot_token: this.box.seal(env.telegram.botToken),
        chat_id: env.telegram.chatId,
      });
    if (env.discord)
      channels.push({
        name: 'env-discord',
        kind: 'discord',
        enabled: true,
        severities: ['critical'],
        escalation: false,
        webhook_url: this.box.seal(env.discord.webhookUrl),
      });
    return channels;
  }

  private open(c: StoredChannel): ConfiguredChannel {
    const base = { name: c.name, severities: c.severities, enabled: c.enabled, escalation: c.escalation };
    switch (c.kind) {
      case 'webhook':
        return {
          ...base,
          kind: 'webhook',
          url: c.url ?? '',
          headers: Object.fromEntries(Object.entries(c.headers ?? {}).map(([k, v]) => [k, this.box.open(v)])),
          secret: c.secret ? this.box.open(c.secret) : null,
        };
      case 'discord':
        return { ...base, kind: 'discord', webhookUrl: c.webhook_url ? this.box.open(c.webhook_url) : '' };
      case 'telegram':
        return { ...base, kind: 'telegram', botToken: c.bot_token ? this.box.open(c.bot_token) : '', chatId: c.chat_id ?? '' };
    }
  }

  private toStored(input: ChannelInput, before: StoredChannel | undefined, field: (name: string) => string): StoredChannel {
    const base = {
      name: input.name,
      kind: input.kind,
      enabled: input.enabled,
      severities: [...new Set(input.severities)],
      escalation: input.escalation,
    };
    // MASK keeps what is stored; anything else replaces it.
    const secret = (value: string | null | undefined, stored: string | undefined, name: string, required: boolean): string | undefined => {
      if (value === MASK) {
        if (!stored) throw invalid(field(name), 'there is no stored value to keep');
        return stored;
      }
      if (value === undefined || value === null || value === '') {
        if (required) throw invalid(field(name), 'is required');
        return undefined;
      }
      return this.box.seal(value);
    };
    switch (input.kind) {
      case 'webhook': {
        if (!input.url) throw invalid(field('url'), 'is required for a webhook');
        this.checkUrl(input.url, field('url'));
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(input.headers ?? {})) {
          if (!/^[A-Za-z0-9-]{1,64}$/.test(name)) throw invalid(field(`headers.${name}`), 'is not a valid header name');
          headers[name] = secret(value, before?.headers?.[name], `headers.${name}`, true)!;
        }
        return { ...base, url: input.url, headers, ...optional('secret', secret(input.secret, before?.secret, 'secret', false)) };
      }
      case 'discord': {
        const sealed = secret(input.webhook_url, before?.webhook_url, 'webhook_url', true)!;
        if (input.webhook_url !== MASK) this.checkUrl(input.webhook_url!, field('webhook_url'));
        return { ...base, webhook_url: sealed };
      }
      case 'telegram': {
        if (input.bot_token && input.bot_token !== MASK && !/^\d+:[A-Za-z0-9_-]+$/.test(input.bot_token)) {
          throw invalid(field('bot_token'), 'must look like 123456:ABC-DEF...');
        }
        if (!input.chat_id || !/^-?\d+$|^@\w+$/.test(input.chat_id))
          throw invalid(field('chat_id'), 'must be a numeric chat id or @channel');
        return { ...base, bot_token: secret(input.bot_token, before?.bot_token, 'bot_token', true)!, chat_id: input.chat_id };
      }
    }
  }

  private checkUrl(url: string, field: string): void {
    try {
      this.policy.check(url);
    } catch (error) {
      if (error instanceof OutboundRefusal) throw invalid(field, error.message);
      throw error;
    }
  }
}

function view(c: StoredChannel, source: 'env' | 'api'): ChannelView {
  const masked = (value: string | undefined) => (value ? MASK : null);
  const base: ChannelView = { name: c.name, kind: c.kind, source, enabled: c.enabled, severities: c.severities, escalation: c.escalation };
  switch (c.kind) {
    case 'webhook':
      return {
        ...base,
        url: c.url,
        headers: Object.fromEntries(Object.keys(c.headers ?? {}).map((k) => [k, MASK])),
        secret: masked(c.secret),
      };
    case 'discord':
      return { ...base, webhook_url: masked(c.webhook_url) };
    case 'telegram':
      return { ...base, bot_token: masked(c.bot_token), chat_id: c.chat_id };
  }
}

/** Stored or sent rules over the defaults, so rules saved before a new alert type existed still cover it. */
function mergeRules(rules: Partial<AlertRules>): AlertRules {
  return {
    enabled: { ...DEFAULT_ALERT_RULES.enabled, ...rules.enabled },
    health: { ...DEFAULT_ALERT_RULES.health, ...rules.health },
    delta_drift_above: rules.delta_drift_above ?? DEFAULT_ALERT_RULES.delta_drift_above,
    throttle_seconds: { ...DEFAULT_ALERT_RULES.throttle_seconds, ...rules.throttle_seconds },
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function invalid(field: string, message: string): AppException {
  return AppException.validation([{ field, messages: [message] }]);
}
