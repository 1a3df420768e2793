import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiErrorBody, HealthReport } from '@dnb/contracts';
import { API_ENTRY, REPO_ROOT, startApi, type RunningApi } from '../support/api';
import { freePort } from '../support/ports';
import { getJson, spawnProcess, waitFor } from '../support/process';
import { startSim } from '../support/sim';
import { startStack, type RunningStack } from '../support/stack';

async function health(url: string): Promise<{ status: number; body: HealthReport; headers: Headers }> {
  const res = await getJson(`${url}/api/v1/health`);
  if (!res) throw new Error('health did not answer');
  return res as { status: number; body: HealthReport; headers: Headers };
}

describe('API with the bot simulator running', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => stack?.stop());

  it('reports the dashboard, the bot and the database healthy', async () => {
    const report = await waitFor('bot healthy', async () => {
      const r = await health(stack.apiUrl);
      return r.body.checks.bot_api.status === 'healthy' ? r : undefined;
    });
    expect(report.status).toBe(200);
    expect(report.body.status).toBe('healthy');
    expect(report.body.checks.database).toMatchObject({ status: 'healthy', detail: { driver: 'sqlite' } });
    expect(report.body.checks.bot_api.detail).toMatchObject({ state: 'running' });
    expect(report.body.timestamp).toMatch(/Z$/);
    expect(typeof report.body.checks.bot_api.response_time_ms).toBe('number');
    // The feed's queue drops and event log are reported, so nothing is lost silently.
    expect(report.body.checks.feed.status).toBe('healthy');
    expect(report.body.checks.feed.detail).toMatchObject({
      bus: { dropped: 0 },
      event_log: { append_failures: 0 },
      sockets: { connections: 0 },
    });
    expect(typeof (report.body.checks.feed.detail as { event_log: { current_seq: unknown } }).event_log.current_seq).toBe('number');
  });

  it('echoes the caller’s correlation id and forwards it to the bot', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // let the cached bot probe expire
    const id = `e2e-${Date.now()}`;
    const res = await getJson(`${stack.apiUrl}/api/v1/health`, { headers: { 'x-correlation-id': id } });
    expect(res!.headers.get('x-correlation-id')).toBe(id);
    await waitFor('the simulator to log the forwarded id', async () => stack.sim.process.output().includes(id), { timeoutMs: 5000 });
  });

  it('generates a correlation id when the caller sends none, and logs it as JSON', async () => {
    const res = await getJson(`${stack.apiUrl}/api/v1/health/live`);
    const id = res!.headers.get('x-correlation-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor('the API to log the request', async () =>
      stack.api.process
        .output()
        .split('\n')
        .some((line) => line.startsWith('{') && line.includes(id!) && (JSON.parse(line) as { event?: string }).event === 'request'),
    );
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const res = await getJson(`${stack.apiUrl}/api/v1/no-such-route`);
    expect(res!.status).toBe(404);
    const body = res!.body as ApiErrorBody;
    expect(body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(body.correlationId).toBe(res!.headers.get('x-correlation-id'));
  });

  it('serves Swagger UI and the OpenAPI document', async () => {
    const ui = await fetch(`${stack.apiUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
    const doc = await getJson(`${stack.apiUrl}/api/docs-json`);
    expect((doc!.body as { paths: Record<string, unknown> }).paths).toHaveProperty('/api/v1/health');
  });

  it.runIf(existsSync(join(REPO_ROOT, 'apps/web/dist/index.html')))(
    'serves the SPA at / and for client-side routes, but not for missing assets',
    async () => {
      const home = await fetch(`${stack.apiUrl}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toContain('text/html');
      const deep = await fetch(`${stack.apiUrl}/positions/pos_1`, { headers: { accept: 'text/html' } });
      expect(deep.status).toBe(200);
      expect(await deep.text()).toContain('<div id="root">');
      expect((await fetch(`${stack.apiUrl}/assets/does-not-exist.js`)).status).toBe(404);
    },
  );

  it('reports the bot degraded while it restarts, and healthy again after', async () => {
    await stack.sim.control.restart({ startingMs: 1500, recoveringMs: 1500 });
    const during = await waitFor('bot degraded', async () => {
      const r = await health(stack.apiUrl);
      return r.body.checks.bot_api.status === 'degraded' ? r : undefined;
    });
    expect(during.status).toBe(200);
    expect(during.body.status).toBe('degraded');
    expect(['starting', 'recovering']).toContain(during.body.checks.bot_api.detail?.state);
    await waitFor('bot healthy again', async () => (await health(stack.apiUrl)).body.checks.bot_api.status === 'healthy', {
      timeoutMs: 20_000,
    });
  });
});

