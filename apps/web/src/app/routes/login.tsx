import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { PRODUCT_NAME } from '@/components/layouts/app-shell';
import { LogoMark } from '@/components/ui/icons';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { paths, safeNext } from '@/config/paths';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { LoginForm } from '@/features/auth/components/login-form';
import { useSession } from '@/lib/auth/use-session';

export function LoginRoute() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const mustChange = session.user?.must_change_password === true;

  if (session.status === 'signed-in' && !mustChange) return <Navigate to={next} replace />;

  return (
    <main id="main" className="auth-page">
      <title>{`Sign in · ${PRODUCT_NAME}`}</title>
      <div className="auth-theme">
        <ThemeToggle />
      </div>
      <section className="card auth-card" aria-labelledby="auth-heading">
        <div className="auth-brand">
          <LogoMark size={28} className="brand-mark" />
          <span>{PRODUCT_NAME}</span>
        </div>
        <h1 id="auth-heading">{mustChange ? 'Change your password' : 'Sign in'}</h1>
        {mustChange ? (
          <ChangePasswordForm onChanged={() => void navigate(next, { replace: true })} />
        ) : (
          <LoginForm
            onSignedIn={(me) => {
              if (me && !me.must_change_password) void navigate(next, { replace: true });
            }}
          />
        )}
        <p className="auth-footer muted">
          <a href={paths.health.getHref()}>System health</a> is public.
        </p>
      </section>
    </main>
  );
}
