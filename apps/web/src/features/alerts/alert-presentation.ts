import type { Tone } from '@/components/ui/status-badge';
import type { Alert } from './api/get-alert-history';

export const SEVERITY_TONE: Record<Alert['severity'], Tone> = { info: 'info', warning: 'warning', critical: 'danger' };
export const SEVERITY_LABEL: Record<Alert['severity'], string> = { info: 'Info', warning: 'Warning', critical: 'Critical' };

/** "health_factor_warning" -> "Health factor warning". */
export function humanize(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type AlertState = 'acknowledged' | 'silenced' | 'open';

export function alertState(alert: Pick<Alert, 'acknowledged_at' | 'silenced_by'>): AlertState {
  if (alert.acknowledged_at) return 'acknowledged';
  if (alert.silenced_by) return 'silenced';
  return 'open';
}
