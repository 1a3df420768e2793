import { healthPresentation, type HealthLevel } from '@/lib/risk';
import { StatusBadge } from './status-badge';

/** A health level as icon, word and colour. */
export function HealthBadge({ level, size = 'sm' }: { level: HealthLevel; size?: 'sm' | 'md' }) {
  const { tone, label } = healthPresentation[level];
  return (
    <StatusBadge tone={tone} size={size} className="health-badge">
      {label}
    </StatusBadge>
  );
}
