import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FeedEvent } from '@dnb/contracts';
import { Client, login, loginRequest, refreshRequest, withPg, type Session } from '../support/auth';
import { FeedTestClient } from '../support/feed-client';
import { getJson, waitFor } from '../support/process';
import { startReplicaSet, type ReplicaSet } from '../support/replicas';

/**
 * Issue 9, "done when": PostgreSQL, Redis and Caddy from Debian's packages, two API replicas,
 * the simulator; 200 feed clients spread over both replicas through Caddy while events flow;
 * kill -9 of the leader: the other replica leads within 5 s, the clients reconnect through
 * Caddy and catch up with 0 gaps and 0 duplicates; control through either replica; rate
 * limits counted across replicas.
 */

const CLIENTS = 200;
const TAKEOVER_BUDGET_MS = 5000;
const ENV = {
  BOT_POLL_MS: '200',
  WS_BATCH_MS: '100',
  WS_HEARTBEAT_MS: '1000',
  MAX_WS_CONNECTIONS: '1000',
  MAX_WS_CONNECTIONS_PER_USER: '1000',
  LOG_LEVEL: 'warn',
};

interface SocketStats {
  connections: number;
}

async function connectionsOf(url: string): Promise<number> {
  const res = await getJson(`${url}/api/v1/health`);
  const feed = (res?.body as { checks?: { feed?: { detail?: { sockets?: SocketStats } } } } | undefined)?.checks?.feed;
  return feed?.detail?.sockets?.connections ?? -1;
}

async function currentSeq(url: string): Promise<number> {
  const res = await getJson(`${url}/api/v1/health`);
  const log = (res?.body as { checks?: { feed?: { detail?: { event_log?: { current_seq: number } } } } } | undefined)?.checks?.feed;
  return log?.detail?.event_log?.current_seq ?? -1;
}

