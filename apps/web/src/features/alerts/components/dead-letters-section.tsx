import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { showErrorToast, showToast } from '@/components/ui/toast';
import { parseWireTime } from '@/lib/time';
import { useDeadLetters, useRetryDelivery } from '../api/dead-letters';

/** Deliveries that failed every attempt (admin), each retried on demand. */
export function DeadLettersSection({ canRetry }: { canRetry: boolean }) {
  const dead = useDeadLetters();
  const retry = useRetryDelivery();
  return (
    <section className="card page-section" aria-labelledby="dead-heading">
      <h2 id="dead-heading">Dead letters</h2>
      {dead.isError ? (
        <QueryError error={dead.error} onRetry={() => void dead.refetch()} />
      ) : dead.isPending ? (
        <Skeleton height="4rem" />
      ) : dead.data.length === 0 ? (
        <p className="empty-state">No dead letters: every delivery went through or is still being tried.</p>
      ) : (
        <DataTable label="Dead letters (scrolls sideways)" columns={['Channel', 'Alert', 'Attempts', 'Last error', 'Last try', 'Action']}>
          {dead.data.map((delivery) => {
            const at = parseWireTime(delivery.next_attempt_at);
            return (
              <tr key={delivery.id} data-delivery-id={delivery.id}>
                <th scope="row">{delivery.channel}</th>
                <td>
                  <code>{delivery.alert_id}</code> ({delivery.purpose})
                </td>
                <td className="num">{delivery.attempts}</td>
                <td className="wrap">
                  {delivery.last_status !== null ? `HTTP ${delivery.last_status}: ` : ''}
                  {delivery.last_error ?? '—'}
                </td>
                <td>{at ? <LocalTime date={at} /> : '—'}</td>
                <td>
                  {canRetry && (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={retry.isPending}
                      onClick={() =>
                        retry.mutate(delivery.id, {
                          onSuccess: () => showToast({ tone: 'success', title: `Delivery to ${delivery.channel} queued again` }),
                          onError: (error) => showErrorToast('The retry failed', error),
                        })
                      }
                    >
                      Retry<span className="visually-hidden"> delivery to {delivery.channel}</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
