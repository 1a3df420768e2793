import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';
import { spawnProcess, waitFor } from './process';

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
  /** kill -9, as a crash would. */
  kill(): Promise<void>;
}

/** A throwaway redis-server (Debian's package) on a free loopback port, nothing persisted. */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'dnb-redis-'));
  const proc = spawnProcess({
    name: `redis:${port}`,
    command: 'redis-server',
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    cwd: dir,
    env: {},
  });
  await waitFor(`redis on ${port}`, () => Promise.resolve(proc.output().includes('Ready to accept connections')), {
    timeoutMs: 15_000,
    process: proc,
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    kill: () => proc.kill(),
  };
}
