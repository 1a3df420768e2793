import { Link, useLocation } from 'react-router';
import { PRODUCT_NAME } from '@/components/layouts/app-shell';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  const { pathname } = useLocation();
  return (
    <div className="page">
      <title>{`Page not found · ${PRODUCT_NAME}`}</title>
      <section className="card notice-card" aria-labelledby="not-found-heading">
        <h1 id="not-found-heading">Page not found</h1>
        <p>
          There is no page at <code>{pathname}</code>.
        </p>
        <p>
          <Link to={paths.health.getHref()}>Go to System health</Link>
        </p>
      </section>
    </div>
  );
}
