import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, resolveFileSecrets } from './secrets';

const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().positive();

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

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
  /** Redis shared by the API replicas (rate limits now; leader lease and feed fan-out with issue 9's replicas). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  BOT_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://bot:8000' }),
  BOT_ADMIN_KEY: z.string().min(1, 'must not be empty'),
  BOT_STATE_DB: z.string().min(1).optional(),
  BOT_READ_TIMEOUT_MS: positiveMs.default(2000),
  BOT_CONTROL_TIMEOUT_MS: positiveMs.default(5000),
  BOT_HEALTH_CACHE_MS: z.coerce.number().int().min(0).default(1000),
  BOT_POLL_MS: positiveMs.default(1000),
  BOT_CACHE_TTL_MS: positiveMs.default(5000),
  /** How long past its read cached bot data is still answered (labelled cached) while the bot only times out. */
  BOT_STALE_MAX_MS: positiveMs.default(60_000),
  BOT_ENVIRONMENT: z.string().min(1).max(64).optional(),
  WEB_DIST_DIR: z.string().min(1).optional(),
  JWT_SECRET: z.string().optional(),
  SECRETS_ENCRYPTION_KEY: z.string().optional(),
  ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(300)
    .max(30 * 86_400)
    .default(7 * 86_400),
  ADMIN_USERNAME: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'must be 3-32 lowercase letters, digits, dot, dash or underscore')
    .default('admin'),
  ADMIN_PASSWORD: z.string().optional(),
  REQUIRE_ADMIN_MFA: booleanFlag.default(false),
  BOT_KEY_GRANTS_ADMIN: booleanFlag.default(false),
  CORS_ORIGINS: z.string().optional(),
  TRUSTED_PROXIES: z.string().optional(),
  COOKIE_SECURE: booleanFlag.optional(),
  RATE_LIMIT_UNAUTHENTICATED_PER_MIN: z.coerce.number().int().min(1).default(120),
  /** Scales the per-role request limits of spec 5.3 (e.g. for a load test); never below them in production. */
  RATE_LIMIT_ROLE_MULTIPLIER: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Feed event log retention: at most this many of the newest events are kept... */
  FEED_RETAIN_EVENTS: z.coerce.number().int().min(100).default(10_000),
  /** ...and only those younger than this many hours (the newest one is always kept). */
  FEED_RETAIN_HOURS: z.coerce.number().positive().default(24),
  /** How many of the newest events the feed serves from memory (catch-up without the database). */
  FEED_RING_SIZE: z.coerce.number().int().min(100).default(10_000),
  /** Socket feed: connections at most (both paths), and per user or API key. */
  MAX_WS_CONNECTIONS: z.coerce.number().int().min(1).default(500),
  MAX_WS_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(20),
  /** Window of the non-urgent events' batch (ms) and the heartbeat period (ms). */
  WS_BATCH_MS: z.coerce.number().int().min(1).max(1000).default(100),
  WS_HEARTBEAT_MS: z.coerce.number().int().min(100).default(15_000),
  /** token_refresh_required goes this many seconds before the connection's token expires. */
  WS_TOKEN_REFRESH_LEAD_S: z.coerce.number().int().min(1).default(300),
  /** A client with more messages (or bytes) than this waiting to be written is disconnected. */
  WS_MAX_BACKLOG_MESSAGES: z.coerce.number().int().min(10).default(2000),
  WS_MAX_BACKLOG_BYTES: z.coerce
    .number()
    .int()
    .min(65_536)
    .default(8 * 1024 * 1024),
  /** Events the feed publisher may have queued behind the database before the oldest is dropped (counted). */
  FEED_QUEUE_CAPACITY: z.coerce.number().int().min(10).default(10_000),
  /** History: how often the collector samples the bridge's view (points are 1 minute apart; a later sample in a minute replaces it). */
  HISTORY_SAMPLE_MS: z.coerce.number().int().min(100).max(60_000).default(60_000),
  /** History: bridge events the collector may have queued before the oldest is dropped (counted). */
  HISTORY_QUEUE_CAPACITY: z.coerce.number().int().min(10).default(1000),
  /** SQLite backups (the driver's online backup API): where they go, how many are kept, whether one is made daily at 02:30 UTC. */
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  BACKUP_DAILY: booleanFlag.default(true),
  /** Hosts (or host:port) alert channels may reach over http or on private/loopback addresses. */
  ALERT_ALLOWED_HOSTS: z.string().optional(),
  ALERT_SEND_TIMEOUT_MS: positiveMs.default(5000),
  ALERT_QUEUE_CAPACITY: z.coerce.number().int().min(10).default(10_000),
  /** The dead-man's switch: alert when the bot has not answered for this long. */
  BOT_SILENCE_ALERT_S: z.coerce.number().int().min(5).default(60),
  /** A critical alert nobody acknowledged within this is sent again to the escalation channels. */
  ESCALATE_AFTER_MIN: z.coerce.number().positive().default(15),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default('https://api.telegram.org'),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456:ABC-DEF...')
    .optional(),
  TELEGRAM_CHAT_ID: z
    .string()
    .regex(/^-?\d+$|^@\w+$/, 'must be a numeric chat id or @channel')
    .optional(),
  ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  ALERT_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  DISCORD_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Telegram commands (/status, /pause ...) through the alert bot; on by default when it is configured. */
  TELEGRAM_COMMANDS: z.enum(['on', 'off']).default('on'),
  /** Chats whose commands are taken (comma-separated ids); default TELEGRAM_CHAT_ID only. */
  TELEGRAM_ALLOWED_CHATS: z
    .string()
    .regex(/^\s*-?\d+(\s*,\s*-?\d+)*\s*$/, 'must be comma-separated numeric chat ids')
    .optional(),
});

