import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { Metrics } from '../../common/metrics/metrics';

/** The bot answers at most this much; anything larger is refused unread (untrusted input). */
export const MAX_BOT_RESPONSE_BYTES = 1024 * 1024;

export type BotFailureKind = 'unreachable' | 'timeout' | 'too_large' | 'invalid_body';

/** A bot call that did not produce a usable HTTP answer. */
export class BotCallError extends Error {
  constructor(
    readonly kind: BotFailureKind,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'BotCallError';
  }
}

export interface BotResponse {
  status: number;
  /** Parsed JSON body. */
  body: unknown;
  durationMs: number;
}

export interface BotRequest {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  timeoutMs: number;
  /** /health needs no key; every /internal path does. */
  authenticated?: boolean;
  /** The request this call serves; sent as X-Correlation-Id so the bot's logs can be joined to ours. */
  correlationId?: string;
}

/**
 * The HTTP client for the bot's private API: Bearer key, correlation id forwarded, a hard
 * timeout covering connect and body, and a size cap. The only code that sends to the bot.
 */
@Injectable()
export class BotHttpClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  async request(path: string, options: BotRequest): Promise<BotResponse> {
    const started = performance.now();
    try {
      const response = await this.send(path, options, started);
      this.metrics?.observeBotCall(path, response.status < 400 ? 'ok' : `http_${response.status}`, response.durationMs / 1000);
      return response;
    } catch (error) {
      const outcome = error instanceof BotCallError ? error.kind : 'error';
      this.metrics?.observeBotCall(path, outcome, (performance.now() - started) / 1000);
      throw error;
    }
  }

  private async send(path: string, options: BotRequest, started: number): Promise<BotResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.authenticated !== false) headers.authorization = `Bearer ${this.config.bot.adminKey}`;
    if (options.correlationId) headers['x-correlation-id'] = options.correlationId;
    if (options.body !== undefined) headers['content-type'] = 'application/json';

    const signal = AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    try {
      response = await fetch(`${this.config.bot.apiUrl}${path}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal,
        redirect: 'error',
      });
    } catch (error) {
      throw this.failure(error, path, options.timeoutMs, signal);
    }
    let text: string;
    try {
      text = await readCapped(response, MAX_BOT_RESPONSE_BYTES, path);
    } catch (error) {
      if (error instanceof BotCallError) throw error;
      throw this.failure(error, path, options.timeoutMs, signal);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new BotCallError('invalid_body', `bot answered ${path} with a body that is not JSON`, path);
    }
    return { status: response.status, body, durationMs: performance.now() - started };
  }

  private failure(error: unknown, path: string, timeoutMs: number, signal: AbortSignal): BotCallError {
    if (signal.aborted) return new BotCallError('timeout', `bot did not answer ${path} within ${timeoutMs} ms`, path);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    return new BotCallError('unreachable', `bot unreachable on ${path}: ${reason}`, path);
  }
}

async function readCapped(response: Response, limit: number, path: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await response.body?.cancel();
    throw new BotCallError('too_large', `bot answer to ${path} is ${declared} bytes (limit ${limit})`, path);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BotCallError('too_large', `bot answer to ${path} exceeds ${limit} bytes`, path);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
