import { useSyncExternalStore } from 'react';
import { isApiError } from '@/lib/api-client';
import { CloseIcon } from './icons';
import { ToneIcon, type Tone } from './status-badge';

/** Short-lived messages (an action's outcome, a failed request with its correlation id). */
export interface Toast {
  id: number;
  tone: Tone;
  title: string;
  message?: string;
  correlationId?: string;
}

const DISMISS_AFTER_MS = { success: 5_000, other: 12_000 } as const;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  listeners.forEach((listener) => listener());
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function showToast(toast: Omit<Toast, 'id'>): number {
  const id = nextId++;
  toasts = [...toasts.slice(-4), { ...toast, id }];
  emit();
  setTimeout(() => dismissToast(id), toast.tone === 'success' ? DISMISS_AFTER_MS.success : DISMISS_AFTER_MS.other);
  return id;
}

/** A failed request: its message, and the correlation id to quote when reporting it. */
export function showErrorToast(title: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const correlationId = isApiError(error) ? (error.correlationId ?? error.requestId) : undefined;
  return showToast({ tone: 'danger', title, message, correlationId });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Toaster() {
  const list = useSyncExternalStore(subscribe, () => toasts);
  return (
    <div className="toaster" role="region" aria-label="Notifications">
      <ol aria-live="polite">
        {list.map((toast) => (
          <li key={toast.id} className={`toast tone-${toast.tone}`} role={toast.tone === 'danger' ? 'alert' : 'status'}>
            <ToneIcon tone={toast.tone} />
            <div className="toast-body">
              <p className="toast-title">{toast.title}</p>
              {toast.message && <p className="toast-message">{toast.message}</p>}
              {toast.correlationId && (
                <p className="toast-correlation muted">
                  Correlation ID <code data-testid="toast-correlation-id">{toast.correlationId}</code>
                </p>
              )}
            </div>
            <button
              type="button"
              className="icon-button toast-close"
              aria-label="Dismiss notification"
              onClick={() => dismissToast(toast.id)}
            >
              <CloseIcon size={16} />
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
