import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSimEnv, SimEnvError } from './sim-env.config';

const KEY = 'k'.repeat(32);

describe(loadSimEnv.name, () => {
  it('refuses to start without an admin key (no default secret)', () => {
    expect(() => loadSimEnv({})).toThrow(/SIM_ADMIN_KEY/);
  });

  it('applies the documented defaults', () => {
    const env = loadSimEnv({ SIM_ADMIN_KEY: KEY }, 1000);
    expect(env).toMatchObject({
      host: '127.0.0.1',
      port: 8000,
      controlHost: '127.0.0.1',
      controlPort: 8001,
      speed: 1,
      tickMs: 1000,
      tier: 'full',
      stateDbPath: './data/bot-sim/state.db',
      startupMs: 1500,
      initialPositions: 3,
      startTimeMs: 1000,
      logLevel: 'info',
    });
  });

  it.each([
    ['SIM_PORT', 'abc'],
    ['SIM_PORT', '70000'],
    ['SIM_SPEED', '-2'],
    ['SIM_TICK_MS', '1.5'],
    ['SIM_TIER', 'gold'],
    ['SIM_INITIAL_POSITIONS', '99'],
    ['SIM_START_TIME', 'tomorrow'],
    ['LOG_LEVEL', 'loud'],
  ])('names %s when its value %s is bad', (name, value) => {
    expect(() => loadSimEnv({ SIM_ADMIN_KEY: KEY, [name]: value })).toThrow(new RegExp(`^Invalid environment variable ${name}`));
  });

  it('refuses a weak admin key', () => {
    expect(() => loadSimEnv({ SIM_ADMIN_KEY: 'short' })).toThrow(/SIM_ADMIN_KEY: must be at least 16/);
  });

  it('never puts the control surface on the bot port', () => {
    expect(() => loadSimEnv({ SIM_ADMIN_KEY: KEY, SIM_PORT: '9000', SIM_CONTROL_PORT: '9000' })).toThrow(/SIM_CONTROL_PORT/);
  });

  it('keeps the control surface on loopback unless remote access is asked for', () => {
    expect(() => loadSimEnv({ SIM_ADMIN_KEY: KEY, SIM_CONTROL_HOST: '0.0.0.0' })).toThrow(SimEnvError);
    expect(loadSimEnv({ SIM_ADMIN_KEY: KEY, SIM_CONTROL_HOST: '0.0.0.0', SIM_CONTROL_ALLOW_REMOTE: 'true' }).controlHost).toBe('0.0.0.0');
  });

  it('reads the key from SIM_ADMIN_KEY_FILE and refuses both at once', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-env-')), 'key');
    writeFileSync(file, `${KEY}\n`);
    expect(loadSimEnv({ SIM_ADMIN_KEY_FILE: file }).adminKey).toBe(KEY);
    expect(() => loadSimEnv({ SIM_ADMIN_KEY_FILE: file, SIM_ADMIN_KEY: KEY })).toThrow(/only one/);
    expect(() => loadSimEnv({ SIM_ADMIN_KEY_FILE: `${file}.missing` })).toThrow(/SIM_ADMIN_KEY_FILE: cannot read/);
  });

  it('reads a naive SIM_START_TIME as UTC', () => {
    expect(loadSimEnv({ SIM_ADMIN_KEY: KEY, SIM_START_TIME: '2025-02-04T00:00:00' }).startTimeMs).toBe(Date.UTC(2025, 1, 4));
  });
});