describe('API without a reachable bot', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ botApiUrl: `http://127.0.0.1:${await freePort()}`, botAdminKey: 'unused-key' });
  });
  afterAll(async () => api?.stop());

  it('still starts, and health says degraded with the bot unhealthy and why', async () => {
    const report = await health(api.url);
    expect(report.status).toBe(200);
    expect(report.body.status).toBe('degraded');
    expect(report.body.checks.bot_api.status).toBe('unhealthy');
    expect(report.body.checks.bot_api.error).toMatch(/unreachable/);
    expect(report.body.checks.database.status).toBe('healthy');
  });

  it('is ready without the bot (readiness needs only the database)', async () => {
    expect((await getJson(`${api.url}/api/v1/health/ready`))!.status).toBe(200);
  });
});

describe('API with the wrong bot admin key', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack({ api: { botAdminKey: 'not-the-bot-key' } });
  });
  afterAll(async () => stack?.stop());

  it('says the bot rejected the key instead of calling it healthy', async () => {
    const report = await waitFor('bot state known', async () => {
      const r = await health(stack.apiUrl);
      return r.body.checks.bot_api.detail?.state === 'running' ? r : undefined;
    });
    expect(report.body.checks.bot_api.status).toBe('degraded');
    expect(report.body.checks.bot_api.error).toMatch(/rejected.*admin key.*401/);
  });
});

describe('API on PostgreSQL', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack({ api: { databaseUrl: inject('databaseUrl') } });
  });
  afterAll(async () => stack?.stop());

  it('runs the same app with PostgreSQL as its database', async () => {
    const report = await waitFor('healthy on PostgreSQL', async () => {
      const r = await health(stack.apiUrl);
      return r.body.status === 'healthy' ? r : undefined;
    });
    expect(report.body.checks.database.detail).toMatchObject({ driver: 'postgres' });
  });
});

describe('API configuration at boot', () => {
  it('refuses to start without BOT_API_URL and names the variable', async () => {
    const env = { ...process.env };
    delete env.BOT_API_URL;
    const proc = spawnProcess({
      name: 'api-misconfigured',
      command: process.execPath,
      args: [API_ENTRY],
      env: { ...env, BOT_ADMIN_KEY: 'k', BOT_API_URL: '' },
    });
    const code = await new Promise<number | null>((resolve) => proc.child.on('exit', resolve));
    expect(code).toBe(1);
    expect(proc.output()).toContain('BOT_API_URL');
  });

  it('refuses an empty BOT_ADMIN_KEY', async () => {
    const error = await startApi({ botApiUrl: 'http://127.0.0.1:1', botAdminKey: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toContain('BOT_ADMIN_KEY');
  });

  it('reads the bot key from BOT_ADMIN_KEY_FILE (Docker secrets)', async () => {
    const sim = await startSim({});
    const dir = mkdtempSync(join(tmpdir(), 'dnb-secret-'));
    const keyFile = join(dir, 'bot_admin_key');
    writeFileSync(keyFile, `${sim.adminKey}\n`, { mode: 0o600 });
    const api = await startApi({ botApiUrl: sim.url, botAdminKey: '', env: { BOT_ADMIN_KEY_FILE: keyFile } });
    try {
      const report = await waitFor('bot healthy with the key from the file', async () => {
        const r = await health(api.url);
        return r.body.checks.bot_api.status === 'healthy' ? r : undefined;
      });
      expect(report.body.checks.bot_api.error).toBeUndefined();
    } finally {
      await api.stop();
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
