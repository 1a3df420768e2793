import { Permission } from '@dnb/contracts';
import { Navigate } from 'react-router';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { roleCan, useCan, useSession } from '@/lib/auth/use-session';
import { useBotConfig } from '../api/config';
import { visibleTabs } from '../settings-tabs';
import { ApiKeysSection } from './api-keys-section';
import { ConfigForm } from './config-form';
import { ConfigVersions } from './config-versions';
import { MfaSection } from './mfa-section';
import { PasswordSection } from './password-section';
import { SessionsSection } from './sessions-section';
import { SettingsLayout } from './settings-layout';
import { UsersSection } from './users-section';

/** /settings: the first sub-page this role may open. */
export function SettingsIndexPage() {
  const role = useSession().user?.role;
  const first = visibleTabs((permission) => roleCan(role, permission))[0];
  return <Navigate to={first?.path ?? '/settings/account'} replace />;
}

export function ConfigSettingsPage() {
  const canWrite = useCan(Permission.ConfigWrite);
  const config = useBotConfig();
  return (
    <SettingsLayout title="Bot configuration">
      <section className="card page-section" aria-label="Bot configuration">
        {config.isError ? (
          <QueryError error={config.error} onRetry={() => void config.refetch()} title="The bot's configuration could not be read." />
        ) : config.isPending ? (
          <Skeleton height="12rem" />
        ) : (
          <ConfigForm config={config.data} canWrite={canWrite} />
        )}
      </section>
      <ConfigVersions canWrite={canWrite} />
    </SettingsLayout>
  );
}

export function UsersSettingsPage() {
  const selfId = useSession().user?.id;
  return (
    <SettingsLayout title="Users">
      <UsersSection selfId={selfId} />
    </SettingsLayout>
  );
}

export function ApiKeysSettingsPage() {
  return (
    <SettingsLayout title="API keys">
      <ApiKeysSection />
    </SettingsLayout>
  );
}

export function AccountSettingsPage() {
  const user = useSession().user;
  return (
    <SettingsLayout title="My account">
      <section className="card page-section" aria-labelledby="me-heading">
        <h2 id="me-heading">Signed in as {user?.username}</h2>
        <p>
          Role: <strong>{user?.role}</strong>
        </p>
      </section>
      <PasswordSection />
      <MfaSection enabled={user?.mfa_enabled ?? false} />
      <SessionsSection />
    </SettingsLayout>
  );
}
