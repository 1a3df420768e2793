import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorDetails } from '@/components/errors/error-details';
import { paths } from '@/config/paths';

function RouteErrorContent() {
  const error = useRouteError();
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <section className="card error-card" role="alert">
      <ErrorDetails error={shown} headingLevel={1} />
      <div className="actions">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
        <Link className="button button-secondary" to={paths.health.getHref()}>
          Go to System health
        </Link>
      </div>
    </section>
  );
}

/** A page failed: shown inside the shell. */
export function RouteErrorPage() {
  return (
    <div className="page">
      <RouteErrorContent />
    </div>
  );
}

/** The shell itself failed: a bare page. */
export function RootErrorPage() {
  return (
    <main id="main" className="page page-error">
      <RouteErrorContent />
    </main>
  );
}
