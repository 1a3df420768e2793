import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, toAuditQuery } from './audit-filters';

describe(toAuditQuery.name, () => {
  it('leaves empty fields out', () => {
    expect(toAuditQuery(EMPTY_FILTERS)).toEqual({});
  });

  it('trims names and sends local date-times as UTC', () => {
    const from = '2026-12-04T10:30';
    expect(toAuditQuery({ ...EMPTY_FILTERS, actor: ' alice ', action: 'config.update', outcome: 'denied', from })).toEqual({
      actor: 'alice',
      action: 'config.update',
      outcome: 'denied',
      from: new Date(from).toISOString(),
    });
  });
});
