import { readFileSync } from 'node:fs';

/** Variables that may hold secrets and so may also come from `<NAME>_FILE` (Docker secrets). */
export const FILE_BACKED_VARIABLES = [
  'BOT_ADMIN_KEY',
  'DATABASE_URL',
  'JWT_SECRET',
  'SECRETS_ENCRYPTION_KEY',
  'ADMIN_PASSWORD',
  'REDIS_URL',
  'TELEGRAM_BOT_TOKEN',
  'ALERT_WEBHOOK_URL',
  'ALERT_WEBHOOK_SECRET',
  'DISCORD_WEBHOOK_URL',
] as const;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/**
 * Returns a copy of env where each `<NAME>_FILE` is replaced by `<NAME>` holding the file's
 * content (trailing newline trimmed). Setting both is ambiguous and refused.
 */
export function resolveFileSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const resolved = { ...env };
  for (const name of FILE_BACKED_VARIABLES) {
    const fileVar = `${name}_FILE`;
    const path = env[fileVar];
    if (path === undefined || path === '') continue;
    if (env[name] !== undefined && env[name] !== '') {
      throw new ConfigError(fileVar, `both ${name} and ${fileVar} are set; set only one`);
    }
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigError(fileVar, `cannot read ${path}: ${(error as Error).message}`);
    }
    resolved[name] = content.replace(/\r?\n$/, '');
    delete resolved[fileVar];
  }
  return resolved;
}
