import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '@dnb/contracts';
import { botPosition } from '../../testing/bot-fixtures';
import { discordBody, telegramHtml, webhookBody } from './alert-formats';
import { alertMessage, percent, ratio, usd, utc, type AlertForMessage } from './alert-messages';
import { healthAlert } from './alert-rules';

const CREATED = Date.parse('2026-12-04T03:00:05.123Z');

function healthAlertAt(hf: string, mf = '0.15'): AlertForMessage {
  const found = healthAlert(botPosition('pos_20261204000001', { asgard_hf: hf, hyperliquid_mf: mf }), DEFAULT_ALERT_RULES)!;
  return {
    id: 'al_1',
    type: found.type,
    severity: found.severity,
    positionId: found.positionId,
    asset: found.asset,
    facts: found.facts,
    createdAt: CREATED,
  };
}

describe('alert messages (spec 6.3, Q10)', () => {
  it('writes a health factor as 0.2500 (25.0%), never 2500%', () => {
    expect(ratio('0.25')).toBe('0.2500 (25.0%)');
    expect(ratio('0.09')).toBe('0.0900 (9.0%)');
    const lines = Object.fromEntries(alertMessage(healthAlertAt('0.1800')).lines);
    expect(lines['Health Factor']).toBe('0.1800 (18.0%)');
    expect(lines['Margin Fraction']).toBe('0.1500 (15.0%)');
    expect(JSON.stringify(alertMessage(healthAlertAt('0.25', '0.07')))).not.toMatch(/\d{3,}\.\d+%/);
  });

  it('gives liquidation context and the escalation path at every level', () => {
    const warning = Object.fromEntries(alertMessage(healthAlertAt('0.18')).lines);
    expect(warning['Liquidation at']).toBe('0.0000 (0.0%)');
    expect(warning['Escalates to CRITICAL at']).toBe('health factor 0.1500 (15.0%) or margin fraction 0.0800 (8.0%)');
    const critical = alertMessage(healthAlertAt('0.14'));
    expect(Object.fromEntries(critical.lines)['Escalates to EMERGENCY at']).toBe(
      'health factor 0.1000 (10.0%) or margin fraction 0.0500 (5.0%)',
    );
    expect(critical.action).toBe('Monitor closely - prepare to add collateral');
    const emergency = alertMessage(healthAlertAt('0.09'));
    expect(emergency.title).toBe('EMERGENCY: Liquidation Imminent');
    expect(Object.fromEntries(emergency.lines)['Distance to liquidation']).toBe('health factor 0.0900 (9.0%) above 0');
    expect(emergency.action).toBe('ACTION REQUIRED: Add collateral or close position');
  });

  it('writes times in UTC and money from decimal strings, rounded only for display', () => {
    expect(utc(CREATED)).toBe('2026-12-04 03:00:05 UTC');
    expect(usd('1234567.005')).toBe('$1,234,567.01');
    expect(usd('-12.3')).toBe('-$12.30');
    expect(usd('-0.001')).toBe('$0.00');
    expect(usd('100000000000000000000000000000.10')).toBe('$100,000,000,000,000,000,000,000,000,000.10');
    expect(percent('0.00015', 4)).toBe('0.0150%');
    expect(usd(null)).toBe('n/a');
  });

  it('escapes Telegram HTML and offers the ack command', () => {
    const alert: AlertForMessage = {
      id: 'al_2',
      type: 'circuit_breaker',
      severity: 'critical',
      positionId: null,
      asset: null,
      facts: { breaker_type: 'manual', reason: 'ops <b>&</b> "test"', scope: 'all', paused: true },
      createdAt: CREATED,
    };
    const html = telegramHtml(alert);
    expect(html).toContain('<b>Circuit Breaker Triggered</b>');
    expect(html).toContain('Reason: ops &lt;b&gt;&amp;&lt;/b&gt; "test"');
    expect(html).toContain('/ack al_2');
    expect(html).toContain('Use /resume to restart after investigation.');
  });

  it('colours Discord embeds by severity and keeps within Discord limits', () => {
    const body = discordBody(healthAlertAt('0.09')) as {
      embeds: Array<{ color: number; fields: unknown[]; timestamp: string }>;
      allowed_mentions: unknown;
    };
    expect(body.embeds[0]!.color).toBe(0xdc2626);
    expect(body.embeds[0]!.timestamp).toBe('2026-12-04T03:00:05.123Z');
    expect(body.embeds[0]!.fields.length).toBeLessThanOrEqual(25);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect((discordBody(healthAlertAt('0.18')) as { embeds: Array<{ color: number }> }).embeds[0]!.color).toBe(0xf59e0b);
  });

  it('gives webhooks the words and the exact facts', () => {
    const body = webhookBody(healthAlertAt('0.1800'));
    expect(body).toMatchObject({ id: 'al_1', type: 'health_factor_warning', severity: 'warning', created_at: '2026-12-04T03:00:05.123Z' });
    expect(body.facts).toMatchObject({ health_factor: '0.1800', margin_fraction: '0.15' });
    expect(body.text).toContain('Health Factor: 0.1800 (18.0%)');
  });
});
