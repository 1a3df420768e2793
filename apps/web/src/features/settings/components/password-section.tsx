import { useState, type FormEvent } from 'react';
import { FormErrorSummary, FormField } from '@/components/ui/form-field';
import { showToast } from '@/components/ui/toast';
import { useChangePassword } from '@/features/auth/api/change-password';
import { fieldErrorsOf, messagesFor } from '@/lib/field-errors';

/** Change my password; the API ends my other sessions. */
export function PasswordSection() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const errors = fieldErrorsOf(change.error);
  const mismatch = again !== '' && next !== again;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          showToast({ tone: 'success', title: 'Password changed', message: 'Your other sessions were signed out.' });
          setCurrent('');
          setNext('');
          setAgain('');
        },
      },
    );
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="password-heading" noValidate>
      <h2 id="password-heading">Password</h2>
      <div className="form-grid">
        <FormField label="Current password" errors={messagesFor(errors, 'current_password')}>
          <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </FormField>
        <FormField label="New password" errors={messagesFor(errors, 'new_password')}>
          <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </FormField>
        <FormField label="New password again" errors={mismatch ? ['The two new passwords differ.'] : []}>
          <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
        </FormField>
      </div>
      {change.isError && <FormErrorSummary error={change.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={change.isPending || !current || !next || next !== again}>
          {change.isPending ? 'Saving…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
