import { PRODUCT_NAME } from '@/components/layouts/app-shell';
import { StatusCards } from '@/features/dashboard/components/status-cards';
import { useLiveState } from '@/lib/live/use-live-state';

export function DashboardRoute() {
  const live = useLiveState();
  return (
    <div className="page">
      <title>{`Dashboard · ${PRODUCT_NAME}`}</title>
      <div className="page-header">
        <h1>Dashboard</h1>
      </div>
      <StatusCards live={live.data} />
    </div>
  );
}
