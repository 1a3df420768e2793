import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ThrottlerGuard, ThrottlerStorageService, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../auth/actor';
import { RouteMetadata } from '../auth/route-metadata';
import { ActorThrottlerGuard } from './actor-throttler.guard';
import { ControlRateLimit, throttlerOptions } from './rate-limits';
import { InMemoryThrottlerStorage } from './throttler-storage';

/** The library guard, as it was used before the synchronous path: same tracker and key. */
class LibraryGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const actor = req.actor as Actor | undefined;
    return Promise.resolve(actor ? `${actor.kind}:${actor.id}` : `ip:${String(req.ip)}`);
  }
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }
}

class Routes {
  read(): void {}
  @ControlRateLimit()
  pause(): void {}
}

interface Outcome {
  result?: boolean;
  error?: { name: string; message: string; status?: number };
  headers: Record<string, unknown>;
}

async function outcomeOf(
  guard: { canActivate(context: ExecutionContext): unknown },
  request: Record<string, unknown>,
  handler: () => void,
) {
  const headers: Record<string, unknown> = {};
  const reply = { header: (name: string, value: unknown) => ((headers[name] = value), reply) };
  const context = new ExecutionContextHost([request, reply, undefined], Routes, handler);
  context.setType('http');
  const outcome: Outcome = { headers };
  try {
    outcome.result = (await guard.canActivate(context)) as boolean;
  } catch (error) {
    const e = error as Error & { getStatus?: () => number };
    outcome.error = { name: e.name, message: e.message, status: e.getStatus?.() };
  }
  return outcome;
}

describe(ActorThrottlerGuard.name, () => {
  afterEach(() => vi.useRealTimers());

  it('counts, sets headers and refuses exactly like the library guard', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const options = (): ThrottlerModuleOptions => ({ ...throttlerOptions(7, 1), storage: undefined });
    const reference = new LibraryGuard(options(), new ThrottlerStorageService(), new Reflector());
    const ours = new ActorThrottlerGuard(options(), new InMemoryThrottlerStorage(), new RouteMetadata());
    await reference.onModuleInit();
    await ours.onModuleInit();

    const viewer: Actor = { kind: 'user', id: 'u1', name: 'v', role: 'viewer' };
    const operator: Actor = { kind: 'user', id: 'u2', name: 'o', role: 'operator' };
    const callers = [{ ip: '10.0.0.1' }, { ip: '10.0.0.2', actor: viewer }, { ip: '10.0.0.3', actor: operator }];
    const handlers = [Routes.prototype.read, Routes.prototype.pause];
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    let refused = 0;
    for (let i = 0; i < 1_500; i++) {
      const caller = callers[Math.floor(random() * callers.length)];
      const handler = handlers[random() < 0.2 ? 1 : 0];
      if (random() < 0.01) vi.advanceTimersByTime(Math.floor(random() * 70_000));
      const expected = await outcomeOf(reference, { ...caller }, handler);
      const actual = await outcomeOf(ours, { ...caller }, handler);
      expect(actual, `request ${i}`).toEqual(expected);
      if (expected.error) refused++;
    }
    // The sequence really exercised the limits (anonymous 7/min, viewer 100/min, control 10/min).
    expect(refused).toBeGreaterThan(100);
  });
});
