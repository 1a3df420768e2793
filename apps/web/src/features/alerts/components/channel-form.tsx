import { ALERT_SEVERITIES } from '@dnb/contracts';
import { useState, type FormEvent } from 'react';
import { FormErrorSummary, FormField } from '@/components/ui/form-field';
import { fieldErrorsOf, messagesFor } from '@/lib/field-errors';
import type { Channel } from '../api/alert-config';
import { draftOf, hasStoredSecret, SECRET_FIELDS, type ChannelDraft } from '../channel-payload';
import { SEVERITY_LABEL } from '../alert-presentation';

const SECRET_LABEL = { secret: 'HMAC secret', bot_token: 'Bot token', webhook_url: 'Discord webhook URL' } as const;

interface ChannelFormProps {
  stored?: Channel;
  /** Index of the channel among the API channels in the PUT body, for its field errors. */
  index: number;
  error: unknown;
  saving: boolean;
  onSave: (draft: ChannelDraft) => void;
  onCancel: () => void;
}

/** Add or edit one channel. Secrets are never shown: leaving one empty keeps the stored value. */
export function ChannelForm({ stored, index, error, saving, onSave, onCancel }: ChannelFormProps) {
  const [draft, setDraft] = useState<ChannelDraft>(() => draftOf(stored));
  const errors = fieldErrorsOf(error);
  const err = (field: string) => messagesFor(errors, `channels.${index}.${field}`);
  const set = <K extends keyof ChannelDraft>(key: K, value: ChannelDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft);
  };
  return (
    <form className="form card" onSubmit={submit} aria-label={stored ? `Edit channel ${stored.name}` : 'New channel'}>
      <div className="form-grid">
        <FormField label="Name" errors={err('name')}>
          <input value={draft.name} onChange={(e) => set('name', e.target.value)} required />
        </FormField>
        <FormField label="Kind" errors={err('kind')}>
          <select value={draft.kind} onChange={(e) => set('kind', e.target.value as ChannelDraft['kind'])} disabled={stored !== undefined}>
            <option value="webhook">Webhook</option>
            <option value="telegram">Telegram</option>
            <option value="discord">Discord</option>
          </select>
        </FormField>
        {draft.kind === 'webhook' && (
          <FormField label="URL" errors={err('url')} hint="https, public address (unless allow-listed)">
            <input type="url" value={draft.url} onChange={(e) => set('url', e.target.value)} required />
          </FormField>
        )}
        {draft.kind === 'telegram' && (
          <FormField label="Chat ID" errors={err('chat_id')}>
            <input value={draft.chat_id} onChange={(e) => set('chat_id', e.target.value)} required />
          </FormField>
        )}
        {SECRET_FIELDS[draft.kind].map((field) => {
          const kept = hasStoredSecret(stored, field) && stored?.kind === draft.kind;
          return (
            <FormField
              key={field}
              label={SECRET_LABEL[field]}
              errors={err(field)}
              hint={kept ? 'Stored (********). Leave empty to keep it.' : undefined}
            >
              <input
                type="password"
                autoComplete="new-password"
                value={draft.secrets[field] ?? ''}
                placeholder={kept ? '********' : ''}
                onChange={(e) => set('secrets', { ...draft.secrets, [field]: e.target.value })}
              />
            </FormField>
          );
        })}
      </div>
      <fieldset className="fieldset">
        <legend>Severities sent</legend>
        <div className="actions">
          {ALERT_SEVERITIES.map((severity) => (
            <label key={severity} className="checkbox-row">
              <input
                type="checkbox"
                checked={draft.severities.includes(severity)}
                onChange={(e) =>
                  set('severities', e.target.checked ? [...draft.severities, severity] : draft.severities.filter((s) => s !== severity))
                }
              />
              {SEVERITY_LABEL[severity]}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="checkbox-row">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        Enabled
      </label>
      <label className="checkbox-row">
        <input type="checkbox" checked={draft.escalation} onChange={(e) => set('escalation', e.target.checked)} />
        Receives escalations (critical alerts nobody acknowledged)
      </label>
      {Boolean(error) && <FormErrorSummary error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save channel'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
