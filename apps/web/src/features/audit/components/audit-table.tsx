import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { StatusBadge, type Tone } from '@/components/ui/status-badge';
import { parseWireTime } from '@/lib/time';
import type { AuditEntry } from '../api/get-audit';

const OUTCOME_TONE: Record<AuditEntry['outcome'], Tone> = {
  success: 'success',
  failure: 'danger',
  denied: 'danger',
  attempt: 'info',
  unknown: 'neutral',
};

function Changes({ entry }: { entry: AuditEntry }) {
  const parts = (['detail', 'before', 'after'] as const).filter((key) => entry[key] !== null);
  if (parts.length === 0) return <>—</>;
  return (
    <details>
      <summary>Details</summary>
      {parts.map((key) => (
        <div key={key}>
          <strong>{key}</strong>
          <pre className="code-block">{JSON.stringify(entry[key], null, 2)}</pre>
        </div>
      ))}
    </details>
  );
}

/** Audit rows, newest first: who, what, on what, how it ended; details folded. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="empty-state">No audit entries match these filters.</p>;
  return (
    <DataTable
      label="Audit log (scrolls sideways)"
      columns={['Time', 'Actor', 'Action', 'Target', 'Outcome', 'IP', 'Correlation ID', 'Details']}
    >
      {entries.map((entry) => {
        const at = parseWireTime(entry.occurred_at);
        return (
          <tr key={entry.id} data-audit-id={entry.id} data-action={entry.action}>
            <th scope="row">{at ? <LocalTime date={at} /> : entry.occurred_at}</th>
            <td>
              {entry.actor_name ?? entry.actor_kind}
              {entry.actor_role && <span className="muted"> ({entry.actor_role})</span>}
            </td>
            <td>
              <code>{entry.action}</code>
            </td>
            <td>{entry.target ?? '—'}</td>
            <td>
              <StatusBadge tone={OUTCOME_TONE[entry.outcome]} size="sm">
                {entry.outcome}
                {entry.status_code !== null ? ` ${entry.status_code}` : ''}
              </StatusBadge>
            </td>
            <td>{entry.ip ?? '—'}</td>
            <td>{entry.correlation_id ? <code>{entry.correlation_id}</code> : '—'}</td>
            <td className="wrap">
              <Changes entry={entry} />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
