#!/usr/bin/env node
// Runs the product on one machine: the bot simulator (unless BOT_API_URL points at a real bot)
// and the API, which also serves the built SPA. SQLite under ./data; no external service.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const children = [];
let stopping = false;

function run(name, entry, env) {
  const child = spawn(process.execPath, [entry], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] ${name} exited (${signal ?? code}); stopping the rest`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

async function waitHttp(url, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500 || res.status === 503) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs} ms`);
}

function shutdown(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(() => process.exit(code));
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));
const apiEnv = { DATA_DIR: dataDir };

if (!process.env.BOT_API_URL) {
  // A key for this run only: the simulator and the API share it, nothing is stored.
  const key = randomBytes(32).toString('hex');
  const simPort = process.env.SIM_PORT ?? '8000';
  const stateDb = resolve(process.env.SIM_STATE_DB ?? join(dataDir, 'bot-sim', 'state.db'));
  mkdirSync(dirname(stateDb), { recursive: true });
  run('bot-sim', join(root, 'apps/bot-sim/dist/main.js'), {
    SIM_ADMIN_KEY: key,
    SIM_HOST: '127.0.0.1',
    SIM_PORT: simPort,
    SIM_CONTROL_HOST: '127.0.0.1',
    SIM_CONTROL_PORT: process.env.SIM_CONTROL_PORT ?? '8001',
    SIM_STATE_DB: stateDb,
  });
  await waitHttp(`http://127.0.0.1:${simPort}/health`, 'bot simulator');
  Object.assign(apiEnv, { BOT_API_URL: `http://127.0.0.1:${simPort}`, BOT_ADMIN_KEY: key, BOT_STATE_DB: stateDb });
  console.error(
    `[start] bot simulator on http://127.0.0.1:${simPort} (control surface on 127.0.0.1:${process.env.SIM_CONTROL_PORT ?? '8001'})`,
  );
}

const port = process.env.PORT ?? '8080';
run('api', join(root, 'apps/api/dist/main.js'), apiEnv);
await waitHttp(`http://127.0.0.1:${port}/api/v1/health/ready`, 'control center API');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.error(`[start] Control center ready in ${seconds} s: http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`);
