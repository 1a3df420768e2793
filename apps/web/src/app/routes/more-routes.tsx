import type { Permission } from '@dnb/contracts';
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

export const moreRoutes: readonly MoreRoute[] = [];
