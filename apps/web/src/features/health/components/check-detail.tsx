import { BOT_STATES, type BotState } from '@dnb/contracts';
import { LocalTime } from '@/components/ui/local-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatUptime, parseWireTime } from '@/lib/time';
import { botStatePresentation } from '../health-presentation';

const isBotState = (value: unknown): value is BotState => typeof value === 'string' && (BOT_STATES as readonly string[]).includes(value);

const LABELS: Record<string, string> = {
  state: 'Lifecycle',
  tier: 'Tier',
  as_of: 'As of',
  checked_at: 'Checked at',
  url: 'Address',
  uptime_seconds: 'Uptime',
  installation_id: 'Installation',
  migrations_applied: 'Migrations applied',
};

/** Shown first, in this order; other keys follow as sent. */
const ORDER = ['state', 'tier', 'as_of', 'checked_at'];

function humanize(key: string): string {
  const label = LABELS[key] ?? key.replace(/[_-]+/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function renderValue(key: string, value: unknown) {
  if (key === 'state' && typeof value === 'string') {
    if (isBotState(value)) {
      const state = botStatePresentation[value];
      return (
        <StatusBadge tone={state.tone} size="sm">
          {state.label}
        </StatusBadge>
      );
    }
    if (value === 'unavailable') {
      return (
        <StatusBadge tone="offline" size="sm">
          Unavailable
        </StatusBadge>
      );
    }
  }
  if (typeof value === 'string' && (key === 'as_of' || key.endsWith('_at') || key.endsWith('_since'))) {
    const date = parseWireTime(value);
    if (date) return <LocalTime date={date} />;
  }
  if (typeof value === 'number' && key.endsWith('_seconds')) return formatUptime(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if ((key === 'url' || key.endsWith('_id')) && typeof value === 'string') return <code>{value}</code>;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
  }
  return String(value);
}

const rank = (key: string) => {
  const index = ORDER.indexOf(key);
  return index === -1 ? ORDER.length : index;
};

/** Facts a check reports about its dependency; for the bot, its lifecycle state (spec Q6). */
export function CheckDetail({ detail }: { detail: Record<string, unknown> }) {
  const entries = Object.entries(detail)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => rank(a) - rank(b));
  return (
    <>
      {entries.map(([key, value]) => (
        <div key={key} data-detail={key}>
          <dt>{humanize(key)}</dt>
          <dd>{renderValue(key, value)}</dd>
        </div>
      ))}
    </>
  );
}

/** An explanation for lifecycle states that are not plain running. */
export function botStateNote(detail: Record<string, unknown> | undefined): string | undefined {
  const state = detail?.state;
  if (state === 'unavailable') return 'The control center gets no usable answer from the bot.';
  return isBotState(state) ? botStatePresentation[state].note : undefined;
}
