import { Link } from 'react-router';
import { ToneIcon, type Tone } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { useHealth } from '../api/get-health';
import { statusPresentation } from '../health-presentation';

/** Compact connection/health state for the header; links to the System health page. */
export function HealthIndicator() {
  const { data: report, isError, isPending } = useHealth();
  let tone: Tone = 'neutral';
  let label = 'Connecting…';
  if (isError) {
    tone = 'offline';
    label = 'Offline';
  } else if (report) {
    ({ tone, label } = statusPresentation[report.status]);
  } else if (!isPending) {
    label = 'Unknown';
  }
  const name = `System status: ${label}`;
  return (
    <Link
      to={paths.health.getHref()}
      className={`health-indicator tone-${tone}`}
      aria-label={name}
      title={name}
      data-testid="health-indicator"
      data-status={isError ? 'unreachable' : (report?.status ?? 'loading')}
    >
      <ToneIcon tone={tone} size={18} />
      <span className="health-indicator-text">{label}</span>
    </Link>
  );
}
