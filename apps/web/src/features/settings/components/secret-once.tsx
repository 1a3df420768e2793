import { useState, type ReactNode } from 'react';

/** Something shown a single time (an API key, recovery codes): copy button, then dismissed for good. */
export function SecretOnce({
  title,
  secrets,
  children,
  onDone,
  testId,
}: {
  title: string;
  secrets: string[];
  children: ReactNode;
  onDone: () => void;
  testId?: string;
}) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(secrets.join('\n')).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="secret-once" role="status" data-testid={testId}>
      <strong>{title}</strong>
      <p>{children}</p>
      {secrets.map((secret) => (
        <code key={secret} className="code-block" data-secret>
          {secret}
        </code>
      ))}
      <div className="actions">
        <button type="button" className="button button-secondary button-small" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
