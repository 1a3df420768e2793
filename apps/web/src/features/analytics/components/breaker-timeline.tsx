import { LocalTime } from '@/components/ui/local-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { parseWireTime } from '@/lib/time';
import type { CircuitBreakerEvent } from '../api/get-circuit-breakers';

const label = (value: string) => value.replace(/_/g, ' ');

/** Where an event sits on the range's axis, in percent (open events run to now). */
export function timelineSpan(event: CircuitBreakerEvent, from: number, to: number): { left: number; width: number } {
  const span = Math.max(to - from, 1);
  const start = Math.max(Date.parse(event.triggered_at), from);
  const end = Math.min(event.resolved_at ? Date.parse(event.resolved_at) : to, to);
  const left = ((start - from) / span) * 100;
  return { left: Math.min(Math.max(left, 0), 100), width: Math.max(((end - start) / span) * 100, 0) };
}

/** Circuit-breaker events across the range: a bar each, with what, where and when in text. */
export function BreakerTimeline({ events, from, to }: { events: CircuitBreakerEvent[]; from: number; to: number }) {
  if (events.length === 0) return <p className="empty-state">No circuit breaker tripped in this range.</p>;
  return (
    <ol className="timeline" aria-label="Circuit breaker events, newest first">
      {events.map((event, index) => {
        const { left, width } = timelineSpan(event, from, to);
        const triggered = parseWireTime(event.triggered_at);
        const resolved = parseWireTime(event.resolved_at);
        return (
          <li
            key={`${event.triggered_at}-${event.breaker_type}-${index}`}
            className={`timeline-item ${resolved ? 'tone-neutral' : 'tone-warning'}`}
          >
            <div className="timeline-facts">
              <StatusBadge tone={resolved ? 'neutral' : 'warning'} size="sm">
                {resolved ? 'Resolved' : 'Active'}
              </StatusBadge>
              <strong>{label(event.breaker_type)}</strong>
              <span>scope {event.scope}</span>
              <span>{triggered ? <LocalTime date={triggered} /> : event.triggered_at}</span>
              {resolved && (
                <span>
                  to <LocalTime date={resolved} /> ({event.resolved_by ?? 'unknown'})
                </span>
              )}
              <span className="muted">{event.reason}</span>
            </div>
            <div className="timeline-track" aria-hidden="true">
              <span className="timeline-bar" style={{ left: `${left}%`, width: `${width}%`, background: 'var(--tone)' }} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
