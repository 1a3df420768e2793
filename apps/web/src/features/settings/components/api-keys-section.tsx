import type { Role } from '@dnb/contracts';
import { useState, type FormEvent } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { FormErrorSummary, FormField } from '@/components/ui/form-field';
import { LocalTime } from '@/components/ui/local-time';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { showErrorToast, showToast } from '@/components/ui/toast';
import { fieldErrorsOf, messagesFor } from '@/lib/field-errors';
import { parseWireTime } from '@/lib/time';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, type ApiKey, type CreatedApiKey } from '../api/api-keys';
import { RoleSelect } from './role-select';
import { SecretOnce } from './secret-once';

const when = (value: string | null, otherwise: string) => {
  const date = parseWireTime(value);
  return date ? <LocalTime date={date} /> : otherwise;
};

/** "10.0.0.0/8, 203.0.113.7" -> ["10.0.0.0/8", "203.0.113.7"]; empty -> none. */
export function parseAllowlist(text: string): string[] | undefined {
  const entries = text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.length ? entries : undefined;
}

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [expires, setExpires] = useState('');
  const [allowlist, setAllowlist] = useState('');
  const errors = fieldErrorsOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        role,
        ...(expires ? { expires_at: new Date(`${expires}T00:00:00Z`).toISOString() } : {}),
        ...(parseAllowlist(allowlist) ? { ip_allowlist: parseAllowlist(allowlist) } : {}),
      },
      {
        onSuccess: (key) => {
          onCreated(key);
          setName('');
          setAllowlist('');
          setExpires('');
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="new-key-heading" noValidate>
      <h3 id="new-key-heading">New API key</h3>
      <div className="form-grid">
        <FormField label="Name" errors={messagesFor(errors, 'name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </FormField>
        <FormField label="Role" errors={messagesFor(errors, 'role')}>
          <RoleSelect value={role} onChange={setRole} />
        </FormField>
        <FormField label="Expires on (UTC, optional)" errors={messagesFor(errors, 'expires_at')}>
          <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </FormField>
        <FormField label="IP allowlist (optional)" errors={messagesFor(errors, 'ip_allowlist')} hint="Addresses or CIDRs, comma separated">
          <input value={allowlist} onChange={(e) => setAllowlist(e.target.value)} autoComplete="off" />
        </FormField>
      </div>
      {create.isError && <FormErrorSummary error={create.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const revoke = useRevokeApiKey();
  const onRevoke = () => {
    if (!window.confirm(`Revoke the key ${apiKey.name}? Programs using it are refused from now on.`)) return;
    revoke.mutate(apiKey.id, {
      onSuccess: () => showToast({ tone: 'success', title: `Key ${apiKey.name} revoked` }),
      onError: (error) => showErrorToast(`The key ${apiKey.name} could not be revoked`, error),
    });
  };
  return (
    <tr data-key-name={apiKey.name}>
      <th scope="row">{apiKey.name}</th>
      <td>
        <code>{apiKey.prefix}</code>
      </td>
      <td>{apiKey.role}</td>
      <td>
        {apiKey.revoked_at ? (
          <StatusBadge tone="neutral" size="sm">
            Revoked
          </StatusBadge>
        ) : (
          <StatusBadge tone="success" size="sm">
            Active
          </StatusBadge>
        )}
      </td>
      <td>{when(apiKey.created_at, '—')}</td>
      <td>{when(apiKey.expires_at, 'Never')}</td>
      <td>{when(apiKey.last_used_at, 'Never')}</td>
      <td>{apiKey.ip_allowlist?.join(', ') ?? 'Any'}</td>
      <td>
        {!apiKey.revoked_at && (
          <button type="button" className="button button-secondary button-small" onClick={onRevoke} disabled={revoke.isPending}>
            Revoke<span className="visually-hidden"> {apiKey.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

/** API keys (admin): the secret is shown once, right after creation; revoking is immediate. */
export function ApiKeysSection() {
  const keys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <section className="card page-section" aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys</h2>
      {created && (
        <SecretOnce title={`Key ${created.name} created`} secrets={[created.key]} onDone={() => setCreated(null)} testId="new-api-key">
          Copy it now: it is shown this once and cannot be read again.
        </SecretOnce>
      )}
      {keys.isError ? (
        <QueryError error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.isPending ? (
        <Skeleton height="6rem" />
      ) : keys.data.length === 0 ? (
        <p className="empty-state">No API keys.</p>
      ) : (
        <DataTable
          label="API keys (scrolls sideways)"
          columns={['Name', 'Prefix', 'Role', 'Status', 'Created', 'Expires', 'Last used', 'IPs', 'Action']}
        >
          {keys.data.map((key) => (
            <KeyRow key={key.id} apiKey={key} />
          ))}
        </DataTable>
      )}
      <CreateKeyForm onCreated={setCreated} />
    </section>
  );
}
