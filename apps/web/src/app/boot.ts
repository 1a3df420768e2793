import { ROLES, type Role } from '@dnb/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { getAccessClaims, refreshAccessToken } from '@/lib/access-token';
import { getSessionQueryOptions } from '@/lib/auth/get-session';
import { roleCan } from '@/lib/auth/use-session';
import { getLiveStateQueryOptions } from '@/lib/live/get-live-state';
import { corePages } from './routes/nav-items';

const [dashboardPage] = corePages;

const isRole = (role: string | undefined): role is Role => (ROLES as readonly string[]).includes(role ?? '');

/**
 * Starts the first page's requests while its code still loads, instead of one after another
 * from React effects: the refresh that restores the session and, on the dashboard, the live
 * state as soon as the new access token's role says the dashboard may be read (in parallel with
 * /auth/me). The session query then takes the refresh in flight (one refresh at a time).
 */
export function prefetchFirstPage(queryClient: QueryClient, pathname: string): void {
  const refreshed = refreshAccessToken().catch(() => null);
  void queryClient.prefetchQuery(getSessionQueryOptions());
  if (pathname !== dashboardPage.path) return;
  void refreshed.then((token) => {
    const role = getAccessClaims()?.role;
    if (token && isRole(role) && roleCan(role, dashboardPage.permission)) {
      void queryClient.prefetchQuery(getLiveStateQueryOptions(false));
    }
  });
}
