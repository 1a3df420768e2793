import { createHmac } from 'node:crypto';
import { Api, GrammyError, HttpError } from 'grammy';
import type { AlertSeverity } from '@dnb/contracts';
import { discordBody, telegramHtml, webhookBody } from '../alert-formats';
import type { AlertForMessage } from '../alert-messages';
import { failure, outcomeOfStatus, type DeliveryOutcome } from './delivery-outcome';
import { postJson } from './outbound-http';
import { OutboundRefusal, type OutboundPolicy } from './outbound-url';

/** A channel with its secrets decrypted, ready to send (never leaves the API). */
export type ResolvedChannel =
  | {
      kind: 'webhook';
      name: string;
      severities: readonly AlertSeverity[];
      url: string;
      headers: Readonly<Record<string, string>>;
      secret: string | null;
    }
  | { kind: 'discord'; name: string; severities: readonly AlertSeverity[]; webhookUrl: string }
  | { kind: 'telegram'; name: string; severities: readonly AlertSeverity[]; botToken: string; chatId: string };

/** Headers a channel's custom headers may not replace. */
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'host',
  'user-agent',
  'x-dnb-signature',
  'x-dnb-timestamp',
  'x-dnb-alert-id',
]);

export interface SenderOptions {
  policy: OutboundPolicy;
  timeoutMs: number;
  /** Telegram Bot API root (https://api.telegram.org by default; a local fake in tests). */
  telegramApiRoot: string;
}

/** Sends one alert to one channel and says how it went; never throws. */
export class ChannelSenders {
  private readonly telegramApis = new Map<string, Api>();

  constructor(private readonly options: SenderOptions) {}

  async send(alert: AlertForMessage, channel: ResolvedChannel): Promise<DeliveryOutcome> {
    try {
      switch (channel.kind) {
        case 'webhook':
          return await this.webhook(alert, channel);
        case 'discord':
          return await this.discord(alert, channel);
        case 'telegram':
          return await this.telegram(alert, channel);
      }
    } catch (error) {
      if (error instanceof OutboundRefusal) return failure(error.message, false);
      return failure(describe(error), true);
    }
  }

  /**
   * JSON with an HMAC-SHA256 signature over "<timestamp>.<body>" (X-DNB-Signature: sha256=<hex>,
   * X-DNB-Timestamp in epoch seconds), so a receiver can check origin and freshness.
   */
  private async webhook(alert: AlertForMessage, channel: Extract<ResolvedChannel, { kind: 'webhook' }>): Promise<DeliveryOutcome> {
    const body = JSON.stringify(webhookBody(alert));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(channel.headers)) if (!RESERVED_HEADERS.has(name.toLowerCase())) headers[name] = value;
    headers['x-dnb-alert-id'] = alert.id;
    headers['x-dnb-timestamp'] = timestamp;
    if (channel.secret) headers['x-dnb-signature'] = `sha256=${signature(channel.secret, timestamp, body)}`;
    const res = await postJson(this.options.policy, channel.url, body, headers, this.options.timeoutMs);
    return outcomeOfStatus(res.status, header(res.headers['retry-after']), res.body);
  }

  private async discord(alert: AlertForMessage, channel: Extract<ResolvedChannel, { kind: 'discord' }>): Promise<DeliveryOutcome> {
    const url = new URL(channel.webhookUrl);
    url.searchParams.set('wait', 'true');
    const res = await postJson(this.options.policy, url.toString(), JSON.stringify(discordBody(alert)), {}, this.options.timeoutMs);
    // Discord puts the wait in the JSON body (seconds, fractional) as well as in Retry-After.
    let retryAfter = header(res.headers['retry-after']);
    if (res.status === 429) {
      try {
        const seconds = (JSON.parse(res.body) as { retry_after?: unknown }).retry_after;
        if (typeof seconds === 'number' && seconds >= 0) retryAfter = String(Math.ceil(seconds));
      } catch {
        // keep the header's value
      }
    }
    return outcomeOfStatus(res.status, retryAfter, res.body);
  }

  /** grammY's Api client, HTML parse mode, to the configured chat. */
  private async telegram(alert: AlertForMessage, channel: Extract<ResolvedChannel, { kind: 'telegram' }>): Promise<DeliveryOutcome> {
    try {
      await this.telegramApi(channel.botToken).sendMessage(channel.chatId, telegramHtml(alert), {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      });
      return { ok: true, status: 200 };
    } catch (error) {
      if (error instanceof GrammyError) {
        const wait = error.parameters.retry_after;
        const outcome = outcomeOfStatus(error.error_code, wait === undefined ? undefined : String(wait), error.description);
        return outcome;
      }
      if (error instanceof HttpError) return failure(`Telegram unreachable: ${describe(error.error)}`, true);
      throw error;
    }
  }

  private telegramApi(token: string): Api {
    let api = this.telegramApis.get(token);
    if (!api) {
      api = new Api(token, { apiRoot: this.options.telegramApiRoot, timeoutSeconds: Math.ceil(this.options.timeoutMs / 1000) });
      this.telegramApis.set(token, api);
    }
    return api;
  }
}

export function signature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return (error as { code?: string }).code ? `${(error as { code?: string }).code}: ${error.message}` : error.message;
  return String(error);
}
