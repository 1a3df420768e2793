import { Permission } from '@dnb/contracts';
import type { NavItem } from '@/components/layouts/app-shell';
import { paths } from '@/config/paths';
import { roleCan, useSession } from '@/lib/auth/use-session';
import { moreRoutes } from './more-routes';

/** The core pages and what each needs (the same permission its API reads need). */
export const corePages = [
  { ...paths.home, permission: Permission.StatusRead },
  { ...paths.positions, permission: Permission.PositionsRead },
] as const;

/** The navigation for whoever is looking: only pages their role may see; visitors get the public ones. */
export function useNavItems(): NavItem[] {
  const { user } = useSession();
  const allowed = (permission: Permission) => roleCan(user?.role, permission);
  const items: NavItem[] = corePages.filter((page) => allowed(page.permission)).map(({ label, getHref }) => ({ label, getHref }));
  for (const route of moreRoutes) {
    if (route.nav === false || !allowed(route.permission)) continue;
    items.push({ label: route.label, getHref: () => route.path });
  }
  items.push({ label: paths.health.label, getHref: paths.health.getHref });
  return items;
}
