import { ALERT_SEVERITIES, Permission } from '@dnb/contracts';
import { useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { FormField } from '@/components/ui/form-field';
import { LoadMore } from '@/components/ui/load-more';
import { LocalTime } from '@/components/ui/local-time';
import { PermissionNote } from '@/components/ui/permission-note';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { showErrorToast, showToast } from '@/components/ui/toast';
import { parseWireTime } from '@/lib/time';
import { useAckAlert } from '../api/ack-alert';
import { useAlertHistory, type Alert, type AlertFilters } from '../api/get-alert-history';
import { alertState, humanize, SEVERITY_LABEL, SEVERITY_TONE } from '../alert-presentation';

function AlertRow({ alert, canAck, onAck, acking }: { alert: Alert; canAck: boolean; onAck: (id: string) => void; acking: boolean }) {
  const created = parseWireTime(alert.created_at);
  const state = alertState(alert);
  return (
    <tr data-alert-id={alert.id} data-state={state}>
      <th scope="row">{created ? <LocalTime date={created} /> : alert.created_at}</th>
      <td>
        <StatusBadge tone={SEVERITY_TONE[alert.severity]} size="sm">
          {SEVERITY_LABEL[alert.severity]}
        </StatusBadge>
      </td>
      <td className="wrap">
        <strong>{alert.title}</strong>
        <div className="muted">{humanize(alert.type)}</div>
      </td>
      <td>{[alert.position_id, alert.asset].filter(Boolean).join(' · ') || '—'}</td>
      <td>{alert.channels_sent.map((d) => `${d.channel}: ${d.status}`).join(', ') || 'none'}</td>
      <td>
        {state === 'acknowledged' && <span>Acknowledged by {alert.acknowledged_by ?? 'someone'}</span>}
        {state === 'silenced' && <span>Silenced</span>}
        {state === 'open' &&
          (canAck ? (
            <button type="button" className="button button-small" onClick={() => onAck(alert.id)} disabled={acking}>
              Acknowledge<span className="visually-hidden"> {alert.title}</span>
            </button>
          ) : (
            <span>Open</span>
          ))}
      </td>
    </tr>
  );
}

/** The alert history table; the Acknowledge button only for roles that may acknowledge. */
export function AlertHistoryTable({
  alerts,
  canAck,
  onAck,
  ackingId,
}: {
  alerts: Alert[];
  canAck: boolean;
  onAck: (id: string) => void;
  ackingId?: string;
}) {
  if (alerts.length === 0) return <p className="empty-state">No alerts match.</p>;
  return (
    <DataTable
      label="Alert history (scrolls sideways)"
      columns={['Raised', 'Severity', 'Alert', 'Position / asset', 'Deliveries', 'Status']}
    >
      {alerts.map((alert) => (
        <AlertRow key={alert.id} alert={alert} canAck={canAck} onAck={onAck} acking={ackingId === alert.id} />
      ))}
    </DataTable>
  );
}

export function AlertHistorySection({ canAck }: { canAck: boolean }) {
  const [filters, setFilters] = useState<AlertFilters>({});
  const history = useAlertHistory(filters);
  const ack = useAckAlert();
  const alerts = history.data?.pages.flatMap((page) => page.alerts) ?? [];
  const onAck = (id: string) =>
    ack.mutate(id, {
      onSuccess: (alert) => showToast({ tone: 'success', title: `Acknowledged: ${alert.title}` }),
      onError: (error) => showErrorToast('The alert could not be acknowledged', error),
    });

  return (
    <section className="card page-section" aria-labelledby="alert-history-heading">
      <div className="section-header">
        <h2 id="alert-history-heading">History</h2>
        {!canAck && <PermissionNote permission={Permission.AlertsAck}>Acknowledging alerts:</PermissionNote>}
      </div>
      <div className="toolbar">
        <FormField label="Severity">
          <select
            value={filters.severity ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, severity: (e.target.value || undefined) as AlertFilters['severity'] }))}
          >
            <option value="">All</option>
            {ALERT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABEL[s]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Status">
          <select
            value={filters.acknowledged ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, acknowledged: (e.target.value || undefined) as AlertFilters['acknowledged'] }))}
          >
            <option value="">All</option>
            <option value="false">Not acknowledged</option>
            <option value="true">Acknowledged</option>
          </select>
        </FormField>
      </div>
      {history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.isPending ? (
        <Skeleton height="8rem" />
      ) : (
        <>
          <AlertHistoryTable alerts={alerts} canAck={canAck} onAck={onAck} ackingId={ack.isPending ? ack.variables : undefined} />
          <LoadMore
            shown={alerts.length}
            hasMore={history.hasNextPage}
            loading={history.isFetchingNextPage}
            onLoadMore={() => void history.fetchNextPage()}
            noun="alerts"
          />
        </>
      )}
    </section>
  );
}
