import { describe, expect, it } from 'vitest';
import { LeaderLease, type LockConnection } from './leader-lease';

/** One advisory lock shared by fake sessions, as PostgreSQL holds it: freed when its session ends. */
class FakeLockServer {
  holder: FakeSession | null = null;
  epoch = 0;

  session(): FakeSession {
    return new FakeSession(this);
  }
}

class FakeSession implements LockConnection {
  closed = false;
  pingFails = false;
  private lostListeners: Array<(reason: string) => void> = [];

  constructor(private readonly server: FakeLockServer) {}

  tryLock(): Promise<boolean> {
    if (this.closed) return Promise.reject(new Error('closed'));
    if (this.server.holder && this.server.holder !== this) return Promise.resolve(false);
    this.server.holder = this;
    return Promise.resolve(true);
  }

  bumpEpoch(): Promise<number> {
    return Promise.resolve(++this.server.epoch);
  }

  ping(): Promise<void> {
    return this.pingFails ? new Promise(() => undefined) : Promise.resolve();
  }

  onLost(listener: (reason: string) => void): void {
    this.lostListeners.push(listener);
  }

  /** The process died (kill -9): the server ends the session and frees its lock. */
  crash(): void {
    this.end();
    for (const listener of this.lostListeners) listener('connection reset');
  }

  close(): Promise<void> {
    this.end();
    return Promise.resolve();
  }

  private end(): void {
    this.closed = true;
    if (this.server.holder === this) this.server.holder = null;
  }
}

function replica(server: FakeLockServer, name: string) {
  const sessions: FakeSession[] = [];
  const log: string[] = [];
  const lease = new LeaderLease(
    () => {
      const session = server.session();
      sessions.push(session);
      return Promise.resolve(session);
    },
    { acquired: (epoch) => void log.push(`lead ${epoch}`), lost: (reason) => void log.push(`lost: ${reason}`) },
    { retryMs: 10_000, checkTimeoutMs: 50, holder: name },
  );
  return { lease, log, session: () => sessions.at(-1)! };
}

describe(LeaderLease.name, () => {
  it('lets exactly one replica lead, with a new epoch', async () => {
    const server = new FakeLockServer();
    const a = replica(server, 'a');
    const b = replica(server, 'b');
    await a.lease.tick();
    await b.lease.tick();
    await b.lease.tick();
    expect(a.lease.isLeading()).toBe(true);
    expect(b.lease.isLeading()).toBe(false);
    expect(a.log).toEqual(['lead 1']);
    expect(b.log).toEqual([]);
  });

  it('hands the lead to a follower on its next turn once the leader session dies, with a higher epoch', async () => {
    const server = new FakeLockServer();
    const a = replica(server, 'a');
    const b = replica(server, 'b');
    await a.lease.tick();
    await b.lease.tick();
    a.session().crash();
    expect(a.lease.isLeading()).toBe(false);
    expect(a.log).toEqual(['lead 1', 'lost: connection reset']);
    await b.lease.tick();
    expect(b.lease.isLeading()).toBe(true);
    expect(b.log).toEqual(['lead 2']);
    // The old leader comes back as a follower: a new session, no lock.
    await a.lease.tick();
    expect(a.lease.isLeading()).toBe(false);
    expect(a.session().closed).toBe(false);
  });

  it('steps down when its session stops answering (a slow check counts as lost) and closes it, freeing the lock', async () => {
    const server = new FakeLockServer();
    const a = replica(server, 'a');
    await a.lease.tick();
    a.session().pingFails = true;
    await a.lease.tick();
    expect(a.lease.isLeading()).toBe(false);
    expect(a.log.at(-1)).toMatch(/^lost: lease check failed: no answer within 50 ms/);
    expect(server.holder).toBeNull();
  });

  it('resigns when fenced, and releases the lock on stop', async () => {
    const server = new FakeLockServer();
    const a = replica(server, 'a');
    const b = replica(server, 'b');
    await a.lease.tick();
    await a.lease.resign('fenced');
    expect(a.log).toEqual(['lead 1', 'lost: fenced']);
    await b.lease.tick();
    expect(b.log).toEqual(['lead 2']);
    await b.lease.stop();
    expect(b.log.at(-1)).toBe('lost: stopping');
    expect(server.holder).toBeNull();
  });
});
