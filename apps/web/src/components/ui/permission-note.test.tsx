import { Permission } from '@dnb/contracts';
import { describe, expect, it } from 'vitest';
import { lowestRoleFor, permissionReason } from './permission-note';

describe(lowestRoleFor.name, () => {
  it('names the lowest role of the shared matrix that holds a permission', () => {
    expect(lowestRoleFor(Permission.HistoryRead)).toBe('viewer');
    expect(lowestRoleFor(Permission.AlertsAck)).toBe('operator');
    expect(lowestRoleFor(Permission.ConfigWrite)).toBe('admin');
    expect(permissionReason(Permission.AuditRead)).toBe('Requires the admin role.');
  });
});
