import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

/**
 * A Reflector that remembers what it read. Route metadata (public, permissions, throttler
 * overrides) is written by decorators when the classes are defined and never changes after,
 * yet the global guards read about 20 keys per request through reflect-metadata's
 * prototype-walking lookups. Each (target, key) is now read once.
 */
@Injectable()
export class RouteMetadata extends Reflector {
  private readonly memo = new WeakMap<object, Map<unknown, unknown>>();

  override get(metadataKeyOrDecorator: unknown, target: object): never {
    let byKey = this.memo.get(target);
    if (!byKey) {
      byKey = new Map();
      this.memo.set(target, byKey);
    }
    if (byKey.has(metadataKeyOrDecorator)) return byKey.get(metadataKeyOrDecorator) as never;
    const value: unknown = (super.get as (key: unknown, target: object) => unknown)(metadataKeyOrDecorator, target);
    byKey.set(metadataKeyOrDecorator, value);
    return value as never;
  }
}
