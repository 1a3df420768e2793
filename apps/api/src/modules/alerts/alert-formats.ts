import type { AlertSeverity } from '@dnb/contracts';
import { alertMessage, type AlertForMessage } from './alert-messages';

const MARK: Record<AlertSeverity, string> = { info: '\u2139\ufe0f', warning: '\u26a0\ufe0f', critical: '\ud83d\udea8' };

/** Discord embed colours by severity (red, amber, blue). */
export const DISCORD_COLOR: Record<AlertSeverity, number> = { critical: 0xdc2626, warning: 0xf59e0b, info: 0x3b82f6 };

/** Telegram, parse_mode HTML: only <b> is used, and every text is escaped. */
export function telegramHtml(alert: AlertForMessage): string {
  const message = alertMessage(alert);
  const lines = message.lines.map(([label, value]) => `${escapeHtml(label)}: ${escapeHtml(value)}`);
  return [
    `${MARK[alert.severity]} <b>${escapeHtml(message.title)}</b>`,
    '',
    ...lines,
    ...(message.action ? ['', `<b>${escapeHtml(message.action)}</b>`] : []),
    '',
    `Alert ${escapeHtml(alert.id)} - acknowledge: /ack ${escapeHtml(alert.id)}`,
  ].join('\n');
}

/** A Discord webhook body: one embed coloured by severity, within Discord's limits, mentioning nobody. */
export function discordBody(alert: AlertForMessage): Record<string, unknown> {
  const message = alertMessage(alert);
  return {
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: clip(`${MARK[alert.severity]} ${message.title}`, 256),
        ...(message.action ? { description: clip(message.action, 4096) } : {}),
        color: DISCORD_COLOR[alert.severity],
        fields: message.lines
          .slice(0, 25)
          .map(([name, value]) => ({ name: clip(name, 256), value: clip(value || '-', 1024), inline: true })),
        timestamp: new Date(alert.createdAt).toISOString(),
        footer: { text: clip(`alert ${alert.id} - ${alert.type}`, 2048) },
      },
    ],
  };
}

/** The generic webhook's JSON: the words for people and the facts for machines. */
export function webhookBody(alert: AlertForMessage): Record<string, unknown> {
  const message = alertMessage(alert);
  return {
    id: alert.id,
    type: alert.type,
    severity: alert.severity,
    escalated: alert.escalated === true,
    title: message.title,
    text: [...message.lines.map(([label, value]) => `${label}: ${value}`), ...(message.action ? [message.action] : [])].join('\n'),
    action: message.action,
    position_id: alert.positionId,
    asset: alert.asset,
    facts: alert.facts,
    created_at: new Date(alert.createdAt).toISOString(),
  };
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}\u2026`;
}
