import { Link, useParams } from 'react-router';
import { PRODUCT_NAME } from '@/components/layouts/app-shell';
import { paths } from '@/config/paths';
import { PositionDetail } from '@/features/positions/components/position-detail';

export function PositionRoute() {
  const { id = '' } = useParams();
  return (
    <div className="page">
      <title>{`${id} · ${PRODUCT_NAME}`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.positions.getHref()}>Positions</Link> <span aria-hidden="true">/</span> <span aria-current="page">{id}</span>
      </nav>
      <div className="page-header">
        <h1>Position {id}</h1>
      </div>
      <PositionDetail id={id} />
    </div>
  );
}
