import { ROLES, can, type Permission } from '@dnb/contracts';

/** The lowest role that holds a permission, from the shared matrix ("admin" for admin-only). */
export function lowestRoleFor(permission: Permission): string {
  return ROLES.find((role) => can(role, permission)) ?? 'admin';
}

/** Why a control is missing or disabled, e.g. "Requires the admin role." */
export function permissionReason(permission: Permission): string {
  return `Requires the ${lowestRoleFor(permission)} role.`;
}

export function PermissionNote({ permission, children }: { permission: Permission; children?: string }) {
  return (
    <p className="permission-note" data-testid="permission-note">
      {children ? `${children} ` : ''}
      {permissionReason(permission)}
    </p>
  );
}
