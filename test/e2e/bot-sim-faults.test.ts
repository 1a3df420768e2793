import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/process';
import { startSim, type RunningSim } from '../support/sim';

interface Raw {
  status?: number;
  headers: IncomingHttpHeaders;
  body: string;
  error?: Error;
}

/** A plain node:http GET, to see the bytes and headers as sent (fetch hides framing). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const out: Raw = { headers: {}, body: '' };
    const done = (error?: Error) => resolve({ ...out, body: Buffer.concat(chunks).toString('utf8'), error });
    const req = httpRequest(url, { headers, agent: false }, (res) => {
      out.status = res.statusCode;
      out.headers = res.headers;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done());
      res.on('error', done);
      res.on('aborted', () => done(new Error('aborted')));
    });
    req.on('error', done);
    req.end();
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

describe('bot simulator fault injection over real HTTP', () => {
  let sim: RunningSim;
  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${sim.url}${path}`, { headers: sim.authHeaders, signal: AbortSignal.timeout(5000), ...init });

  beforeAll(async () => {
    sim = await startSim({ seed: 'faults', tickMs: 50, initialPositions: 3, incidents: false });
  });
  afterEach(async () => {
    await sim.control.clearFaults();
  });
  afterAll(async () => sim?.stop());

  it('delays answers by the injected latency, only on the selected paths', async () => {
    await sim.control.addFault({ type: 'latency', ms: 400, paths: ['/internal/stats'] });
    const [slow, slowMs] = await timed(() => get('/internal/stats'));
    const [fast, fastMs] = await timed(() => get('/health'));
    expect(slow.status).toBe(200);
    expect(slowMs).toBeGreaterThanOrEqual(390);
    expect(fast.status).toBe(200);
    expect(fastMs).toBeLessThan(390); // other paths are not delayed
    await sim.control.clearFaults();
    const [, clearedMs] = await timed(() => get('/internal/stats'));
    expect(clearedMs).toBeLessThan(390);
  });

  it('answers 500 Internal Server Error as plain text, only as many times as asked', async () => {
    await sim.control.addFault({ type: 'http500', times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await get('/internal/positions');
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('Internal Server Error');
    }
    expect((await get('/internal/positions')).status).toBe(200);
    expect(await sim.control.faults()).toEqual([]);
  });

  it('answers 200 with a body that is not JSON (garbage) though it claims to be', async () => {
    await sim.control.addFault({ type: 'garbage', paths: ['/internal/*'] });
    const res = await get('/internal/pause-state');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect((await get('/health')).status).toBe(200); // outside the selected paths
  });

  it('cuts a JSON body short with a Content-Length that matches what is sent', async () => {
    await sim.control.addFault({ type: 'truncated', mode: 'length', paths: ['/internal/positions'] });
    const res = await rawGet(`${sim.url}/internal/positions`, sim.authHeaders);
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    expect(res.body.startsWith('{"pos_')).toBe(true);
    expect(() => JSON.parse(res.body)).toThrow();
  });

  it('cuts a JSON body short over chunked transfer encoding', async () => {
    await sim.control.addFault({ type: 'truncated', mode: 'chunked', paths: ['/internal/stats'] });
    const res = await rawGet(`${sim.url}/internal/stats`, sim.authHeaders);
    expect(res.error).toBeUndefined();
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.body.startsWith('{"uptime_seconds"')).toBe(true);
    expect(() => JSON.parse(res.body)).toThrow();
  });

  it('announces the full Content-Length and drops the connection mid-body (abort)', async () => {
    await sim.control.addFault({ type: 'truncated', mode: 'abort', paths: ['/internal/stats'] });
    const res = await rawGet(`${sim.url}/internal/stats`, sim.authHeaders);
    expect(res.error).toBeDefined();
    expect(Number(res.headers['content-length'])).toBeGreaterThan(Buffer.byteLength(res.body));
    await expect(get('/internal/stats').then((r) => r.text())).rejects.toThrow();
  });

  it('sends a valid JSON body larger than 2 MB (oversized)', async () => {
    await sim.control.addFault({ type: 'oversized', paths: ['/internal/positions'], times: 1 });
    const res = await get('/internal/positions');
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const positions = JSON.parse(text) as Record<string, { position_id: string; asgard_hf: string }>;
    for (const [id, p] of Object.entries(positions)) {
      expect(p.position_id).toBe(id);
      expect(p.asgard_hf).toMatch(/^-?\d+\.\d{4}$/);
    }
    const padded = await sim.control.addFault({ type: 'oversized', paths: ['/internal/pause-state'], bytes: 3_000_000 });
    const pause = (await (await get('/internal/pause-state')).json()) as { paused: boolean; _padding: string };
    expect(typeof pause.paused).toBe('boolean');
    expect(pause._padding.length).toBe(3_000_000);
    expect(padded.type).toBe('oversized');
  });

  it('never answers under hang, so the client timeout fires; answers again once cleared', async () => {
    await sim.control.addFault({ type: 'hang', paths: ['/internal/stats'] });
    const [error, ms] = await timed(() =>
      get('/internal/stats', { signal: AbortSignal.timeout(600) }).then(
        () => undefined,
        (e: Error) => e,
      ),
    );
    expect(error?.name).toBe('TimeoutError');
    expect(ms).toBeGreaterThanOrEqual(580);
    expect((await get('/health')).status).toBe(200);
    await sim.control.clearFaults();
    expect((await get('/internal/stats')).status).toBe(200);
  });

  it('refuses connections (ECONNREFUSED) and accepts them again once cleared', async () => {
    await sim.control.addFault({ type: 'refuse' });
    const error = await get('/health').then(
      () => undefined,
      (e: Error & { cause?: { code?: string } }) => e,
    );
    expect(error?.cause?.code).toBe('ECONNREFUSED');
    expect((await sim.control.state()).listening).toBe(false);
    await sim.control.clearFaults();
    expect((await sim.control.state()).listening).toBe(true);
    expect(await (await get('/health')).json()).toMatchObject({ status: 'healthy' });
  });

  it('restarts through starting (503) -> recovering (positions reappear one by one) -> running', async () => {
    const before = Object.keys((await (await get('/internal/positions')).json()) as object).sort();
    expect(before.length).toBe(3);
    await sim.control.restart({ startingMs: 600, recoveryStepMs: 400 });
    // Positions first, then health: a health answer bounds the phase the positions answer came from.
    const seen: { status: number; count: number; health: string }[] = [];
    await waitFor(
      'the restart to finish',
      async () => {
        const res = await get('/internal/positions');
        const body = (await res.json()) as Record<string, unknown>;
        const health = (await (await get('/health')).json()) as { status: string; state?: string };
        const phase = health.status === 'starting' ? 'starting' : health.state!;
        seen.push({ status: res.status, count: res.status === 200 ? Object.keys(body).length : -1, health: phase });
        return phase === 'running';
      },
      { timeoutMs: 10_000, intervalMs: 25 },
    );
    expect([...new Set(seen.map((s) => s.health))]).toEqual(['starting', 'recovering', 'running']);
    const statuses = seen.map((s) => s.status);
    expect(statuses[0]).toBe(503); // Bot not initialized while starting
    expect(statuses.slice(statuses.indexOf(200))).not.toContain(503);
    const recovering = seen.filter((s) => s.status === 200 && s.health === 'recovering').map((s) => s.count);
    expect(recovering[0]).toBe(0); // an empty list while recovering does not mean "no positions"
    recovering.forEach((count, i) => expect(count).toBeGreaterThanOrEqual(recovering[i - 1] ?? 0)); // never goes back
    expect([...new Set(recovering)]).toEqual([0, 1, 2, 3]); // one at a time
    const after = Object.keys((await (await get('/internal/positions')).json()) as object).sort();
    expect(after).toEqual(before);
    const stats = (await (await get('/internal/stats')).json()) as { uptime_seconds: number };
    expect(stats.uptime_seconds).toBeLessThan(10); // a new process: uptime starts again
    expect((await sim.control.faults()).length).toBe(0);
  });

  it('clears a single fault by id, leaving the others, and shows faults in /state', async () => {
    const slow = await sim.control.addFault({ type: 'latency', ms: 300, paths: ['/health'] });
    const broken = await sim.control.addFault({ type: 'http500', paths: ['/internal/stats'] });
    expect((await sim.control.state()).faults.map((f) => f.id)).toEqual([slow.id, broken.id]);
    await sim.control.clearFault(broken.id);
    expect((await get('/internal/stats')).status).toBe(200);
    const [, ms] = await timed(() => get('/health'));
    expect(ms).toBeGreaterThanOrEqual(290);
    expect((await sim.control.clearFaults()).cleared).toEqual([slow.id]);
  });

  it('echoes the X-Correlation-ID header and logs it', async () => {
    const id = `corr-${Date.now()}`;
    const res = await get('/internal/stats', { headers: { ...sim.authHeaders, 'x-correlation-id': id } });
    expect(res.headers.get('x-correlation-id')).toBe(id);
    await waitFor('the access log line', async () =>
      sim.process
        .output()
        .split('\n')
        .some((line) => line.startsWith('{') && (JSON.parse(line) as { reqId?: string; url?: string }).reqId === id),
    );
  });
});
