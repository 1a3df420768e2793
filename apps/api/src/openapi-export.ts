import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from './common/config/env.schema';
import { createLogger } from './common/logging/logger';
import { createApp } from './main';
import { buildOpenApiDocument } from './openapi';

/**
 * Writes the OpenAPI document generated from the code to openapi.json (committed), or with
 * --check fails when the committed file differs, so the spec integrators read never drifts.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const target = resolve(__dirname, '..', '..', '..', 'openapi.json');
  const dataDir = mkdtempSync(join(tmpdir(), 'dnb-openapi-'));
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      BOT_API_URL: 'http://bot.invalid:8000',
      BOT_ADMIN_KEY: 'openapi-export',
      LOG_LEVEL: 'silent',
      // A throwaway database: its first admin needs a password nobody will see.
      ADMIN_PASSWORD: randomBytes(24).toString('base64url'),
    });
    const app = await createApp(config, createLogger('silent'));
    await app.init();
    const json = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
    await app.close();
    if (!check) {
      writeFileSync(target, json);
      process.stdout.write(`wrote ${target}\n`);
      return;
    }
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // missing counts as drift
    }
    if (committed !== json) {
      process.stderr.write('openapi.json is out of date with the code: run `npm run openapi:generate` and commit it\n');
      process.exitCode = 1;
      return;
    }
    process.stdout.write('openapi.json matches the code\n');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
