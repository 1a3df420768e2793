import { Outlet, useNavigation } from 'react-router';
import { AppShell, PRODUCT_NAME } from '@/components/layouts/app-shell';
import { navItems, paths } from '@/config/paths';
import { HealthIndicator } from '@/features/health/components/health-indicator';

export function RootLayout() {
  const navigation = useNavigation();
  return (
    <AppShell homeHref={paths.home.getHref()} nav={navItems} indicator={<HealthIndicator />}>
      <div className="route-progress" data-active={navigation.state !== 'idle'} aria-hidden="true" />
      <Outlet />
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
