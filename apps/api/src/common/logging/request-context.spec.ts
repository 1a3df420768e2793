import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { correlationIdFrom, requestContextOf } from './request-context';

describe('correlation ids', () => {
  it('keeps a well-formed id from the caller', () => {
    expect(correlationIdFrom('550e8400-e29b-41d4-a716-446655440000')).toBe('550e8400-e29b-41d4-a716-446655440000');
    expect(correlationIdFrom(['abc-123', 'other'])).toBe('abc-123');
  });

  it('replaces a missing, oversized or unsafe id with a fresh UUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(correlationIdFrom(undefined)).toMatch(uuid);
    expect(correlationIdFrom('x'.repeat(129))).toMatch(uuid);
    expect(correlationIdFrom('evil\r\nSet-Cookie: a=b')).toMatch(uuid);
    expect(correlationIdFrom('<script>')).toMatch(uuid);
  });

  it('takes a request’s context from what Fastify parsed, once, with the user agent capped', () => {
    const request = { id: 'cid-1', ip: '203.0.113.5', headers: { 'user-agent': 'u'.repeat(600) } } as unknown as FastifyRequest;
    const context = requestContextOf(request);
    expect(context).toEqual({ correlationId: 'cid-1', ip: '203.0.113.5', userAgent: 'u'.repeat(512) });
    expect(requestContextOf(request)).toBe(context);
  });
});
