import { useNavigate } from 'react-router';
import { SignOutIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { useLogout } from '../api/logout';
import { useSession } from '@/lib/auth/use-session';

/** Who is signed in (name and role) and the sign-out button, in the header. */
export function AccountMenu() {
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  if (!user) {
    return (
      <a className="button button-secondary" href={paths.login.getHref()}>
        Sign in
      </a>
    );
  }
  return (
    <div className="account" data-testid="account">
      <span className="account-name">
        <span data-testid="account-username">{user.username}</span>
        <span className="account-role" data-testid="account-role">
          {user.role}
        </span>
      </span>
      <button
        type="button"
        className="button button-secondary"
        disabled={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate(paths.login.getHref(), { replace: true }) })}
      >
        <SignOutIcon className="account-signout-icon" />
        <span className="account-signout-text">Sign out</span>
      </button>
    </div>
  );
}
