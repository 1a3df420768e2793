import type { Permission } from '@dnb/contracts';
import { useDeferredValue } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorDetails } from '@/components/errors/error-details';
import { paths } from '@/config/paths';
import { roleCan, useSession } from '@/lib/auth/use-session';
import { AppLoading } from './root';

/** Pages behind sign-in: signed-out visitors go to /login and come back after. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  // Once signed in, the page mounts in a background render React can interrupt (5 ms slices):
  // a first render that big (the dashboard) would otherwise block a phone's main thread at once.
  const pageRendered = useDeferredValue(session.status === 'signed-in');
  if (session.status === 'loading' || (session.status === 'signed-in' && !pageRendered)) return <AppLoading />;
  if (session.status === 'unavailable') {
    return (
      <div className="page">
        <section className="card error-card" role="alert">
          <ErrorDetails error={session.error} headingLevel={1} />
          <div className="actions">
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Try again
            </button>
          </div>
        </section>
      </div>
    );
  }
  if (session.status === 'signed-out' || session.user?.must_change_password) {
    return <Navigate to={paths.login.getHref(`${location.pathname}${location.search}`)} replace />;
  }
  return <Outlet />;
}

/** A page the role may not see says so (links to it are hidden, but a URL can still be typed). */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { user } = useSession();
  if (!roleCan(user?.role, permission)) {
    return (
      <div className="page">
        <section className="card notice-card" aria-labelledby="forbidden-heading">
          <h1 id="forbidden-heading">Not available to your role</h1>
          <p>
            Your role ({user?.role ?? 'none'}) does not include <code>{permission}</code>. Ask an admin if you need it.
          </p>
        </section>
      </div>
    );
  }
  return <Outlet />;
}
