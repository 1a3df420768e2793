import { Permission } from '@dnb/contracts';
import { Outlet, useNavigation } from 'react-router';
import { AppShell, PRODUCT_NAME } from '@/components/layouts/app-shell';
import { PauseBanner } from '@/components/layouts/pause-banner';
import { LiveIndicator } from '@/components/ui/live-indicator';
import { Toaster } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { HealthIndicator } from '@/features/health/components/health-indicator';
import { roleCan, useSession, useSessionExpiry } from '@/lib/auth/use-session';
import { useFeedConnection } from '@/lib/live/use-feed-connection';
import { useNavItems } from './nav-items';

export function RootLayout() {
  const navigation = useNavigation();
  const nav = useNavItems();
  const session = useSession();
  useSessionExpiry();
  const live =
    session.status === 'signed-in' && !session.user?.must_change_password && roleCan(session.user?.role, Permission.FeedSubscribe);
  useFeedConnection(live);
  const indicators = (
    <>
      {live && <LiveIndicator />}
      <HealthIndicator />
    </>
  );
  return (
    <AppShell
      homeHref={paths.home.getHref()}
      nav={nav}
      indicator={indicators}
      account={<AccountMenu />}
      banner={live ? <PauseBanner /> : null}
    >
      <div className="route-progress" data-active={navigation.state !== 'idle'} aria-hidden="true" />
      <Outlet />
      <Toaster />
    </AppShell>
  );
}

export function AppLoading() {
  return (
    <div className="app-loading" role="status">
      <span className="app-loading-name">{PRODUCT_NAME}</span>
      <span className="muted">Loading…</span>
    </div>
  );
}
