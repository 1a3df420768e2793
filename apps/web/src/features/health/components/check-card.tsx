import type { HealthCheck } from '@dnb/contracts';
import { useId } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDuration } from '@/lib/time';
import { checkPresentation, statusPresentation, type CheckName } from '../health-presentation';
import { botStateNote, CheckDetail } from './check-detail';

interface CheckCardProps {
  name: CheckName;
  check: HealthCheck;
  /** The report is old (the API stopped answering): say so on the card. */
  stale?: boolean;
}

/** One dependency: status (icon + text + color), response time, error and details. */
export function CheckCard({ name, check, stale = false }: CheckCardProps) {
  const headingId = useId();
  const { title, description } = checkPresentation[name];
  const status = statusPresentation[check.status];
  const note = name === 'bot_api' ? botStateNote(check.detail) : undefined;
  const measured = check.status !== 'unknown' || check.response_time_ms > 0;
  return (
    <article
      className={`card check-card tone-${status.tone}`}
      aria-labelledby={headingId}
      data-check={name}
      data-status={check.status}
      data-stale={stale || undefined}
    >
      <div className="check-card-header">
        <h3 id={headingId}>{title}</h3>
        <StatusBadge tone={status.tone}>
          {status.label}
          {stale && <span className="visually-hidden"> (last known)</span>}
        </StatusBadge>
      </div>
      <p className="muted check-description">{description}</p>
      <dl className="facts">
        <div>
          <dt>Response time</dt>
          <dd>{measured ? formatDuration(check.response_time_ms) : 'Not measured'}</dd>
        </div>
        {check.detail && <CheckDetail detail={check.detail} />}
      </dl>
      {note && <p className="check-note">{note}</p>}
      {check.error && (
        <p className="check-error">
          <strong>Error: </strong>
          <span className="check-error-text">{check.error}</span>
        </p>
      )}
    </article>
  );
}
