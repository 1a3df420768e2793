import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.schema';
import { ConfigError } from './secrets';

const base = { BOT_API_URL: 'http://bot:8000', BOT_ADMIN_KEY: 'k' };

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe(loadConfig.name, () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database.driver).toBe('sqlite');
    expect(config.bot.readTimeoutMs).toBe(2000);
    expect(config.bot.controlTimeoutMs).toBe(5000);
  });

  it('names a missing required variable', () => {
    const error = configError({ BOT_ADMIN_KEY: 'k' });
    expect(error.variable).toBe('BOT_API_URL');
    expect(error.message).toContain('required');
  });

  it('names a variable with a bad value', () => {
    expect(configError({ ...base, PORT: 'eighty' }).variable).toBe('PORT');
    expect(configError({ ...base, BOT_API_URL: 'ftp://bot' }).variable).toBe('BOT_API_URL');
    expect(configError({ ...base, DATABASE_URL: 'mysql://x' }).variable).toBe('DATABASE_URL');
    expect(configError({ ...base, APP_ENV: 'staging' }).variable).toBe('APP_ENV');
  });

  it('treats an empty variable as unset', () => {
    expect(configError({ ...base, BOT_ADMIN_KEY: '' }).variable).toBe('BOT_ADMIN_KEY');
    expect(loadConfig({ ...base, PORT: '' }).port).toBe(8080);
  });

  it('reads a secret from <NAME>_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'bot_key');
    writeFileSync(file, 's3cret-from-file\n');
    const config = loadConfig({ BOT_API_URL: 'http://bot:8000', BOT_ADMIN_KEY_FILE: file });
    expect(config.bot.adminKey).toBe('s3cret-from-file');
  });

  it('refuses a secret given both inline and as a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'bot_key');
    writeFileSync(file, 'x');
    expect(configError({ ...base, BOT_ADMIN_KEY_FILE: file }).variable).toBe('BOT_ADMIN_KEY_FILE');
  });

  it('names the _FILE variable when its file cannot be read', () => {
    expect(configError({ BOT_API_URL: 'http://bot:8000', BOT_ADMIN_KEY_FILE: '/nonexistent/key' }).variable).toBe('BOT_ADMIN_KEY_FILE');
  });

  it('chooses PostgreSQL for a postgres URL and SQLite for sqlite: or nothing', () => {
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://u:p@db:5432/cc' }).database).toEqual({
      driver: 'postgres',
      url: 'postgres://u:p@db:5432/cc',
    });
    expect(loadConfig({ ...base, DATABASE_URL: 'sqlite:/var/lib/cc.db' }).database).toEqual({ driver: 'sqlite', path: '/var/lib/cc.db' });
    expect(loadConfig({ ...base, DATA_DIR: '/srv/data' }).database).toEqual({ driver: 'sqlite', path: '/srv/data/control-center.db' });
  });

  it('strips a trailing slash from the bot URL', () => {
    expect(loadConfig({ ...base, BOT_API_URL: 'http://bot:8000/' }).bot.apiUrl).toBe('http://bot:8000');
  });
});
