import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './ports';
import { getJson, spawnProcess, waitFor, type ManagedProcess } from './process';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const API_ENTRY = join(REPO_ROOT, 'apps', 'api', 'dist', 'main.js');

export interface ApiOptions {
  botApiUrl: string;
  botAdminKey: string;
  /** postgres://… for PostgreSQL; unset: a SQLite file in a fresh temp data dir. */
  databaseUrl?: string;
  /** Reuse a data dir (e.g. across a restart); otherwise a fresh temp dir is made and removed. */
  dataDir?: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  /** Wait for readiness (the default) or only for the port to answer. */
  waitUntil?: 'ready' | 'live';
}

export interface RunningApi {
  url: string;
  port: number;
  dataDir: string;
  process: ManagedProcess;
  /** Stops the process; removes the temp data dir unless it was given. */
  stop(): Promise<void>;
  /** Stops and starts the same API again (same port, data dir and database). */
  restart(): Promise<RunningApi>;
}

/** Starts the real built API (apps/api/dist) as a child process on a free port. */
export async function startApi(options: ApiOptions): Promise<RunningApi> {
  const port = options.port ?? (await freePort());
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dnb-api-'));
  const proc = spawnProcess({
    name: `api:${port}`,
    command: process.execPath,
    args: [API_ENTRY],
    cwd: REPO_ROOT,
    env: {
      APP_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      BOT_API_URL: options.botApiUrl,
      BOT_ADMIN_KEY: options.botAdminKey,
      LOG_LEVEL: process.env.TEST_VERBOSE ? 'debug' : 'info',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...options.env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const path = options.waitUntil === 'live' ? '/api/v1/health/live' : '/api/v1/health/ready';
  await waitFor(`API ${url}${path}`, async () => (await getJson(`${url}${path}`))?.status === 200, { timeoutMs: 60_000, process: proc });
  const running: RunningApi = {
    url,
    port,
    dataDir,
    process: proc,
    async stop() {
      await proc.stop();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await proc.stop();
      return startApi({ ...options, port, dataDir });
    },
  };
  return running;
}
