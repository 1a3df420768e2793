import { useId, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import { useLogin } from '../api/login';
import type { Me } from '@/lib/auth/types';
import { FormError } from './form-error';

/**
 * Username and password; when the API answers MFA_REQUIRED, a second step asks for the
 * authenticator code (or a recovery code) and sends all three again.
 */
export function LoginForm({ onSignedIn }: { onSignedIn: (me: Me | null) => void }) {
  const login = useLogin();
  const [step, setStep] = useState<'credentials' | 'totp'>('credentials');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const ids = { user: useId(), password: useId(), totp: useId() };
  const totpRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { username: username.trim(), password, totp: step === 'totp' ? totp.trim() : undefined },
      {
        onSuccess: (me) => onSignedIn(me),
        onError: (error) => {
          if (isApiError(error) && error.code === 'MFA_REQUIRED') {
            setStep('totp');
            login.reset();
            queueMicrotask(() => totpRef.current?.focus());
          }
        },
      },
    );
  };

  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      {step === 'credentials' ? (
        <>
          <div className="field">
            <label htmlFor={ids.user}>Username</label>
            <input
              id={ids.user}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.password}>Password</label>
            <input
              id={ids.password}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor={ids.totp}>Authentication code</label>
          <p className="field-hint muted" id={`${ids.totp}-hint`}>
            Enter the 6-digit code from your authenticator app for <strong>{username}</strong>, or a recovery code.
          </p>
          <input
            ref={totpRef}
            id={ids.totp}
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            aria-describedby={`${ids.totp}-hint`}
            required
            minLength={6}
            maxLength={16}
            value={totp}
            onChange={(e) => setTotp(e.target.value)}
          />
        </div>
      )}
      <FormError error={login.error} />
      <div className="actions">
        <button
          type="submit"
          className="button"
          disabled={login.isPending || !username || !password || (step === 'totp' && totp.trim().length < 6)}
        >
          {login.isPending ? 'Signing in…' : step === 'totp' ? 'Verify' : 'Sign in'}
        </button>
        {step === 'totp' && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setStep('credentials');
              setTotp('');
              login.reset();
            }}
          >
            Back
          </button>
        )}
      </div>
    </form>
  );
}