export type DatabaseConfig = { driver: 'sqlite'; path: string } | { driver: 'postgres'; url: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: string;
  dataDir: string;
  database: DatabaseConfig;
  /** Redis for what the replicas share; undefined: a single API keeps it in memory. */
  redisUrl?: string;
  bot: {
    apiUrl: string;
    adminKey: string;
    stateDbPath?: string;
    readTimeoutMs: number;
    controlTimeoutMs: number;
    healthCacheMs: number;
    /** Background poll interval of the bridge. */
    pollMs: number;
    /** Bot data younger than this is served as fresh. */
    cacheTtlMs: number;
    /**
     * While the bot is only slow (timeouts), older data is still answered with 200, labelled
     * `cached`, until it is this old; a bot that is down or refuses gets no such grace.
     */
    staleMaxMs: number;
    /** Shown as the bot's environment in /status (BOT_ENVIRONMENT, else APP_ENV). */
    environment: string;
  };
  webDistDir: string;
  auth: {
    /** Given, or undefined: then the secrets service makes one in the data dir (never in production). */
    jwtSecret?: string;
    secretsEncryptionKey?: string;
    accessTokenTtlS: number;
    refreshTokenTtlS: number;
    adminUsername: string;
    adminPassword?: string;
    requireAdminMfa: boolean;
    botKeyGrantsAdmin: boolean;
    cookieSecure: boolean;
  };
  http: {
    corsOrigins: string[];
    trustedProxies: string[];
    unauthenticatedPerMinute: number;
    roleLimitMultiplier: number;
  };
  feed: {
    /** The event log keeps at most this many of the newest events... */
    retainEvents: number;
    /** ...and only those younger than this (hours); the newest event is kept regardless. */
    retainHours: number;
    /** Capacity of the in-memory ring of the newest events. */
    ringSize: number;
    /** Capacity of the publisher's queue on the domain event bus. */
    queueCapacity: number;
  };
  ws: {
    maxConnections: number;
    maxConnectionsPerUser: number;
    batchMs: number;
    heartbeatMs: number;
    tokenRefreshLeadS: number;
    maxBacklogMessages: number;
    maxBacklogBytes: number;
  };
  history: {
    sampleMs: number;
    queueCapacity: number;
  };
  backups: {
    /** Where SQLite backups are written (default DATA_DIR/backups). */
    dir: string;
    /** The newest this many are kept. */
    keep: number;
    /** One every day at 02:30 UTC. */
    daily: boolean;
  };
  alerts: {
    allowedHosts: string[];
    sendTimeoutMs: number;
    queueCapacity: number;
    botSilenceAlertS: number;
    escalateAfterMin: number;
    telegramApiRoot: string;
    /** Whether the Telegram bot takes commands, and from which chats. */
    telegramCommands: boolean;
    telegramAllowedChats: string[];
    /** Channels given by the environment (secrets never stored in the database). */
    env: {
      telegram?: { botToken: string; chatId: string };
      webhook?: { url: string; secret?: string };
      discord?: { webhookUrl: string };
    };
  };
}

