import { PRODUCT_NAME } from '@/components/layouts/app-shell';
import { SystemHealth } from '@/features/health/components/system-health';

export function HealthRoute() {
  return (
    <div className="page">
      <title>{`System health · ${PRODUCT_NAME}`}</title>
      <div className="page-header">
        <h1>System health</h1>
        <p className="muted">The control center and what it depends on, checked every few seconds.</p>
      </div>
      <SystemHealth />
    </div>
  );
}
