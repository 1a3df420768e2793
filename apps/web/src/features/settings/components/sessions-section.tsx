import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { showErrorToast, showToast } from '@/components/ui/toast';
import { parseWireTime } from '@/lib/time';
import { useAccountSessions, useRevokeSession } from '../api/account';

const when = (value: string) => {
  const date = parseWireTime(value);
  return date ? <LocalTime date={date} /> : value;
};

/** Where I am signed in; any other session can be ended here. */
export function SessionsSection() {
  const sessions = useAccountSessions();
  const revoke = useRevokeSession();
  return (
    <section className="card page-section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      {sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.isPending ? (
        <Skeleton height="4rem" />
      ) : (
        <DataTable label="Sessions (scrolls sideways)" columns={['Browser', 'IP', 'Signed in', 'Last used', 'Expires', 'Action']}>
          {sessions.data.map((session) => (
            <tr key={session.id} data-current={session.current || undefined}>
              <th scope="row" className="wrap">
                {session.user_agent ?? 'Unknown'}
                {session.current && <strong> (this session)</strong>}
              </th>
              <td>{session.ip ?? '—'}</td>
              <td>{when(session.created_at)}</td>
              <td>{when(session.last_used_at)}</td>
              <td>{when(session.expires_at)}</td>
              <td>
                {session.current ? (
                  <span className="muted">Sign out to end</span>
                ) : (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={revoke.isPending}
                    onClick={() =>
                      revoke.mutate(session.id, {
                        onSuccess: () => showToast({ tone: 'success', title: 'Session ended' }),
                        onError: (error) => showErrorToast('The session could not be ended', error),
                      })
                    }
                  >
                    End session
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