/** Secrets that appear in examples and must never guard a real deployment. */
const KNOWN_DEFAULT_SECRETS = [
  'change-me-in-production-min-32-chars-long',
  'another-secret-min-32-chars-long',
  'changeme',
  'change-me',
  'secret',
  'your-secret-key',
  'jwt-secret',
];

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
  if (e.JWT_SECRET !== undefined) {
    if (Buffer.byteLength(e.JWT_SECRET) < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 bytes');
    if (KNOWN_DEFAULT_SECRETS.some((known) => e.JWT_SECRET!.toLowerCase().includes(known))) {
      throw new ConfigError('JWT_SECRET', 'is a published example value; generate one (e.g. openssl rand -base64 48)');
    }
  } else if (e.APP_ENV === 'production') {
    throw new ConfigError('JWT_SECRET', 'is required in production (at least 32 random bytes)');
  }
  if (e.SECRETS_ENCRYPTION_KEY !== undefined && Buffer.byteLength(e.SECRETS_ENCRYPTION_KEY) < 32) {
    throw new ConfigError('SECRETS_ENCRYPTION_KEY', 'must be at least 32 bytes');
  }
  if (e.SECRETS_ENCRYPTION_KEY === undefined && e.APP_ENV === 'production') {
    throw new ConfigError('SECRETS_ENCRYPTION_KEY', 'is required in production (at least 32 random bytes)');
  }
  if (e.BOT_STALE_MAX_MS < e.BOT_CACHE_TTL_MS) {
    throw new ConfigError('BOT_STALE_MAX_MS', `must be at least BOT_CACHE_TTL_MS (${e.BOT_CACHE_TTL_MS})`);
  }
  const corsOrigins = splitList(e.CORS_ORIGINS);
  for (const origin of corsOrigins) {
    if (origin === 'null' || origin === '*' || !/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an origin like https://dashboard.example.com`);
    }
  }
  return {
    env: e.APP_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir,
    database: parseDatabaseUrl(e.DATABASE_URL, dataDir),
    redisUrl: e.REDIS_URL,
    bot: {
      apiUrl: e.BOT_API_URL.replace(/\/+$/, ''),
      adminKey: e.BOT_ADMIN_KEY,
      stateDbPath: e.BOT_STATE_DB ? resolve(e.BOT_STATE_DB) : undefined,
      readTimeoutMs: e.BOT_READ_TIMEOUT_MS,
      controlTimeoutMs: e.BOT_CONTROL_TIMEOUT_MS,
      healthCacheMs: e.BOT_HEALTH_CACHE_MS,
      pollMs: e.BOT_POLL_MS,
      cacheTtlMs: e.BOT_CACHE_TTL_MS,
      staleMaxMs: e.BOT_STALE_MAX_MS,
      environment: e.BOT_ENVIRONMENT ?? e.APP_ENV,
    },
    // apps/api/dist -> apps/web/dist in the repository and in the image.
    webDistDir: resolve(e.WEB_DIST_DIR ?? resolve(__dirname, '..', '..', '..', '..', 'web', 'dist')),
    auth: {
      jwtSecret: e.JWT_SECRET,
      secretsEncryptionKey: e.SECRETS_ENCRYPTION_KEY,
      accessTokenTtlS: e.ACCESS_TOKEN_TTL_S,
      refreshTokenTtlS: e.REFRESH_TOKEN_TTL_S,
      adminUsername: e.ADMIN_USERNAME,
      adminPassword: e.ADMIN_PASSWORD,
      requireAdminMfa: e.REQUIRE_ADMIN_MFA,
      botKeyGrantsAdmin: e.BOT_KEY_GRANTS_ADMIN,
      cookieSecure: e.COOKIE_SECURE ?? e.APP_ENV === 'production',
    },
    http: {
      corsOrigins,
      trustedProxies: splitList(e.TRUSTED_PROXIES),
      unauthenticatedPerMinute: e.RATE_LIMIT_UNAUTHENTICATED_PER_MIN,
      roleLimitMultiplier: e.RATE_LIMIT_ROLE_MULTIPLIER,
    },
    feed: {
      retainEvents: e.FEED_RETAIN_EVENTS,
      retainHours: e.FEED_RETAIN_HOURS,
      ringSize: e.FEED_RING_SIZE,
      queueCapacity: e.FEED_QUEUE_CAPACITY,
    },
    ws: {
      maxConnections: e.MAX_WS_CONNECTIONS,
      maxConnectionsPerUser: e.MAX_WS_CONNECTIONS_PER_USER,
      batchMs: e.WS_BATCH_MS,
      heartbeatMs: e.WS_HEARTBEAT_MS,
      tokenRefreshLeadS: e.WS_TOKEN_REFRESH_LEAD_S,
      maxBacklogMessages: e.WS_MAX_BACKLOG_MESSAGES,
      maxBacklogBytes: e.WS_MAX_BACKLOG_BYTES,
    },
    history: { sampleMs: e.HISTORY_SAMPLE_MS, queueCapacity: e.HISTORY_QUEUE_CAPACITY },
    backups: { dir: e.BACKUP_DIR ? resolve(e.BACKUP_DIR) : resolve(dataDir, 'backups'), keep: e.BACKUP_KEEP, daily: e.BACKUP_DAILY },
    alerts: {
      allowedHosts: splitList(e.ALERT_ALLOWED_HOSTS),
      sendTimeoutMs: e.ALERT_SEND_TIMEOUT_MS,
      queueCapacity: e.ALERT_QUEUE_CAPACITY,
      botSilenceAlertS: e.BOT_SILENCE_ALERT_S,
      escalateAfterMin: e.ESCALATE_AFTER_MIN,
      telegramApiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      env: envChannels(e),
      telegramCommands: e.TELEGRAM_COMMANDS === 'on',
      telegramAllowedChats: e.TELEGRAM_ALLOWED_CHATS
        ? splitList(e.TELEGRAM_ALLOWED_CHATS)
        : e.TELEGRAM_CHAT_ID && /^-?\d+$/.test(e.TELEGRAM_CHAT_ID)
          ? [e.TELEGRAM_CHAT_ID]
          : [],
    },
  };
}