describe('replicas behind Caddy: one leader, failover within 5 s, a gapless feed on every replica', () => {
  let set: ReplicaSet;
  let admin: Session;
  const clients: FeedTestClient[] = [];
  let seenPause = 0;

  /** Pauses entry through one replica, checks every client gets the change in seq order, then resumes through another. */
  async function pauseAndResume(pauseVia: string, resumeVia: string, label: string): Promise<void> {
    const reason = `${label} ${++seenPause}`;
    const pause = await new Client(pauseVia).call<{ success?: boolean }>('POST', '/api/v1/control/pause', {
      token: admin.accessToken,
      body: { reason, scope: 'entry' },
    });
    expect(pause.status, pause.text).toBe(200);
    await waitFor(
      `every client sees the pause "${reason}"`,
      async () => clients.every((c) => c.state.pause_state?.paused === true && c.state.pause_state.reason?.includes(reason)),
      { timeoutMs: 10_000 },
    );
    const resume = await new Client(resumeVia).call('POST', '/api/v1/control/resume', {
      token: admin.accessToken,
      body: { reason: `${label}: resume` },
    });
    expect(resume.status, resume.text).toBe(200);
    await waitFor('every client sees the resume', async () => clients.every((c) => c.state.pause_state?.paused === false), {
      timeoutMs: 10_000,
    });
  }

  beforeAll(async () => {
    set = await startReplicaSet(inject('databaseUrl'), { sim: { initialPositions: 3, tickMs: 100, incidents: false }, env: ENV });
    admin = await login(new Client(set.proxy.url), 'admin', set.adminPassword, { xff: '198.51.100.1' });
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await set?.stop();
  });

  it('elects exactly one leader; the other follows', async () => {
    const leader = await set.leader();
    const roles = await Promise.all(set.apis.map((api) => set.role(api)));
    expect(roles.map((r) => r?.role).sort()).toEqual(['follower', 'leader']);
    expect(roles[leader]).toMatchObject({ role: 'leader', clustered: true });
    expect(roles[leader]!.epoch).toBeGreaterThan(0);
    // Prometheus sees the same on each replica.
    const gauges = await Promise.all(
      set.apis.map(async (api) => {
        const res = await new Client(api.url).call('GET', '/metrics', { token: admin.accessToken });
        return /^dnb_cluster_leader (\d)$/m.exec(res.text)?.[1];
      }),
    );
    expect(gauges).toEqual(set.apis.map((_, i) => (i === leader ? '1' : '0')));
  });

  it(`spreads ${CLIENTS} feed clients over both replicas through Caddy, each with the same contiguous stream`, async () => {
    for (let i = 0; i < CLIENTS; i++) {
      const c = new FeedTestClient(set.proxy.url, { token: admin.accessToken });
      clients.push(c);
    }
    await Promise.all(
      clients.map(async (c) => {
        await c.connectWithRetry();
        c.subscribe(0);
        await c.waitFor('snapshot', (m) => m.type === 'snapshot', 20_000);
      }),
    );
    const counts = await Promise.all(set.apis.map((api) => connectionsOf(api.url)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(CLIENTS);
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(CLIENTS / 4);
    // Events flow to clients of both replicas.
    const leaderSeq = await currentSeq(set.apis[await set.leader()]!.url);
    await waitFor('every client past the leader seq + 10', async () => clients.every((c) => c.lastSeq >= leaderSeq + 10), {
      timeoutMs: 20_000,
    });
    expect(clients.reduce((sum, c) => sum + c.gaps + c.duplicates, 0)).toBe(0);
  });

  it('takes control through either replica: the leader sequences the change and every client sees it', async () => {
    const [a, b] = set.apis as [(typeof set.apis)[0], (typeof set.apis)[0]];
    await pauseAndResume(a.url, b.url, 'ops: pause via replica 0');
    await pauseAndResume(b.url, a.url, 'ops: pause via replica 1');
    expect(clients.reduce((sum, c) => sum + c.gaps + c.duplicates, 0)).toBe(0);
  });

  it('fences a leader whose epoch moved on: its append is refused, it steps down, a leader is elected again and the stream has no hole', async () => {
    const leader = await set.leader();
    const before = (await set.role(set.apis[leader]!))!.epoch!;
    // What a new leader's acquisition does, while the old one still thinks it leads.
    await withPg(set.databaseUrl, (pg) => pg.query('UPDATE cluster_lease SET epoch = epoch + 1 WHERE id = 1'));
    await waitFor('an append refused by the fence', async () => set.apis[leader]!.process.output().includes('append fenced'), {
      timeoutMs: 10_000,
    });
    const next = await set.leader();
    const epoch = (await set.role(set.apis[next]!))!.epoch!;
    expect(epoch).toBeGreaterThanOrEqual(before + 2);
    const seq = await currentSeq(set.apis[next]!.url);
    await waitFor('every client past the leader seq + 5', async () => clients.every((c) => c.lastSeq >= seq + 5), { timeoutMs: 20_000 });
    expect(clients.reduce((sum, c) => sum + c.gaps + c.duplicates, 0)).toBe(0);
  });

  it('after kill -9 of the leader, the follower leads within 5 s and every client catches up through Caddy with 0 gaps and 0 duplicates', async () => {
    const leader = await set.leader();
    const follower = 1 - leader;
    const dead = set.apis[leader]!;
    const survivor = set.apis[follower]!;
    const onDead = await connectionsOf(dead.url);
    expect(onDead).toBeGreaterThan(0);

    const killedAt = performance.now();
    await dead.process.kill();
    const takeoverMs = await waitFor(
      'the follower to lead',
      async () => ((await set.role(survivor))?.role === 'leader' ? performance.now() - killedAt : undefined),
      { timeoutMs: 15_000, intervalMs: 25 },
    );
    console.log(`[replicas] takeover after kill -9 of the leader: ${Math.round(takeoverMs)} ms (${onDead} clients were on it)`);
    expect(takeoverMs).toBeLessThan(TAKEOVER_BUDGET_MS);

    // The dead replica's clients lost their socket; they reconnect through Caddy with their last seq.
    const dropped = clients.filter((c) => !c.socket.connected);
    expect(dropped.length).toBe(onDead);
    const catchUpMs = await Promise.all(dropped.map((c) => c.resume(set.proxy.url)));
    const resumedWith = dropped.map((c) => c.messages.findLast((m) => m.type === 'snapshot' || m.type === 'catch_up')!.type);
    expect(resumedWith.every((type) => type === 'catch_up')).toBe(true);
    console.log(`[replicas] ${dropped.length} clients resumed with catch_up; slowest ${Math.round(Math.max(...catchUpMs))} ms`);

    // The new leader goes on sequencing; every client (old and resumed) follows it without a hole.
    const seq = await currentSeq(survivor.url);
    await waitFor('every client past the new leader seq + 10', async () => clients.every((c) => c.lastSeq >= seq + 10), {
      timeoutMs: 20_000,
    });
    const gaps = clients.reduce((sum, c) => sum + c.gaps, 0);
    const duplicates = clients.reduce((sum, c) => sum + c.duplicates, 0);
    const resets = clients.reduce((sum, c) => sum + c.resets, 0);
    console.log(`[replicas] after failover: ${clients.length} clients, gaps ${gaps}, duplicates ${duplicates}, reset snapshots ${resets}`);
    expect({ gaps, duplicates, resets }).toEqual({ gaps: 0, duplicates: 0, resets: 0 });
    expect(await connectionsOf(survivor.url)).toBe(CLIENTS);

    // The seqs in the shared log are contiguous across both leaders.
    const res = await getJson(`${survivor.url}/api/v1/health`);
    const log = (res?.body as { checks: { feed: { detail: { event_log: { current_seq: number; oldest_seq: number } } } } }).checks.feed
      .detail.event_log;
    expect(log.current_seq).toBeGreaterThan(seq);
  });

  it('control works on the new leader and on the killed replica once it is back as a follower', async () => {
    const leader = await set.leader();
    const other = 1 - leader;
    await set.restart(other);
    expect((await set.role(set.apis[other]!))?.role).toBe('follower');
    await pauseAndResume(set.apis[leader]!.url, set.apis[other]!.url, 'ops: after failover');
    // A fresh client through Caddy gets the same state the long-running ones hold.
    const fresh = new FeedTestClient(set.proxy.url, { token: admin.accessToken });
    clients.push(fresh);
    await fresh.connectWithRetry();
    fresh.subscribe(0);
    await fresh.waitFor('snapshot', (m) => m.type === 'snapshot');
    expect(fresh.state.pause_state?.paused).toBe(false);
    expect(Object.keys(fresh.state.positions ?? {}).sort()).toEqual(Object.keys(clients[0]!.state.positions ?? {}).sort());
    const change = clients[0]!.messages
      .flatMap((m) => (m.type === 'batch' || m.type === 'catch_up' ? m.events : [m]))
      .filter((m): m is FeedEvent<'pause_state_change'> => m.type === 'pause_state_change');
    expect(change.length).toBeGreaterThanOrEqual(6);
    expect(clients.reduce((sum, c) => sum + c.gaps + c.duplicates, 0)).toBe(0);
  });

  it('replaces a frozen leader (SIGSTOP) within 5 s; thawed, it follows and its clients get every event they missed, in order', async () => {
    const leader = await set.leader();
    const frozen = set.apis[leader]!;
    const other = set.apis[1 - leader]!;
    const stoppedAt = performance.now();
    frozen.process.child.kill('SIGSTOP');
    let takeoverMs: number;
    try {
      takeoverMs = await waitFor(
        'the other replica to lead',
        async () => ((await set.role(other))?.role === 'leader' ? performance.now() - stoppedAt : undefined),
        { timeoutMs: 15_000, intervalMs: 25 },
      );
    } finally {
      frozen.process.child.kill('SIGCONT');
    }
    console.log(`[replicas] takeover from a frozen leader: ${Math.round(takeoverMs)} ms`);
    expect(takeoverMs).toBeLessThan(TAKEOVER_BUDGET_MS);
    await waitFor('the thawed replica to follow', async () => (await set.role(frozen))?.role === 'follower', { timeoutMs: 10_000 });
    const seq = await currentSeq(other.url);
    await waitFor('every client past the new leader seq + 10', async () => clients.every((c) => c.lastSeq >= seq + 10), {
      timeoutMs: 20_000,
    });
    expect(clients.reduce((sum, c) => sum + c.gaps + c.duplicates, 0)).toBe(0);
  });

  it('honours a session on every replica: refreshed on one, used on the other; a logout on one closes its sockets on the other', async () => {
    const [a, b] = set.apis as [(typeof set.apis)[0], (typeof set.apis)[0]];
    const session = await login(new Client(a.url), 'admin', set.adminPassword, { xff: '198.51.100.2' });
    const refreshed = await refreshRequest(new Client(b.url), session.refreshToken, { xff: '198.51.100.2' });
    expect(refreshed.status, refreshed.text).toBe(200);
    const token = refreshed.body.access_token;
    expect((await new Client(a.url).call('GET', '/api/v1/status', { token })).status).toBe(200);
    // A socket of this session on replica a; the logout goes to replica b.
    const socket = new FeedTestClient(a.url, { token });
    await socket.connect();
    socket.subscribe(0);
    await socket.waitFor('snapshot', (m) => m.type === 'snapshot');
    const closed = socket.disconnected();
    const logout = await new Client(b.url).call('POST', '/api/v1/auth/logout', { token });
    expect(logout.status, logout.text).toBeLessThan(300);
    await closed;
    expect(socket.messages.some((m) => m.type === 'error' && m.code === 'ACCESS_REVOKED')).toBe(true);
    expect((await new Client(a.url).call('GET', '/api/v1/status', { token })).status).toBe(401);
  });

  it('counts rate limits across replicas: the 6th wrong password for a user is refused, wherever it lands', async () => {
    const user = `nobody-${Date.now()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const api = set.apis[i % 2]!;
      statuses.push((await loginRequest(new Client(api.url), user, `wrong ${i}`, { xff: `198.51.100.${10 + i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const sixth = await loginRequest(new Client(set.apis[1]!.url), user, 'wrong again', { xff: '198.51.100.99' });
    expect(sixth.status).toBe(429);
    const viaProxy = await loginRequest(new Client(set.proxy.url), user, 'wrong once more', { xff: '198.51.100.98' });
    expect(viaProxy.status).toBe(429);
  });
});
