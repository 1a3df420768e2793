import { Permission } from '@dnb/contracts';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormErrorSummary, FormField } from '@/components/ui/form-field';
import { LocalTime } from '@/components/ui/local-time';
import { PermissionNote } from '@/components/ui/permission-note';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { showToast } from '@/components/ui/toast';
import { parseWireTime } from '@/lib/time';
import { useConfigVersions, useRestoreConfigVersion, type ConfigVersion } from '../api/config';
import { ConfigDiffList } from './config-diff-list';

/** Stored versions, newest first, each with its diff; an admin may send one to the bot again. */
export function ConfigVersions({ canWrite }: { canWrite: boolean }) {
  const versions = useConfigVersions();
  const restore = useRestoreConfigVersion();
  const [target, setTarget] = useState<ConfigVersion | null>(null);
  const [reason, setReason] = useState('');

  const confirm = () => {
    if (!target) return;
    restore.mutate(
      { version: target.version, reason: reason.trim() },
      {
        onSuccess: (result) => {
          showToast({ tone: 'success', title: `Version ${target.version} restored as version ${result.version ?? '?'}` });
          setTarget(null);
          setReason('');
        },
      },
    );
  };

  return (
    <section className="card page-section" aria-labelledby="versions-heading">
      <div className="section-header">
        <h2 id="versions-heading">Versions</h2>
        {!canWrite && <PermissionNote permission={Permission.ConfigWrite}>Restoring a version:</PermissionNote>}
      </div>
      {versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.isPending ? (
        <Skeleton height="6rem" />
      ) : versions.data.length === 0 ? (
        <p className="empty-state">No version stored yet: the first change made here creates one.</p>
      ) : (
        <ol className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {versions.data.map((version) => {
            const at = parseWireTime(version.created_at);
            return (
              <li key={version.version} className="card stack" data-version={version.version}>
                <div className="section-header">
                  <h3>
                    Version {version.version}
                    {version.restored_from !== null && <span className="muted"> (restore of {version.restored_from})</span>}
                  </h3>
                  <span>
                    {version.author} · {at ? <LocalTime date={at} /> : version.created_at}
                  </span>
                </div>
                <p>{version.reason}</p>
                <ConfigDiffList changes={version.diff} />
                {canWrite && (
                  <div className="actions">
                    <button type="button" className="button button-secondary button-small" onClick={() => setTarget(version)}>
                      Restore version {version.version}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <ConfirmDialog
        open={target !== null}
        title={`Restore version ${target?.version ?? ''}?`}
        confirmLabel="Restore"
        onConfirm={confirm}
        onCancel={() => {
          restore.reset();
          setTarget(null);
        }}
        busy={restore.isPending}
        confirmDisabled={reason.trim().length < 3}
      >
        <p>The bot gets that version's whole configuration again.</p>
        <FormField label="Reason" errors={[]}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </FormField>
        {restore.isError && <FormErrorSummary error={restore.error} />}
      </ConfirmDialog>
    </section>
  );
}
