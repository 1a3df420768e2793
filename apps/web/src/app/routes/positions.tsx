import { PRODUCT_NAME } from '@/components/layouts/app-shell';
import { PositionsView } from '@/features/positions/components/positions-view';

export function PositionsRoute() {
  return (
    <div className="page">
      <title>{`Positions · ${PRODUCT_NAME}`}</title>
      <div className="page-header">
        <h1>Positions</h1>
        <p className="muted">Open and closing positions, live. Closed ones are in Analytics.</p>
      </div>
      <PositionsView />
    </div>
  );
}
