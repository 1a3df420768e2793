import { Permission } from '@dnb/contracts';
import type { ComponentType } from 'react';

/**
 * Pages added beside the core ones (dashboard, positions, health, login). The router mounts each
 * behind the session and its permission; the navigation lists those with `nav` not false to
 * users whose role has the permission (the shared matrix in @dnb/contracts).
 */
export interface MoreRoute {
  /** react-router path pattern, e.g. '/analytics' or '/settings/users'. */
  path: string;
  /** The navigation label (and the page's name). */
  label: string;
  /** Needed to see the page and its link. */
  permission: Permission;
  /** False: reachable by URL or link but not listed in the main navigation. */
  nav?: boolean;
  /** Loads the page's code on demand. */
  lazy: () => Promise<{ Component: ComponentType }>;
}

const settings = () => import('@/features/settings/components/settings-pages');

export const moreRoutes: readonly MoreRoute[] = [
  {
    path: '/analytics',
    label: 'Analytics',
    permission: Permission.HistoryRead,
    lazy: () => import('@/features/analytics/components/analytics-page').then((m) => ({ Component: m.AnalyticsPage })),
  },
  {
    path: '/alerts',
    label: 'Alerts',
    permission: Permission.AlertsRead,
    lazy: () => import('@/features/alerts/components/alerts-page').then((m) => ({ Component: m.AlertsPage })),
  },
  {
    path: '/logs',
    label: 'Audit log',
    permission: Permission.AuditRead,
    lazy: () => import('@/features/audit/components/audit-page').then((m) => ({ Component: m.AuditPage })),
  },
  // Every signed-in user has a Settings page (their account); it opens the first section their role may see.
  {
    path: '/settings',
    label: 'Settings',
    permission: Permission.AccountSelf,
    lazy: () => settings().then((m) => ({ Component: m.SettingsIndexPage })),
  },
  {
    path: '/settings/config',
    label: 'Bot configuration',
    permission: Permission.ConfigRead,
    nav: false,
    lazy: () => settings().then((m) => ({ Component: m.ConfigSettingsPage })),
  },
  {
    path: '/settings/users',
    label: 'Users',
    permission: Permission.UsersManage,
    nav: false,
    lazy: () => settings().then((m) => ({ Component: m.UsersSettingsPage })),
  },
  {
    path: '/settings/api-keys',
    label: 'API keys',
    permission: Permission.ApiKeysManage,
    nav: false,
    lazy: () => settings().then((m) => ({ Component: m.ApiKeysSettingsPage })),
  },
  {
    path: '/settings/account',
    label: 'My account',
    permission: Permission.AccountSelf,
    nav: false,
    lazy: () => settings().then((m) => ({ Component: m.AccountSettingsPage })),
  },
];
