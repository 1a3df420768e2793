import { ALERT_TYPES, ASSETS, Permission } from '@dnb/contracts';
import { useState, type FormEvent } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { FormErrorSummary, FormField } from '@/components/ui/form-field';
import { LocalTime } from '@/components/ui/local-time';
import { PermissionNote } from '@/components/ui/permission-note';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { showErrorToast, showToast } from '@/components/ui/toast';
import { fieldErrorsOf, messagesFor } from '@/lib/field-errors';
import { parseWireTime } from '@/lib/time';
import { useCreateSilence, useEndSilence, useSilences, type Silence, type SilenceInput } from '../api/silences';
import { humanize } from '../alert-presentation';

const DURATIONS = [
  { label: '30 minutes', minutes: 30 },
  { label: '1 hour', minutes: 60 },
  { label: '4 hours', minutes: 240 },
  { label: '24 hours', minutes: 1440 },
] as const;

const time = (value: string | null) => {
  const date = parseWireTime(value);
  return date ? <LocalTime date={date} /> : '—';
};

function SilenceForm() {
  const create = useCreateSilence();
  const [type, setType] = useState('');
  const [asset, setAsset] = useState('');
  const [positionId, setPositionId] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: SilenceInput = {
      reason,
      ends_at: new Date(Date.now() + minutes * 60_000).toISOString(),
      ...(type ? { alert_type: type as SilenceInput['alert_type'] } : {}),
      ...(asset ? { asset: asset as SilenceInput['asset'] } : {}),
      ...(positionId.trim() ? { position_id: positionId.trim() } : {}),
    };
    create.mutate(input, {
      onSuccess: () => {
        showToast({ tone: 'success', title: 'Silence created' });
        setReason('');
        setPositionId('');
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="new-silence-heading">
      <h3 id="new-silence-heading">New silence</h3>
      <div className="form-grid">
        <FormField label="Alert type" errors={messagesFor(errors, 'alert_type')}>
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Every type</option>
            {ALERT_TYPES.map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Asset" errors={messagesFor(errors, 'asset')}>
          <select value={asset} onChange={(e) => setAsset(e.target.value)}>
            <option value="">Every asset</option>
            {ASSETS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Position ID (optional)" errors={messagesFor(errors, 'position_id')}>
          <input value={positionId} onChange={(e) => setPositionId(e.target.value)} autoComplete="off" />
        </FormField>
        <FormField label="For" errors={messagesFor(errors, 'ends_at')}>
          <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
            {DURATIONS.map((d) => (
              <option key={d.minutes} value={d.minutes}>
                {d.label}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <FormField label="Reason" errors={messagesFor(errors, 'reason')}>
        <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
      </FormField>
      {create.isError && <FormErrorSummary error={create.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create silence'}
        </button>
      </div>
    </form>
  );
}

function SilencesTable({ silences, canSilence }: { silences: Silence[]; canSilence: boolean }) {
  const end = useEndSilence();
  if (silences.length === 0) return <p className="empty-state">No silences.</p>;
  return (
    <DataTable label="Silences (scrolls sideways)" columns={['Reason', 'Matches', 'From', 'Until', 'By', 'Action']}>
      {silences.map((silence) => {
        const ended = silence.ended_at !== null || Date.parse(silence.ends_at) <= Date.now();
        return (
          <tr key={silence.id}>
            <th scope="row">{silence.reason}</th>
            <td>
              {[silence.alert_type ? humanize(silence.alert_type) : 'Every type', silence.asset, silence.position_id]
                .filter(Boolean)
                .join(' · ')}
            </td>
            <td>{time(silence.starts_at)}</td>
            <td>{time(silence.ended_at ?? silence.ends_at)}</td>
            <td>{silence.author}</td>
            <td>
              {ended ? (
                'Ended'
              ) : canSilence ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={end.isPending}
                  onClick={() =>
                    end.mutate(silence.id, {
                      onSuccess: () => showToast({ tone: 'success', title: 'Silence ended' }),
                      onError: (error) => showErrorToast('The silence could not be ended', error),
                    })
                  }
                >
                  End<span className="visually-hidden"> silence {silence.reason}</span>
                </button>
              ) : (
                'Active'
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export function SilencesSection({ canSilence }: { canSilence: boolean }) {
  const silences = useSilences();
  return (
    <section className="card page-section" aria-labelledby="silences-heading">
      <h2 id="silences-heading">Silences</h2>
      <p className="muted">Matching alerts are kept in the history but not sent while a silence runs.</p>
      {silences.isError ? (
        <QueryError error={silences.error} onRetry={() => void silences.refetch()} />
      ) : silences.isPending ? (
        <Skeleton height="4rem" />
      ) : (
        <SilencesTable silences={silences.data} canSilence={canSilence} />
      )}
      {canSilence ? <SilenceForm /> : <PermissionNote permission={Permission.AlertsSilence}>Creating and ending silences:</PermissionNote>}
    </section>
  );
}
