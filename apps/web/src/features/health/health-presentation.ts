import type { BotState, CheckStatus, HealthReport } from '@dnb/contracts';
import type { Tone } from '@/components/ui/status-badge';

export type CheckName = keyof HealthReport['checks'];

export const statusPresentation: Record<CheckStatus, { label: string; tone: Tone }> = {
  healthy: { label: 'Healthy', tone: 'success' },
  degraded: { label: 'Degraded', tone: 'warning' },
  unhealthy: { label: 'Unhealthy', tone: 'danger' },
  unknown: { label: 'Unknown', tone: 'neutral' },
};

export const checkPresentation: Record<CheckName, { title: string; description: string }> = {
  dashboard: { title: 'Control center API', description: 'This service, answering the health check.' },
  bot_api: { title: 'Trading bot', description: "The bot's private HTTP API: lifecycle, positions, controls." },
  database: { title: 'Database', description: 'Audit log, users, alerts and history.' },
  feed: { title: 'Live feed', description: 'Real-time updates to dashboards: event queue, event log and connections.' },
  alerts: { title: 'Alerts', description: 'Alert engine and deliveries: channel breakers, dead letters, Telegram commands.' },
};

export const CHECK_ORDER: readonly CheckName[] = ['bot_api', 'database', 'feed', 'alerts', 'dashboard'];

export const botStatePresentation: Record<BotState, { label: string; tone: Tone; note?: string }> = {
  starting: { label: 'Starting', tone: 'info', note: 'The bot process is up; state recovery has not started yet.' },
  recovering: { label: 'Recovering', tone: 'info', note: 'The bot is recovering its positions; they will appear shortly.' },
  running: { label: 'Running', tone: 'success' },
  degraded: { label: 'Degraded', tone: 'warning', note: 'The bot is running but reports errors.' },
  shutdown: { label: 'Shutting down', tone: 'danger', note: 'The bot is stopping.' },
};

export function overallSummary(report: HealthReport): string {
  const failing = CHECK_ORDER.filter((name) => report.checks[name].status !== 'healthy').map(
    (name) => `${checkPresentation[name].title} ${statusPresentation[report.checks[name].status].label.toLowerCase()}`,
  );
  switch (report.status) {
    case 'healthy':
      return 'All checks pass.';
    case 'degraded':
      return `Serving, with problems: ${failing.join(', ') || 'see the checks below'}.`;
    case 'unhealthy':
      return `Not able to serve reliably: ${failing.join(', ') || 'see the checks below'}.`;
  }
}
