import { Permission } from '@dnb/contracts';

/** The Settings sub-pages, each with the permission its API needs (the shared matrix). */
export const SETTINGS_TABS = [
  { key: 'config', path: '/settings/config', label: 'Bot configuration', permission: Permission.ConfigRead },
  { key: 'users', path: '/settings/users', label: 'Users', permission: Permission.UsersManage },
  { key: 'api-keys', path: '/settings/api-keys', label: 'API keys', permission: Permission.ApiKeysManage },
  { key: 'account', path: '/settings/account', label: 'My account', permission: Permission.AccountSelf },
] as const;

export type SettingsTab = (typeof SETTINGS_TABS)[number];

/** The tabs a role may open, in order; the first is where /settings leads. */
export function visibleTabs(can: (permission: Permission) => boolean): SettingsTab[] {
  return SETTINGS_TABS.filter((tab) => can(tab.permission));
}
