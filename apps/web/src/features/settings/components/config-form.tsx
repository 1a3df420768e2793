import { Permission } from '@dnb/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormErrorSummary, FormField } from '@/components/ui/form-field';
import { PermissionNote } from '@/components/ui/permission-note';
import { fieldErrorsOf, messagesFor } from '@/lib/field-errors';
import { useConfigPreview, useUpdateConfig, type ConfigUpdateResult } from '../api/config';
import { CONFIG_FIELDS, draftFromConfig, fieldPath, patchOf, previewChanges, type BotConfig, type ConfigDraft } from '../config-fields';
import { ConfigDiffList } from './config-diff-list';

/**
 * The bot's configuration. Saving is two steps: review, where the API previews the changed
 * fields against the bot's live configuration and its limits (a field beyond a limit is shown
 * beside it, and nothing opens), then confirm, which sends the same fields and shows the diff
 * the bot then reports.
 */
export function ConfigForm({ config, canWrite }: { config: BotConfig; canWrite: boolean }) {
  const [draft, setDraft] = useState<ConfigDraft>(() => draftFromConfig(config));
  const [reason, setReason] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const [saved, setSaved] = useState<ConfigUpdateResult | null>(null);
  const update = useUpdateConfig();
  const preview = useConfigPreview();
  const changes = useMemo(() => previewChanges(config, draft), [config, draft]);
  const failure = update.error ?? preview.error;
  const errors = fieldErrorsOf(failure);

  const review = (event: FormEvent) => {
    event.preventDefault();
    update.reset();
    setSaved(null);
    preview.mutate({ config: patchOf(changes) }, { onSuccess: () => setReviewing(true) });
  };
  const confirm = () =>
    update.mutate(
      { config: patchOf(changes), reason: reason.trim() },
      {
        onSuccess: (result) => {
          setSaved(result);
          setReason('');
          setDraft(draftFromConfig(result.config));
          setReviewing(false);
        },
        // Field errors belong beside the fields: close the preview so they can be seen and fixed.
        onError: () => setReviewing(false),
      },
    );

  const present = CONFIG_FIELDS.filter((field) => fieldPath(field) in draft);

  return (
    <form className="form" onSubmit={review} aria-labelledby="config-heading" noValidate>
      <div className="section-header">
        <h2 id="config-heading">Bot configuration</h2>
        {!canWrite && <PermissionNote permission={Permission.ConfigWrite}>Changing the configuration:</PermissionNote>}
      </div>
      {saved && (
        <div className="success-note" role="status" data-testid="config-saved">
          <p>
            <strong>{saved.changed ? `Saved as version ${saved.version ?? '?'}.` : 'The bot reports no change.'}</strong> What the bot now
            reports:
          </p>
          <ConfigDiffList changes={saved.diff} />
        </div>
      )}
      <fieldset className="fieldset" disabled={!canWrite}>
        <legend>Fields</legend>
        <div className="form-grid">
          {present.map((field) => {
            const path = fieldPath(field);
            const fieldErrors = messagesFor(errors, `config.${path}`);
            const value = draft[path]!;
            if (field.kind === 'bool') {
              return (
                <label key={path} className="checkbox-row">
                  <input type="checkbox" checked={Boolean(value)} onChange={(e) => setDraft((d) => ({ ...d, [path]: e.target.checked }))} />
                  {field.label}
                  {fieldErrors.length > 0 && <span className="form-error">{fieldErrors.join('; ')}</span>}
                </label>
              );
            }
            return (
              <FormField key={path} label={field.label} hint={field.hint} errors={fieldErrors}>
                <input
                  name={path}
                  inputMode={field.kind === 'int' ? 'numeric' : 'decimal'}
                  value={String(value)}
                  onChange={(e) => setDraft((d) => ({ ...d, [path]: e.target.value }))}
                />
              </FormField>
            );
          })}
        </div>
      </fieldset>
      {canWrite && (
        <>
          <FormField
            label="Reason for the change"
            errors={messagesFor(errors, 'reason')}
            hint="Recorded with the version and in the audit log"
          >
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </FormField>
          {failure && <FormErrorSummary error={failure} />}
          <div className="actions">
            <button type="submit" className="button" disabled={changes.length === 0 || reason.trim().length < 3 || preview.isPending}>
              Review {changes.length} change{changes.length === 1 ? '' : 's'}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setDraft(draftFromConfig(config))}
              disabled={changes.length === 0}
            >
              Discard
            </button>
          </div>
          {changes.length > 0 && reason.trim().length < 3 && (
            <p className="form-hint">Give a reason (3 characters or more) to review the change.</p>
          )}
        </>
      )}
      <ConfirmDialog
        open={reviewing}
        title="Apply these changes to the bot?"
        confirmLabel="Apply changes"
        onConfirm={confirm}
        onCancel={() => setReviewing(false)}
        busy={update.isPending}
      >
        <ConfigDiffList changes={preview.data?.diff ?? changes} />
        <p>
          Reason: <strong>{reason}</strong>
        </p>
      </ConfirmDialog>
    </form>
  );
}
