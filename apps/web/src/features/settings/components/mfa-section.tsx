import { useState, type FormEvent } from 'react';
import { FormErrorSummary, FormField } from '@/components/ui/form-field';
import { StatusBadge } from '@/components/ui/status-badge';
import { showToast } from '@/components/ui/toast';
import { fieldErrorsOf, messagesFor } from '@/lib/field-errors';
import { useMfaDisable, useMfaEnable, useMfaSetup, useNewRecoveryCodes } from '../api/account';
import { SecretOnce } from './secret-once';

function EnrolForm({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const setup = useMfaSetup();
  const enable = useMfaEnable();
  const [code, setCode] = useState('');
  const errors = fieldErrorsOf(enable.error);
  if (!setup.data) {
    return (
      <div className="stack">
        <p>Add a second step to sign-in: a 6-digit code from an authenticator app.</p>
        {setup.isError && <FormErrorSummary error={setup.error} />}
        <div className="actions">
          <button type="button" className="button" onClick={() => setup.mutate()} disabled={setup.isPending}>
            {setup.isPending ? 'Preparing…' : 'Set up two-factor authentication'}
          </button>
        </div>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate(code.trim(), {
      onSuccess: (result) => {
        showToast({ tone: 'success', title: 'Two-factor authentication is on' });
        onEnabled(result.recovery_codes);
      },
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Enable two-factor authentication">
      <p>Add this account to your authenticator app (open the link on a phone, or type the key), then enter the code it shows.</p>
      <p>
        <a href={setup.data.otpauth_url}>Open in authenticator app</a>
      </p>
      <p>
        Key:{' '}
        <code className="code-block" data-testid="totp-secret">
          {setup.data.secret}
        </code>
      </p>
      <FormField label="Code from the app" errors={messagesFor(errors, 'totp')}>
        <input inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
      </FormField>
      {enable.isError && <FormErrorSummary error={enable.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={enable.isPending || code.trim().length < 6}>
          {enable.isPending ? 'Checking…' : 'Enable'}
        </button>
      </div>
    </form>
  );
}

/** Password plus code: what the API asks before turning two-factor off or issuing new codes. */
function ProofForm({
  label,
  danger,
  onSubmit,
  error,
  pending,
}: {
  label: string;
  danger?: boolean;
  onSubmit: (body: { password: string; totp?: string }) => void;
  error: unknown;
  pending: boolean;
}) {
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const errors = fieldErrorsOf(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ password, ...(totp.trim() ? { totp: totp.trim() } : {}) });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={label}>
      <div className="form-grid">
        <FormField label="Password" errors={messagesFor(errors, 'password')}>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </FormField>
        <FormField label="Code from the app" errors={messagesFor(errors, 'totp')}>
          <input inputMode="numeric" autoComplete="one-time-code" value={totp} onChange={(e) => setTotp(e.target.value)} />
        </FormField>
      </div>
      {Boolean(error) && <FormErrorSummary error={error} />}
      <div className="actions">
        <button type="submit" className={danger ? 'button button-danger' : 'button button-secondary'} disabled={pending || !password}>
          {label}
        </button>
      </div>
    </form>
  );
}

/** TOTP: set up and enable (recovery codes shown once), new recovery codes, disable. */
export function MfaSection({ enabled }: { enabled: boolean }) {
  const disable = useMfaDisable();
  const codes = useNewRecoveryCodes();
  // Codes live here, not in the form: enabling refreshes the session, which swaps the form out.
  const [recovery, setShown] = useState<string[] | null>(null);
  return (
    <section className="card page-section" aria-labelledby="mfa-heading">
      <div className="section-header">
        <h2 id="mfa-heading">Two-factor authentication</h2>
        <StatusBadge tone={enabled ? 'success' : 'warning'} size="sm">
          {enabled ? 'On' : 'Off'}
        </StatusBadge>
      </div>
      {recovery && (
        <SecretOnce title="Recovery codes" secrets={recovery} onDone={() => setShown(null)} testId="recovery-codes">
          Each code signs you in once if you lose the app. Store them now: they are not shown again.
        </SecretOnce>
      )}
      {!enabled && <EnrolForm onEnabled={setShown} />}
      {enabled && (
        <>
          <h3>New recovery codes</h3>
          <ProofForm
            label="Issue new recovery codes"
            error={codes.error}
            pending={codes.isPending}
            onSubmit={(body) => codes.mutate(body, { onSuccess: (result) => setShown(result.recovery_codes) })}
          />
          <h3>Turn off</h3>
          <ProofForm
            label="Disable two-factor authentication"
            danger
            error={disable.error}
            pending={disable.isPending}
            onSubmit={(body) =>
              disable.mutate(body, { onSuccess: () => showToast({ tone: 'success', title: 'Two-factor authentication is off' }) })
            }
          />
        </>
      )}
    </section>
  );
}
