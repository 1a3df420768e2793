import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/ports';
import { spawnProcess, waitFor } from '../support/process';
import { SIM_ENTRY, startSim } from '../support/sim';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dnb-sim-proc-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the simulator with exactly this environment (plus PATH) and returns its exit code and output. */
async function runToExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const proc = spawnProcess({
    name: 'bot-sim-boot',
    command: process.execPath,
    args: [SIM_ENTRY],
    env: { SIM_STATE_DB: join(tempDir(), 'state.db'), ...env },
  });
  await waitFor('the simulator to exit', async () => proc.exited(), { timeoutMs: 10_000 });
  return { code: await proc.stop(), output: proc.output() };
}

describe('bot simulator process', () => {
  it('refuses to start without an admin key, naming SIM_ADMIN_KEY', async () => {
    const { code, output } = await runToExit({ SIM_ADMIN_KEY: '', SIM_ADMIN_KEY_FILE: '' });
    expect(code).toBe(1);
    expect(output).toContain('SIM_ADMIN_KEY');
  });

  it.each([
    ['SIM_PORT', 'eighty'],
    ['SIM_SPEED', 'fast'],
    ['SIM_TIER', 'premium'],
    ['SIM_TICK_MS', '-5'],
  ])('exits 1 naming %s when it is %s', async (name, value) => {
    const { code, output } = await runToExit({ SIM_ADMIN_KEY: 'k'.repeat(32), [name]: value });
    expect(code).toBe(1);
    expect(output).toContain(`Invalid environment variable ${name}`);
  });

  it('creates the state.db directories, logs JSON, and shuts down cleanly on SIGTERM', async () => {
    const dbPath = join(tempDir(), 'nested', 'deeper', 'state.db');
    const sim = await startSim({ stateDbPath: dbPath });
    try {
      expect(existsSync(dbPath)).toBe(true);
      const lines = sim.process.output().split('\n').filter(Boolean);
      expect(lines.every((line) => typeof (JSON.parse(line) as { level: number }).level === 'number')).toBe(true);
      expect(lines.some((line) => line.includes('"bot simulator started"'))).toBe(true);
      expect(await sim.process.stop()).toBe(0);
      expect(sim.process.output()).toContain('"stopped"');
    } finally {
      await sim.stop(); // no-op once stopped; never leaves a process behind when an assertion fails
    }
    // Closed: the WAL was checkpointed and the file opens and reads as a normal database.
    expect(!existsSync(`${dbPath}-wal`) || statSync(`${dbPath}-wal`).size === 0).toBe(true);
    const db = new Database(dbPath, { readonly: true });
    try {
      expect((db.prepare("SELECT value FROM state WHERE key = 'bot_state'").get() as { value: string }).value).toBe('shutdown');
    } finally {
      db.close();
    }
    await fetch(`${sim.url}/health`).then(
      () => expect.fail('the bot port still answers after shutdown'),
      (error: Error & { cause?: { code?: string } }) => expect(error.cause?.code).toBe('ECONNREFUSED'),
    );
  });

  it('serves the control surface on its own port only, never on the bot port', async () => {
    const sim = await startSim({});
    try {
      expect((await fetch(`${sim.url}/state`)).status).toBe(404);
      expect(
        (await fetch(`${sim.url}/faults`, { method: 'POST', body: '{"type":"refuse"}', headers: { 'content-type': 'application/json' } }))
          .status,
      ).toBe(404);
      expect((await fetch(`${sim.controlUrl}/state`)).status).toBe(200);
    } finally {
      await sim.stop();
    }
  });

  it('refuses to share the bot port with the control surface', async () => {
    const port = String(await freePort());
    const { code, output } = await runToExit({ SIM_ADMIN_KEY: 'k'.repeat(32), SIM_PORT: port, SIM_CONTROL_PORT: port });
    expect(code).toBe(1);
    expect(output).toContain('SIM_CONTROL_PORT');
  });
});
