import { formatLocalDateTime, formatLocalTime, toUtcIso } from '@/lib/time';

/** A time in the viewer's zone; the UTC ISO form is in the tooltip and in dateTime. `withDate` for times that may be days old. */
export function LocalTime({
  date,
  seconds = true,
  withDate = false,
  className,
}: {
  date: Date;
  seconds?: boolean;
  withDate?: boolean;
  className?: string;
}) {
  const iso = toUtcIso(date);
  return (
    <time dateTime={iso} title={`${iso} (UTC)`} className={className}>
      {withDate ? formatLocalDateTime(date) : formatLocalTime(date, { seconds })}
    </time>
  );
}
