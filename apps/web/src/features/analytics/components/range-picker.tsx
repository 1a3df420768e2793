import { ANALYTICS_RANGES, type AnalyticsRangeKey } from '../analytics-range';

/** The window for every figure on the page; a toggle group of real buttons. */
export function RangePicker({ value, onChange }: { value: AnalyticsRangeKey; onChange: (key: AnalyticsRangeKey) => void }) {
  return (
    <div className="segmented" role="group" aria-label="Time range">
      {ANALYTICS_RANGES.map((range) => (
        <button key={range.key} type="button" aria-pressed={range.key === value} onClick={() => onChange(range.key)}>
          {range.label}
        </button>
      ))}
    </div>
  );
}
