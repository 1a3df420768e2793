// The framework floor for bench:api: NestJS on Fastify with one controller answering the API's
// JSON, and nothing else (no guards, pipes, hooks, database or bot). What the control center adds
// on top of this (auth, rate limits, permissions, validation, security headers, correlation ids,
// the bridge's freshness) is the difference between this line and the API's.
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

const body = JSON.parse(process.env.BARE_BODY ?? '{}');

class PositionsController {
  list() {
    // A fresh object per request, serialised by the framework, as the API's controllers do.
    return { ...body };
  }
}
Reflect.decorate(
  [Get('positions')],
  PositionsController.prototype,
  'list',
  Object.getOwnPropertyDescriptor(PositionsController.prototype, 'list'),
);
Reflect.decorate([Controller('api/v1')], PositionsController);

class BenchModule {}
Reflect.decorate([Module({ controllers: [PositionsController] })], BenchModule);

const app = await NestFactory.create(BenchModule, new FastifyAdapter(), { logger: false });
await app.listen(Number(process.env.BARE_PORT), '127.0.0.1');
