import { describe, expect, it } from 'vitest';
import { can, pausePermission, Permission, permissionsOf, ROLES } from './permissions';

describe('permission matrix', () => {
  it('lets a viewer read but never control, configure or administer', () => {
    expect(can('viewer', Permission.PositionsRead)).toBe(true);
    expect(can('viewer', Permission.AlertsRead)).toBe(true);
    for (const p of permissionsOf('viewer')) expect(p).toMatch(/^(status|positions|history|alerts|feed|metrics|account):/);
    expect(can('viewer', Permission.ControlPauseEntry)).toBe(false);
    expect(can('viewer', Permission.ConfigRead)).toBe(false);
    expect(can('viewer', Permission.AlertsAck)).toBe(false);
  });

  it('lets an operator pause entry or exit but never everything or an emergency stop', () => {
    expect(can('operator', pausePermission('entry'))).toBe(true);
    expect(can('operator', pausePermission('exit'))).toBe(true);
    for (const scope of ['all', 'asgard', 'hyperliquid'] as const) expect(can('operator', pausePermission(scope))).toBe(false);
    expect(can('operator', Permission.ControlEmergencyStop)).toBe(false);
    expect(can('operator', Permission.ControlResumeAny)).toBe(false);
    expect(can('operator', Permission.ConfigWrite)).toBe(false);
    expect(can('operator', Permission.AlertChannelsWrite)).toBe(false);
    expect(can('operator', Permission.UsersManage)).toBe(false);
  });

  it('gives an admin every permission', () => {
    for (const p of Object.values(Permission)) expect(can('admin', p)).toBe(true);
  });

  it('grows strictly from viewer to operator to admin', () => {
    const [viewer, operator, admin] = ROLES.map((r) => new Set(permissionsOf(r)));
    for (const p of viewer!) expect(operator!.has(p)).toBe(true);
    for (const p of operator!) expect(admin!.has(p)).toBe(true);
    expect(operator!.size).toBeGreaterThan(viewer!.size);
    expect(admin!.size).toBeGreaterThan(operator!.size);
  });
});
