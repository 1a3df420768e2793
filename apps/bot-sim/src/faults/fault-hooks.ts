import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FaultView } from '../control/control.types';
import type { FaultInjector } from './fault-injector';

const GARBAGE = '<html><head><title>502 Bad Gateway</title></head><body>\u0000\u00ff upstream sent {"detail": garbage';
const DEFAULT_OVERSIZE_BYTES = 3 * 1024 * 1024;

/**
 * Applies the bot port's request faults: latency first, then at most one of hang, 500,
 * garbage (decided on arrival) or a truncated / oversized body (applied to the real
 * answer on its way out).
 */
export function installFaultHooks(app: FastifyInstance, faults: FaultInjector, hung: Set<Socket>): void {
  const bodyFaults = new WeakMap<FastifyRequest, FaultView>();

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const delay = faults.latencyFor(path);
    if (delay > 0) await sleep(delay);
    const fault = faults.take(['hang', 'http500', 'garbage', 'truncated', 'oversized'], path);
    if (!fault) return;
    request.log.warn({ fault: fault.type, faultId: fault.id }, 'fault applied');
    switch (fault.type) {
      case 'hang': {
        const socket = request.raw.socket;
        hung.add(socket);
        socket.once('close', () => hung.delete(socket));
        return new Promise<void>(() => undefined); // never answers; the client's timeout must fire
      }
      case 'http500':
        // What uvicorn sends for an unhandled exception.
        return reply.code(500).type('text/plain; charset=utf-8').send('Internal Server Error');
      case 'garbage':
        return reply.code(200).type('application/json').send(GARBAGE);
      default:
        bodyFaults.set(request, fault);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const fault = bodyFaults.get(request);
    if (!fault || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const text = payload.toString();
    if (fault.type === 'oversized') return oversize(text, request.url.split('?')[0]!, fault.bytes ?? DEFAULT_OVERSIZE_BYTES);
    const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    if (fault.mode === 'chunked') {
      reply.removeHeader('content-length');
      return Readable.from([Buffer.from(cut)]);
    }
    if (fault.mode === 'abort') {
      reply.header('content-length', Buffer.byteLength(text));
      return abortAfter(cut);
    }
    return cut;
  });
}

/** Valid JSON past the size: more positions for the positions map, a padding field elsewhere. */
export function oversize(text: string, path: string, bytes: number): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return text;
  const record = body as Record<string, unknown>;
  if (path === '/internal/positions') {
    const template = Object.values(record)[0] ?? { position_id: 'pos_00000000000000', status: 'open' };
    const entry = JSON.stringify(template).length + 30;
    const copies = Math.ceil(bytes / entry) + 1;
    for (let i = 1; i <= copies; i++) {
      const id = `pos_padding${String(i).padStart(8, '0')}`;
      record[id] = { ...(template as object), position_id: id };
    }
    return JSON.stringify(record);
  }
  record['_padding'] = 'x'.repeat(bytes);
  return JSON.stringify(record);
}

/** Sends the first part, then cuts the connection short of the announced Content-Length. */
function abortAfter(cut: string): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(Buffer.from(cut));
        return;
      }
      setTimeout(() => this.destroy(new Error('truncated by fault injection')), 20);
    },
  });
}
