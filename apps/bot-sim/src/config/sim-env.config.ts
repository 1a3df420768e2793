import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseBotDateTime } from '../common/naive-time';

/** Thrown at boot with the name of the variable at fault; main prints it and exits 1. */
export class SimEnvError extends Error {}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const int = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'expected a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

const num = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'expected a number')
    .transform(Number)
    .pipe(z.number().gt(min).max(max));

const port = int(1, 65535);

const schema = z.object({
  SIM_ADMIN_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  SIM_ADMIN_KEY_FILE: z.string().min(1).optional(),
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_PORT: port.default(8000),
  SIM_CONTROL_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_CONTROL_PORT: port.default(8001),
  SIM_CONTROL_ALLOW_REMOTE: z.stringbool().default(false),
  SIM_SEED: z.string().min(1).max(200).optional(),
  SIM_SPEED: num(0, 1_000_000).default(1),
  SIM_TICK_MS: int(0, 3_600_000).default(1000),
  SIM_TIER: z.enum(['core', 'full']).default('full'),
  SIM_STATE_DB: z.string().min(1).default('./data/bot-sim/state.db'),
  SIM_STARTUP_MS: int(0, 600_000).default(1500),
  SIM_RECOVERY_STEP_MS: int(0, 60_000).default(400),
  SIM_INITIAL_POSITIONS: int(0, 20).default(3),
  SIM_START_TIME: z
    .string()
    .refine((v) => parseBotDateTime(v) !== undefined, 'expected an ISO 8601 datetime (naive means UTC)')
    .optional(),
  SIM_VOLATILITY: num(-1, 5).default(0.8),
  SIM_INCIDENTS: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface SimEnv {
  adminKey: string;
  host: string;
  port: number;
  controlHost: string;
  controlPort: number;
  seed: string;
  speed: number;
  tickMs: number;
  tier: 'core' | 'full';
  stateDbPath: string;
  startupMs: number;
  recoveryStepMs: number;
  initialPositions: number;
  startTimeMs: number;
  volatility: number;
  incidents: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
}

/** Parses and checks the environment; throws SimEnvError naming the variable. */
export function loadSimEnv(env: NodeJS.ProcessEnv, nowMs = Date.now()): SimEnv {
  // Empty strings count as unset, as a compose file with `SIM_SEED=` means "no value".
  const raw = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in schema.shape && v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new SimEnvError(`Invalid environment variable ${name}: ${issue.message} (got ${JSON.stringify(raw[name])})`);
  }
  const e = parsed.data;
  if (e.SIM_CONTROL_PORT === e.SIM_PORT) {
    throw new SimEnvError(
      'Invalid environment variable SIM_CONTROL_PORT: must differ from SIM_PORT (the control surface never shares the bot port)',
    );
  }
  if (!LOOPBACK.has(e.SIM_CONTROL_HOST) && !e.SIM_CONTROL_ALLOW_REMOTE) {
    throw new SimEnvError(
      `Invalid environment variable SIM_CONTROL_HOST: ${e.SIM_CONTROL_HOST} is not loopback; the control surface has no auth, set SIM_CONTROL_ALLOW_REMOTE=true to expose it anyway`,
    );
  }
  return {
    adminKey: readAdminKey(e.SIM_ADMIN_KEY, e.SIM_ADMIN_KEY_FILE),
    host: e.SIM_HOST,
    port: e.SIM_PORT,
    controlHost: e.SIM_CONTROL_HOST,
    controlPort: e.SIM_CONTROL_PORT,
    seed: e.SIM_SEED ?? Math.random().toString(36).slice(2, 10),
    speed: e.SIM_SPEED,
    tickMs: e.SIM_TICK_MS,
    tier: e.SIM_TIER,
    stateDbPath: e.SIM_STATE_DB,
    startupMs: e.SIM_STARTUP_MS,
    recoveryStepMs: e.SIM_RECOVERY_STEP_MS,
    initialPositions: e.SIM_INITIAL_POSITIONS,
    startTimeMs: e.SIM_START_TIME ? parseBotDateTime(e.SIM_START_TIME)! : nowMs,
    volatility: e.SIM_VOLATILITY,
    incidents: e.SIM_INCIDENTS === 'on',
    logLevel: e.LOG_LEVEL,
  };
}

function readAdminKey(inline: string | undefined, file: string | undefined): string {
  if (inline && file)
    throw new SimEnvError('Invalid environment variable SIM_ADMIN_KEY_FILE: set only one of SIM_ADMIN_KEY and SIM_ADMIN_KEY_FILE');
  if (inline) return inline;
  if (!file)
    throw new SimEnvError('Missing environment variable SIM_ADMIN_KEY (or SIM_ADMIN_KEY_FILE): the simulator has no default secret');
  let key: string;
  try {
    key = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new SimEnvError(
      `Invalid environment variable SIM_ADMIN_KEY_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (key.length < 16) throw new SimEnvError('Invalid environment variable SIM_ADMIN_KEY_FILE: the key must be at least 16 characters');
  return key;
}
