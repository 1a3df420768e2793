import { Outlet, useNavigation } from 'react-router';
import { AppShell, PRODUCT_NAME } from '@/components/layouts/app-shell';
import { Toaster } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { useSessionExpiry } from '@/lib/auth/use-session';
import { HealthIndicator } from '@/features/health/components/health-indicator';
import { useNavItems } from './nav-items';

export function RootLayout() {
  const navigation = useNavigation();
  const nav = useNavItems();
  useSessionExpiry();
  return (
    <AppShell homeHref={paths.home.getHref()} nav={nav} indicator={<HealthIndicator />} account={<AccountMenu />}>
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
