import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, resolveFileSecrets } from './secrets';

const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().positive();

const envSchema = z.object({
  APP_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  BOT_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://bot:8000' }),
  BOT_ADMIN_KEY: z.string().min(1, 'must not be empty'),
  BOT_STATE_DB: z.string().min(1).optional(),
  BOT_READ_TIMEOUT_MS: positiveMs.default(2000),
  BOT_CONTROL_TIMEOUT_MS: positiveMs.default(5000),
  BOT_HEALTH_CACHE_MS: z.coerce.number().int().min(0).default(1000),
  WEB_DIST_DIR: z.string().min(1).optional(),
});

export type DatabaseConfig = { driver: 'sqlite'; path: string } | { driver: 'postgres'; url: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: string;
  dataDir: string;
  database: DatabaseConfig;
  bot: {
    apiUrl: string;
    adminKey: string;
    stateDbPath?: string;
    readTimeoutMs: number;
    controlTimeoutMs: number;
    healthCacheMs: number;
  };
  webDistDir: string;
}

/** Injection token for the parsed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Parses and validates the environment once at boot. Any bad or missing value throws a
 * ConfigError naming the variable, so the process stops before it serves anything.
 */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = resolveFileSecrets(rawEnv);
  const parsed = envSchema.safeParse(blankToUndefined(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const message = issue.code === 'invalid_type' && env[variable] === undefined ? 'is required' : issue.message;
    throw new ConfigError(variable, message);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    env: e.APP_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir,
    database: parseDatabaseUrl(e.DATABASE_URL, dataDir),
    bot: {
      apiUrl: e.BOT_API_URL.replace(/\/+$/, ''),
      adminKey: e.BOT_ADMIN_KEY,
      stateDbPath: e.BOT_STATE_DB ? resolve(e.BOT_STATE_DB) : undefined,
      readTimeoutMs: e.BOT_READ_TIMEOUT_MS,
      controlTimeoutMs: e.BOT_CONTROL_TIMEOUT_MS,
      healthCacheMs: e.BOT_HEALTH_CACHE_MS,
    },
    // apps/api/dist -> apps/web/dist in the repository and in the image.
    webDistDir: resolve(e.WEB_DIST_DIR ?? resolve(__dirname, '..', '..', '..', '..', 'web', 'dist')),
  };
}

function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url === undefined) return { driver: 'sqlite', path: resolve(dataDir, 'control-center.db') };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path, e.g. sqlite:./data/cc.db');
    return { driver: 'sqlite', path: isAbsolute(path) ? path : resolve(path) };
  }
  return { driver: 'postgres', url };
}

/** An empty variable (`FOO=`) means "not set", as in most deploy tooling. */
function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) out[key] = value === '' ? undefined : value;
  return out;
}
