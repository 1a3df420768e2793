import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHENTICATED_KEY, PERMISSIONS_KEY, PUBLIC_KEY } from '../../apps/api/src/common/auth/auth.decorators';
import { loadConfig } from '../../apps/api/src/common/config/env.schema';
import { createLogger } from '../../apps/api/src/common/logging/logger';
import { createApp } from '../../apps/api/src/main';

// Socket.IO handlers are marked with this metadata key by @SubscribeMessage.
const MESSAGE_METADATA = 'message';

interface Entry {
  where: string;
  declared: boolean;
}

/** Every HTTP route and every socket event handler the app registers, with its declaration. */
function walk(app: NestFastifyApplication): { routes: Entry[]; socketEvents: Entry[] } {
  const routes: Entry[] = [];
  const socketEvents: Entry[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of [...module.controllers.values(), ...module.providers.values()]) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type?.prototype || typeof type !== 'function') continue;
      const classDeclared = [PUBLIC_KEY, PERMISSIONS_KEY, AUTHENTICATED_KEY].some((key) => Reflect.getMetadata(key, type) !== undefined);
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        if (name === 'constructor') continue;
        const handler = Object.getOwnPropertyDescriptor(type.prototype, name)?.value as unknown;
        if (typeof handler !== 'function') continue;
        const declared =
          classDeclared || [PUBLIC_KEY, PERMISSIONS_KEY, AUTHENTICATED_KEY].some((key) => Reflect.getMetadata(key, handler) !== undefined);
        if (Reflect.getMetadata(PATH_METADATA, handler) !== undefined && Reflect.getMetadata(METHOD_METADATA, handler) !== undefined) {
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          routes.push({
            where: `${method} ${String(Reflect.getMetadata(PATH_METADATA, type))}/${String(Reflect.getMetadata(PATH_METADATA, handler))} (${type.name}.${name})`,
            declared,
          });
        }
        if (Reflect.getMetadata(MESSAGE_METADATA, handler) !== undefined) {
          socketEvents.push({ where: `socket ${String(Reflect.getMetadata(MESSAGE_METADATA, handler))} (${type.name}.${name})`, declared });
        }
      }
    }
  }
  return { routes, socketEvents };
}

describe('permission declarations', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dnb-routes-'));
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      BOT_API_URL: 'http://127.0.0.1:1',
      BOT_ADMIN_KEY: 'k',
      ADMIN_PASSWORD: 'a long root passphrase',
      LOG_LEVEL: 'silent',
    });
    app = await createApp(config, createLogger('silent'));
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the routes it is meant to check', () => {
    const { routes } = walk(app);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.some((r) => r.where.startsWith('POST auth/login'))).toBe(true);
  });

  it('every HTTP route declares @Public, @Authenticated or @RequirePermission', () => {
    const undeclared = walk(app)
      .routes.filter((r) => !r.declared)
      .map((r) => r.where);
    expect(undeclared).toEqual([]);
  });

  it('every Socket.IO event handler declares its permission', () => {
    const undeclared = walk(app)
      .socketEvents.filter((e) => !e.declared)
      .map((e) => e.where);
    expect(undeclared).toEqual([]);
  });

  it('keeps public routes to the few that must be', () => {
    const publicRoutes = walk(app)
      .routes.filter((r) => r.declared)
      .map((r) => r.where)
      .filter((where) => /HealthController|login|refresh/.test(where));
    const declaredPublic: string[] = [];
    for (const module of app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as { prototype: object; name: string };
        const classPublic = Reflect.getMetadata(PUBLIC_KEY, type) === true;
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = Object.getOwnPropertyDescriptor(type.prototype, name)?.value as object;
          if (name !== 'constructor' && (classPublic || Reflect.getMetadata(PUBLIC_KEY, handler) === true))
            declaredPublic.push(`${type.name}.${name}`);
        }
      }
    }
    expect(declaredPublic.sort()).toEqual([
      'AuthController.login',
      'AuthController.refresh',
      'HealthController.live',
      'HealthController.ready',
      'HealthController.report',
    ]);
    expect(publicRoutes.length).toBeGreaterThan(0);
  });
});
