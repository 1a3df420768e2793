import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr), for assertions and failures. */
  output(): string;
  /** SIGTERM, then SIGKILL after graceMs; resolves once the process has exited. */
  stop(graceMs?: number): Promise<number | null>;
  /** kill -9, as a crash would. */
  kill(): Promise<void>;
  exited(): boolean;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Starts a real child process and keeps its output; nothing is mocked. */
export function spawnProcess(options: SpawnOptions): ManagedProcess {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  let size = 0;
  const keep = (data: Buffer) => {
    const text = data.toString('utf8');
    chunks.push(text);
    size += text.length;
    // Bounded: keep roughly the last 2 MB.
    while (size > 2_000_000 && chunks.length > 1) size -= chunks.shift()!.length;
    if (process.env.TEST_VERBOSE) process.stderr.write(`[${options.name}] ${text}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitCode: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      exitCode = code;
      resolve(code);
    });
  });
  return {
    name: options.name,
    child,
    output: () => chunks.join(''),
    exited: () => exitCode !== undefined,
    async stop(graceMs = 5000) {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (exitCode !== undefined) return;
      child.kill('SIGKILL');
      await exit;
    },
  };
}

/** Polls fn until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  { timeoutMs = 30_000, intervalMs = 100, process: proc }: { timeoutMs?: number; intervalMs?: number; process?: ManagedProcess } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (proc?.exited()) throw new Error(`${proc.name} exited while waiting for ${what}:\n${proc.output().slice(-4000)}`);
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  const tail = proc ? `\n--- ${proc.name} output ---\n${proc.output().slice(-4000)}` : '';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${String(lastError ?? '')}${tail}`);
}

/** GET url and parse JSON; returns undefined on connection errors. */
export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers } | undefined> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, body, headers: res.headers };
  } catch {
    return undefined;
  }
}