function envChannels(e: z.infer<typeof envSchema>): AppConfig['alerts']['env'] {
  if ((e.TELEGRAM_BOT_TOKEN === undefined) !== (e.TELEGRAM_CHAT_ID === undefined)) {
    throw new ConfigError(
      e.TELEGRAM_BOT_TOKEN === undefined ? 'TELEGRAM_BOT_TOKEN' : 'TELEGRAM_CHAT_ID',
      'is required with the other Telegram variable',
    );
  }
  if (e.ALERT_WEBHOOK_SECRET !== undefined && e.ALERT_WEBHOOK_URL === undefined) {
    throw new ConfigError('ALERT_WEBHOOK_URL', 'is required when ALERT_WEBHOOK_SECRET is set');
  }
  return {
    ...(e.TELEGRAM_BOT_TOKEN && e.TELEGRAM_CHAT_ID ? { telegram: { botToken: e.TELEGRAM_BOT_TOKEN, chatId: e.TELEGRAM_CHAT_ID } } : {}),
    ...(e.ALERT_WEBHOOK_URL ? { webhook: { url: e.ALERT_WEBHOOK_URL, secret: e.ALERT_WEBHOOK_SECRET } } : {}),
    ...(e.DISCORD_WEBHOOK_URL ? { discord: { webhookUrl: e.DISCORD_WEBHOOK_URL } } : {}),
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

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** An empty variable (`FOO=`) means "not set", as in most deploy tooling. */
function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) out[key] = value === '' ? undefined : value;
  return out;
}
