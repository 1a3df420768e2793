import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SimControlClient } from '../../apps/bot-sim/src/control/control-client';
import { freePort } from './ports';
import { getJson, spawnProcess, waitFor, type ManagedProcess } from './process';

export const SIM_ENTRY = join(resolve(__dirname, '..', '..'), 'apps', 'bot-sim', 'dist', 'main.js');

export interface SimOptions {
  /** core: only what the production bot serves today; full (default): core + extension. */
  tier?: 'core' | 'full';
  seed?: string;
  /** Simulated seconds per real second (default 1). */
  speed?: number;
  /** Real ms between ticks (default 100); 0 stops the clock, which then moves only on control.advance(). */
  tickMs?: number;
  /** Real ms in "starting" at boot (default 200). */
  startupMs?: number;
  /** Real ms between positions reappearing while "recovering" (default 50). */
  recoveryStepMs?: number;
  /** Positions held at boot (default 3). */
  initialPositions?: number;
  /** Simulated start time, ISO (naive = UTC); default now. Fix it for byte-identical runs. */
  startTime?: string;
  /** Annualised SOL volatility (default the simulator's 0.8; 0 keeps prices flat). */
  volatility?: number;
  /** Spontaneous gas spikes, outages, basis jumps (default on). */
  incidents?: boolean;
  /** Defaults: a random 32-byte hex key, a state.db in a fresh temp dir, free loopback ports. */
  adminKey?: string;
  stateDbPath?: string;
  port?: number;
  controlPort?: number;
  /** Extra or overriding environment for the process. */
  env?: NodeJS.ProcessEnv;
  /** Resolve once the bot is "running" (default), or as soon as /health answers at all. */
  waitFor?: 'running' | 'health';
}

export interface RunningSim {
  /** The bot API, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The control surface. */
  controlUrl: string;
  adminKey: string;
  /** Authorization header for the bot API. */
  authHeaders: { authorization: string };
  stateDbPath: string;
  control: SimControlClient;
  process: ManagedProcess;
  /** SIGTERM, wait for exit, remove the temp dir it made. */
  stop(): Promise<void>;
}

/**
 * Starts the built simulator (apps/bot-sim/dist/main.js) as a real child process on free
 * loopback ports with a random admin key and a temp state.db, and waits until it answers.
 */
export async function startSim(options: SimOptions = {}): Promise<RunningSim> {
  if (!existsSync(SIM_ENTRY)) throw new Error(`${SIM_ENTRY} is missing: run "npm run build -w @dnb/bot-sim" first`);
  const port = options.port ?? (await freePort());
  let controlPort = options.controlPort ?? (await freePort());
  while (controlPort === port) controlPort = await freePort();
  const adminKey = options.adminKey ?? randomBytes(32).toString('hex');
  const ownDir = options.stateDbPath === undefined ? mkdtempSync(join(tmpdir(), 'dnb-sim-')) : undefined;
  const stateDbPath = options.stateDbPath ?? join(ownDir!, 'state.db');
  const optional = (name: string, value: unknown) => (value === undefined ? {} : { [name]: String(value) });
  const proc = spawnProcess({
    name: `bot-sim:${port}`,
    command: process.execPath,
    args: [SIM_ENTRY],
    env: {
      SIM_ADMIN_KEY: adminKey,
      SIM_HOST: '127.0.0.1',
      SIM_PORT: String(port),
      SIM_CONTROL_HOST: '127.0.0.1',
      SIM_CONTROL_PORT: String(controlPort),
      SIM_STATE_DB: stateDbPath,
      SIM_TIER: options.tier ?? 'full',
      SIM_SPEED: String(options.speed ?? 1),
      SIM_TICK_MS: String(options.tickMs ?? 100),
      SIM_STARTUP_MS: String(options.startupMs ?? 200),
      SIM_RECOVERY_STEP_MS: String(options.recoveryStepMs ?? 50),
      SIM_INITIAL_POSITIONS: String(options.initialPositions ?? 3),
      ...optional('SIM_SEED', options.seed),
      ...optional('SIM_START_TIME', options.startTime),
      ...optional('SIM_VOLATILITY', options.volatility),
      ...(options.incidents === undefined ? {} : { SIM_INCIDENTS: options.incidents ? 'on' : 'off' }),
      LOG_LEVEL: process.env.TEST_VERBOSE ? 'debug' : 'info',
      ...options.env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  const control = new SimControlClient(controlUrl);
  const stop = async () => {
    await proc.stop();
    if (ownDir) rmSync(ownDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`bot-sim ${url}/health`, async () => (await getJson(`${url}/health`))?.status === 200, {
      timeoutMs: 20_000,
      process: proc,
    });
    if ((options.waitFor ?? 'running') === 'running') {
      await waitFor('bot-sim running', async () => (await control.state()).phase === 'running', { timeoutMs: 20_000, process: proc });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, controlUrl, adminKey, authHeaders: { authorization: `Bearer ${adminKey}` }, stateDbPath, control, process: proc, stop };
}
