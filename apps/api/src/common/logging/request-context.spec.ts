import { describe, expect, it } from 'vitest';
import { correlationIdFrom, currentCorrelationId, runWithContext } from './request-context';

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

  it('is visible across awaits inside runWithContext and absent outside', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    await runWithContext({ correlationId: 'cid-1' }, async () => {
      await new Promise((r) => setTimeout(r, 5));
      expect(currentCorrelationId()).toBe('cid-1');
    });
    expect(currentCorrelationId()).toBeUndefined();
  });
});
