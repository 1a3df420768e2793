import { ASSETS, BREAKER_TYPES, PAUSE_SCOPES } from '@dnb/contracts';
import { z } from 'zod';
import { DEC_PATTERN } from '../common/decimal';

const decimal = z.string().regex(DEC_PATTERN, 'expected a decimal string such as "0.08"');
const asset = z.enum(ASSETS);
const paths = z.array(z.string().startsWith('/')).optional();

export const resetSchema = z
  .object({ seed: z.string().min(1).max(200).optional(), initialPositions: z.number().int().min(0).max(20).optional() })
  .strict();
export const advanceSchema = z
  .object({
    seconds: z
      .number()
      .positive()
      .max(7 * 86_400),
  })
  .strict();
export const clockSchema = z.object({ paused: z.boolean().optional(), speed: z.number().positive().max(1_000_000).optional() }).strict();
export const forceValueSchema = z.object({ value: decimal, positionId: z.string().optional() }).strict();
export const fundingSchema = z.object({ asset: asset.optional(), rate: decimal.optional() }).strict();
export const breakerTripSchema = z
  .object({
    type: z.enum(BREAKER_TYPES),
    scope: z.enum(PAUSE_SCOPES).optional(),
    reason: z.string().min(1).optional(),
    autoRecovery: z.boolean().optional(),
    cooldownSeconds: z.number().int().min(0).nullable().optional(),
  })
  .strict();
export const breakerTypeQuery = z.object({ type: z.enum(BREAKER_TYPES).optional() });
export const lstDepegSchema = z.object({ asset: z.enum(['jitoSOL', 'jupSOL', 'INF']), premium: decimal }).strict();
export const lstQuery = z.object({ asset: z.enum(['jitoSOL', 'jupSOL', 'INF']).optional() });
export const chainSchema = z.object({ chain: z.enum(['solana', 'arbitrum', 'both']) }).strict();
export const chainQuery = z.object({ chain: z.enum(['solana', 'arbitrum', 'both']).optional() });
export const gasSchema = z.object({ sol: decimal }).strict();
export const priceSchema = z.object({ asset, price: decimal, venue: z.enum(['asgard', 'hyperliquid']).optional() }).strict();
export const openSchema = z.object({ asset, deployedUsd: decimal.optional(), leverage: decimal.optional() }).strict();
export const closeSchema = z
  .object({ reason: z.string().min(1).optional(), closingSeconds: z.number().min(0).max(86_400).optional() })
  .strict();

const requestFault = (type: 'latency' | 'http500' | 'garbage' | 'truncated' | 'oversized' | 'hang') =>
  z.object({ type: z.literal(type), paths, times: z.number().int().positive().optional() });

export const faultSchema = z.discriminatedUnion('type', [
  requestFault('latency')
    .extend({ ms: z.number().int().min(0).max(600_000) })
    .strict(),
  requestFault('http500').strict(),
  requestFault('garbage').strict(),
  requestFault('truncated')
    .extend({ mode: z.enum(['length', 'chunked', 'abort']).optional() })
    .strict(),
  requestFault('oversized')
    .extend({
      bytes: z
        .number()
        .int()
        .min(2 * 1024 * 1024 + 1)
        .max(64 * 1024 * 1024)
        .optional(),
    })
    .strict(),
  requestFault('hang').strict(),
  z.object({ type: z.literal('refuse') }).strict(),
  z
    .object({
      type: z.literal('restart'),
      startingMs: z.number().int().min(0).max(600_000).optional(),
      recoveryStepMs: z.number().int().min(0).max(60_000).optional(),
      recoveringMs: z.number().int().min(0).max(600_000).optional(),
    })
    .strict(),
]);
