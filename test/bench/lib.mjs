// Shared helpers for the benchmarks: real processes on free loopback ports, nothing mocked.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const children = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

export function start(name, entry, env) {
  const child = spawn(process.execPath, [entry], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (d) => (tail = (tail + d.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  children.push(child);
  return {
    child,
    pid: child.pid,
    output: () => tail,
    stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))),
  };
}

export async function waitHttp(url, ok = (s) => s === 200, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (ok(res.status)) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready in ${timeoutMs} ms`);
}

/** The simulator and the built API, with an admin who can log in. */
export async function startStack({ apiEnv = {}, simEnv = {} } = {}) {
  const simPort = await freePort();
  const controlPort = await freePort();
  const apiPort = await freePort();
  const key = randomBytes(24).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'dnb-bench-'));
  const sim = start('sim', join(ROOT, 'apps/bot-sim/dist/main.js'), {
    SIM_ADMIN_KEY: key,
    SIM_PORT: String(simPort),
    SIM_CONTROL_PORT: String(controlPort),
    SIM_STATE_DB: join(dir, 'state.db'),
    SIM_STARTUP_MS: '200',
    LOG_LEVEL: 'warn',
    ...simEnv,
  });
  await waitHttp(`http://127.0.0.1:${simPort}/health`);
  const password = `bench ${randomBytes(12).toString('hex')}`;
  const api = start('api', join(ROOT, 'apps/api/dist/main.js'), {
    PORT: String(apiPort),
    DATA_DIR: dir,
    BOT_API_URL: `http://127.0.0.1:${simPort}`,
    BOT_ADMIN_KEY: key,
    ADMIN_PASSWORD: password,
    LOG_LEVEL: 'warn',
    ...apiEnv,
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await waitHttp(`${apiUrl}/api/v1/health/ready`);
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  }).then((r) => r.json());
  return {
    sim,
    api,
    apiUrl,
    simUrl: `http://127.0.0.1:${simPort}`,
    controlUrl: `http://127.0.0.1:${controlPort}`,
    /** The simulator's admin key (Bearer token and body `api_key` of its control routes). */
    simKey: key,
    /** The admin's password, for signing in through the SPA. */
    password,
    token: login.access_token,
  };
}

/** CPU seconds and RSS of a process, from /proc (Linux). */
export async function processStats(pid) {
  const { readFileSync } = await import('node:fs');
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = 100;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  return { cpuSeconds: (Number(stat[11]) + Number(stat[12])) / ticks, rssBytes: rss };
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Like start(), with an IPC channel: for load-generator workers driven by the bench.
 * `next(type)` resolves with the next message of that type the worker sends (process.send);
 * a message `{type: 'error', message}` or the worker's exit rejects what is waited for.
 */
export function startWorker(name, entry, env) {
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let tail = '';
  const keep = (d) => (tail = (tail + d.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  children.push(child);
  const inbox = [];
  const waiting = [];
  const fail = (error) => waiting.splice(0).forEach((w) => w.reject(error));
  child.on('message', (message) => {
    if (message?.type === 'error') return fail(new Error(`${name}: ${message.message}`));
    const i = waiting.findIndex((w) => w.type === message?.type);
    if (i >= 0) waiting.splice(i, 1)[0].resolve(message);
    else inbox.push(message);
  });
  child.on('exit', (code, signal) => fail(new Error(`${name} exited (${code ?? signal}): ${tail}`)));
  return {
    child,
    pid: child.pid,
    output: () => tail,
    send: (message) => child.send(message),
    next(type, timeoutMs = 120_000) {
      const i = inbox.findIndex((m) => m?.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]);
      if (child.exitCode !== null) return Promise.reject(new Error(`${name} has exited: ${tail}`));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name}: no ${type} within ${timeoutMs} ms`)), timeoutMs);
        const done = (f) => (v) => (clearTimeout(timer), f(v));
        waiting.push({ type, resolve: done(resolve), reject: done(reject) });
      });
    },
    stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))),
  };
}

/** Percentile of a histogram given as [value, count] pairs (any order). */
export function histogramPercentile(entries, p) {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return NaN;
  const rank = Math.min(total - 1, Math.floor((p / 100) * total));
  let seen = 0;
  for (const [value, n] of sorted) {
    seen += n;
    if (seen > rank) return value;
  }
  return sorted.at(-1)[0];
}

/** A throwaway cluster from Debian's binaries, as test/support/global-postgres.ts starts one. */
export async function startPostgres() {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: () => undefined };
  const root = '/usr/lib/postgresql';
  const version = (existsSync(root) ? readdirSync(root) : [])
    .sort((a, b) => Number(b) - Number(a))
    .find((v) => existsSync(join(root, v, 'bin', 'initdb')));
  if (!version) throw new Error('PostgreSQL binaries not found (/usr/lib/postgresql/*/bin); set TEST_DATABASE_URL');
  const bin = join(root, version, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'dnb-bench-pg-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  if (asRoot)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-w',
    'start',
  ]);
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'dnb_bench']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/dnb_bench`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
