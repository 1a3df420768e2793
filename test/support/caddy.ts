import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './api';
import { freePort } from './ports';
import { getJson, spawnProcess, waitFor, type ManagedProcess } from './process';

export interface RunningProxy {
  url: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * The repository's Caddyfile run by Debian's Caddy on loopback (plain HTTP, so no automatic
 * HTTPS) in front of one or more API upstreams ("127.0.0.1:1 127.0.0.1:2").
 */
export async function startProxy(upstreams: readonly string[], webRoot = join(REPO_ROOT, 'apps', 'web', 'dist')): Promise<RunningProxy> {
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'dnb-proxy-'));
  const url = `http://127.0.0.1:${port}`;
  const proc = spawnProcess({
    name: `caddy:${port}`,
    command: process.env.CADDY_BIN ?? '/usr/bin/caddy',
    args: ['run', '--config', join(REPO_ROOT, 'Caddyfile'), '--adapter', 'caddyfile'],
    cwd: home,
    env: {
      DASHBOARD_DOMAIN: url,
      ACME_EMAIL: 'e2e@example.invalid',
      API_UPSTREAM: upstreams.join(' '),
      WEB_ROOT: webRoot,
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
    },
  });
  const stop = async () => {
    await proc.stop();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitFor(`Caddy on ${url}`, async () => (await getJson(`${url}/api/v1/health/live`))?.status === 200, {
      timeoutMs: 20_000,
      process: proc,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: proc, stop };
}
