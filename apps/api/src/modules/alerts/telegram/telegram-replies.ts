import type { BotPositionSummary } from '@dnb/contracts';
import type { BridgeSnapshot } from '../../bot-bridge/bot-bridge.service';
import { sumDecimals } from '../../positions/decimal-sum';
import { escapeHtml } from '../alert-formats';
import { ratio, usd } from '../alert-messages';

// Replies to the read commands, from the bridge's cache (never a call to the bot), in HTML.

function freshnessLine(snapshot: BridgeSnapshot): string {
  const f = snapshot.freshness;
  if (f.as_of === null) return 'Data: none yet';
  return `Data: ${f.source} as of ${f.as_of.slice(0, 19).replace('T', ' ')} UTC (${Math.round((f.age_ms ?? 0) / 1000)} s old)`;
}

function open(snapshot: BridgeSnapshot): BotPositionSummary[] {
  return Object.values(snapshot.positions ?? {}).filter((p) => p.status !== 'closed');
}

export function statusReply(snapshot: BridgeSnapshot): string {
  const pause = snapshot.pauseState;
  const lines = [
    `<b>Bot: ${escapeHtml(snapshot.lifecycle)}</b>${snapshot.lastError ? ` (${escapeHtml(snapshot.lastError)})` : ''}`,
    pause
      ? `Paused: ${pause.paused ? `yes, ${escapeHtml(pause.scope)}${pause.reason ? ` - ${escapeHtml(pause.reason)}` : ''}` : 'no'}`
      : 'Paused: unknown',
    `Active breakers: ${pause?.active_breakers.length ? escapeHtml(pause.active_breakers.join(', ')) : 'none'}`,
    `Open positions: ${snapshot.positions ? open(snapshot).length : 'unknown'}`,
    freshnessLine(snapshot),
  ];
  return lines.join('\n');
}

export function positionsReply(snapshot: BridgeSnapshot): string {
  if (snapshot.lifecycle === 'starting' || snapshot.lifecycle === 'recovering') {
    return `The bot is ${snapshot.lifecycle}: its positions are not all known yet (this is not "no positions").`;
  }
  const positions = open(snapshot);
  if (!snapshot.positions) return 'Positions: not known yet.';
  if (positions.length === 0) return `No open positions.\n${freshnessLine(snapshot)}`;
  const shown = positions
    .slice(0, 20)
    .map(
      (p) =>
        `<b>${escapeHtml(p.position_id)}</b> ${escapeHtml(p.asset)} ${escapeHtml(p.status)}\n  HF ${ratio(p.asgard_hf)}  MF ${ratio(p.hyperliquid_mf)}  PnL ${usd(p.total_pnl_usd)}`,
    );
  const more = positions.length > 20 ? [`... and ${positions.length - 20} more (see the dashboard)`] : [];
  return [...shown, ...more, freshnessLine(snapshot)].join('\n');
}

export function pnlReply(snapshot: BridgeSnapshot): string {
  const positions = open(snapshot);
  if (!snapshot.positions) return 'PnL: not known yet.';
  return [
    `<b>Open positions: ${positions.length}</b>`,
    `Unrealized PnL: ${usd(sumDecimals(positions.map((p) => p.total_pnl_usd)))}`,
    `of which funding: ${usd(sumDecimals(positions.map((p) => p.funding_pnl_usd)))}`,
    `Deployed: ${usd(sumDecimals(positions.map((p) => p.deployed_usd)))}`,
    'Realized PnL: GET /api/v1/history/pnl or the dashboard',
    freshnessLine(snapshot),
  ].join('\n');
}
