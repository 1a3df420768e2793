import { formatLocalTime, toUtcIso } from '@/lib/time';

/** A time in the viewer's zone; the UTC ISO form is in the tooltip and in dateTime. */
export function LocalTime({ date, seconds = true, className }: { date: Date; seconds?: boolean; className?: string }) {
  const iso = toUtcIso(date);
  return (
    <time dateTime={iso} title={`${iso} (UTC)`} className={className}>
      {formatLocalTime(date, { seconds })}
    </time>
  );
}
