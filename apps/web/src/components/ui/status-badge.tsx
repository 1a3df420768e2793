import type { ReactNode } from 'react';
import { CheckCircleIcon, ErrorCircleIcon, OfflineIcon, QuestionIcon, SyncIcon, WarningIcon } from './icons';

/** The meaning of a status, which picks its color and icon. Never conveyed by color alone. */
export type Tone = 'success' | 'warning' | 'danger' | 'info' | 'neutral' | 'offline';

const toneIcons: Record<Tone, (props: { size?: number }) => ReactNode> = {
  success: CheckCircleIcon,
  warning: WarningIcon,
  danger: ErrorCircleIcon,
  info: SyncIcon,
  neutral: QuestionIcon,
  offline: OfflineIcon,
};

export function ToneIcon({ tone, size }: { tone: Tone; size?: number }) {
  const IconForTone = toneIcons[tone];
  return (
    <span className={`tone-icon tone-${tone}`}>
      <IconForTone size={size} />
    </span>
  );
}

interface StatusBadgeProps {
  tone: Tone;
  children: ReactNode;
  size?: 'sm' | 'md';
  className?: string;
}

/** Icon plus text on a tinted background. */
export function StatusBadge({ tone, children, size = 'md', className }: StatusBadgeProps) {
  return (
    <span className={['status-badge', `tone-${tone}`, `status-badge-${size}`, className].filter(Boolean).join(' ')}>
      <ToneIcon tone={tone} size={size === 'sm' ? 16 : 18} />
      <span className="status-badge-text">{children}</span>
    </span>
  );
}
