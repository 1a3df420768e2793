import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Local HTTP servers that speak what alert channels talk to: a generic webhook / Discord
// receiver, and the Telegram Bot API (for the real grammY client). Only these are faked: the
// services themselves cannot run here.

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface Sink {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** How to answer the n-th request (0-based); 204 by default. */
  respond(fn: (request: RecordedRequest, n: number) => Reply): void;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function readBody(req: import('node:http').IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A webhook or Discord receiver that records every request. */
export async function startSink(): Promise<Sink> {
  const requests: RecordedRequest[] = [];
  let responder: (request: RecordedRequest, n: number) => Reply = () => ({ status: 204 });
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, at: Date.now() };
      requests.push(recorded);
      const reply = responder(recorded, requests.length - 1);
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body ?? '');
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    respond: (fn) => (responder = fn),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface TelegramMessage {
  token: string;
  chat_id: string;
  text: string;
  parse_mode?: string;
  at: number;
}

export interface FakeTelegram {
  apiRoot: string;
  messages: TelegramMessage[];
  /** A user writes `text` in a chat: delivered to the bot's next getUpdates. */
  userWrites(chatId: number, fromId: number, text: string): void;
  /** Answers the next n sendMessage calls with this Bot API error (e.g. 429 with retry_after). */
  failNext(n: number, errorCode: number, description: string, retryAfter?: number): void;
  close(): Promise<void>;
}

/** The parts of the Telegram Bot API the control center uses, at http://127.0.0.1:<port>/bot<token>/<method>. */
export async function startFakeTelegram(): Promise<FakeTelegram> {
  const messages: TelegramMessage[] = [];
  const updates: Array<{ update_id: number; message: Record<string, unknown> }> = [];
  const waiting = new Set<() => void>();
  let failures: Array<{ errorCode: number; description: string; retryAfter?: number }> = [];
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (!match) return answer(404, { ok: false, error_code: 404, description: 'Not Found' });
      const [, token, method] = match;
      const params = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      if (method === 'getMe') return answer(200, { ok: true, result: { id: 1, is_bot: true, first_name: 'fake', username: 'fake_bot' } });
      if (method === 'deleteWebhook' || method === 'setMyCommands') return answer(200, { ok: true, result: true });
      if (method === 'getUpdates') {
        // Long polling as Telegram does it: answer at once if updates past `offset` wait, else hold up to `timeout` s.
        const offset = Number(params.offset ?? 0);
        const pending = () => updates.filter((u) => u.update_id >= offset);
        const reply = () => answer(200, { ok: true, result: pending() });
        if (pending().length || !params.timeout) return reply();
        const wake = () => {
          waiting.delete(wake);
          clearTimeout(timer);
          if (!res.writableEnded) reply();
        };
        const timer = setTimeout(wake, Math.min(Number(params.timeout), 5) * 1000);
        waiting.add(wake);
        req.on('close', () => {
          waiting.delete(wake);
          clearTimeout(timer);
        });
        return undefined;
      }
      if (method === 'sendMessage') {
        const failure = failures.shift();
        if (failure) {
          return answer(failure.errorCode, {
            ok: false,
            error_code: failure.errorCode,
            description: failure.description,
            ...(failure.retryAfter === undefined ? {} : { parameters: { retry_after: failure.retryAfter } }),
          });
        }
        messages.push({
          token: token!,
          chat_id: String(params.chat_id),
          text: String(params.text),
          parse_mode: params.parse_mode as string | undefined,
          at: Date.now(),
        });
        return answer(200, {
          ok: true,
          result: {
            message_id: messages.length,
            date: Math.floor(Date.now() / 1000),
            chat: { id: Number(params.chat_id), type: 'group' },
            text: params.text,
          },
        });
      }
      return answer(404, { ok: false, error_code: 404, description: `Not Found: method ${method}` });
    });
  });
  const port = await listen(server);
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    messages,
    userWrites: (chatId, fromId, text) => {
      const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] : [];
      updates.push({
        update_id: updates.length + 1,
        message: {
          message_id: 1000 + updates.length,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: chatId < 0 ? 'group' : 'private' },
          from: { id: fromId, is_bot: false, first_name: `user${fromId}` },
          text,
          entities,
        },
      });
      for (const wake of [...waiting]) wake();
    },
    failNext: (n, errorCode, description, retryAfter) => {
      failures = Array.from({ length: n }, () => ({ errorCode, description, retryAfter }));
    },
    close: () => {
      for (const wake of [...waiting]) wake();
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
