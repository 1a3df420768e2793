import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '@dnb/contracts';
import { healthAlert } from '../../apps/api/src/modules/alerts/alert-rules';
import type { AlertForMessage } from '../../apps/api/src/modules/alerts/alert-messages';
import { ChannelSenders, signature, type ResolvedChannel } from '../../apps/api/src/modules/alerts/channels/channel-senders';
import { OutboundPolicy } from '../../apps/api/src/modules/alerts/channels/outbound-url';
import { botPosition } from '../../apps/api/src/testing/bot-fixtures';
import { startFakeTelegram, startSink, type FakeTelegram, type Sink } from '../support/fake-sinks';

// Each channel against a local server that speaks its API (the real grammY client for
// Telegram), and the outbound policy that keeps alert URLs off private networks.

const found = healthAlert(botPosition('pos_1', { asgard_hf: '0.09' }), DEFAULT_ALERT_RULES)!;
const alert: AlertForMessage = {
  id: 'al_test',
  type: found.type,
  severity: found.severity,
  positionId: found.positionId,
  asset: found.asset,
  facts: found.facts,
  createdAt: Date.parse('2026-12-04T03:00:00Z'),
};
const severities = ['critical', 'warning'] as const;

describe('alert channels', () => {
  let sink: Sink;
  let telegram: FakeTelegram;
  let senders: ChannelSenders;

  beforeAll(async () => {
    sink = await startSink();
    telegram = await startFakeTelegram();
    senders = new ChannelSenders({
      policy: new OutboundPolicy([`127.0.0.1:${sink.port}`]),
      timeoutMs: 2000,
      telegramApiRoot: telegram.apiRoot,
    });
  });
  afterAll(async () => {
    await sink?.close();
    await telegram?.close();
  });

  const webhook = (overrides: Partial<Extract<ResolvedChannel, { kind: 'webhook' }>> = {}): ResolvedChannel => ({
    kind: 'webhook',
    name: 'ops',
    severities,
    url: `${sink.url}/hook`,
    headers: { authorization: 'Bearer receiver-token', 'content-type': 'text/evil', 'x-dnb-signature': 'forged' },
    secret: 'shared-secret',
    ...overrides,
  });

  it('webhook: JSON signed with HMAC-SHA256 over "<timestamp>.<body>", custom headers kept, reserved ones not replaceable', async () => {
    sink.respond(() => ({ status: 204 }));
    const outcome = await senders.send(alert, webhook());
    expect(outcome).toEqual({ ok: true, status: 204 });
    const request = sink.requests.at(-1)!;
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.authorization).toBe('Bearer receiver-token');
    expect(request.headers['x-dnb-alert-id']).toBe('al_test');
    const timestamp = String(request.headers['x-dnb-timestamp']);
    expect(request.headers['x-dnb-signature']).toBe(`sha256=${signature('shared-secret', timestamp, request.body)}`);
    expect(JSON.parse(request.body)).toMatchObject({ id: 'al_test', type: 'health_factor_emergency', facts: { health_factor: '0.09' } });
  });

  it('webhook: 429 is retryable after its Retry-After, 5xx retryable, other 4xx final', async () => {
    sink.respond(() => ({ status: 429, headers: { 'retry-after': '7' } }));
    expect(await senders.send(alert, webhook())).toMatchObject({ ok: false, retryable: true, retryAfterMs: 7000, status: 429 });
    sink.respond(() => ({ status: 503, body: 'down for maintenance' }));
    expect(await senders.send(alert, webhook())).toMatchObject({
      ok: false,
      retryable: true,
      status: 503,
      error: 'HTTP 503: down for maintenance',
    });
    sink.respond(() => ({ status: 404 }));
    expect(await senders.send(alert, webhook())).toMatchObject({ ok: false, retryable: false, status: 404 });
  });

  it('refuses private, loopback and plain-http URLs unless the host is allow-listed, also when a name resolves there', async () => {
    const strict = new ChannelSenders({ policy: new OutboundPolicy([]), timeoutMs: 2000, telegramApiRoot: telegram.apiRoot });
    const before = sink.requests.length;
    for (const url of [
      `${sink.url}/hook`,
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/x',
      `https://localhost:${sink.port}/hook`,
    ]) {
      const outcome = await strict.send(alert, webhook({ url }));
      expect([url, outcome]).toMatchObject([url, { ok: false, retryable: false }]);
    }
    // Nothing reached the receiver: a refused address is never connected to.
    expect(sink.requests.length).toBe(before);
    expect(() => new OutboundPolicy([]).check('https://user:pass@example.com/')).toThrow(/credentials/);
    expect(new OutboundPolicy([]).check('https://hooks.example.com/x').hostname).toBe('hooks.example.com');
  });

  it('discord: one embed coloured by severity; a 429 waits for the retry_after of its body', async () => {
    sink.respond(() => ({ status: 200, body: '{"id":"1"}' }));
    const channel: ResolvedChannel = { kind: 'discord', name: 'discord', severities, webhookUrl: `${sink.url}/api/webhooks/1/token` };
    expect(await senders.send(alert, channel)).toEqual({ ok: true, status: 200 });
    const request = sink.requests.at(-1)!;
    expect(request.path).toBe('/api/webhooks/1/token?wait=true');
    const body = JSON.parse(request.body) as { embeds: Array<{ color: number; title: string }> };
    expect(body.embeds[0]).toMatchObject({ color: 0xdc2626 });
    expect(body.embeds[0]!.title).toContain('EMERGENCY: Liquidation Imminent');
    sink.respond(() => ({
      status: 429,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"You are being rate limited.","retry_after":1.5,"global":false}',
    }));
    expect(await senders.send(alert, channel)).toMatchObject({ ok: false, retryable: true, retryAfterMs: 2000 });
  });

  it('telegram: sent by grammY in HTML parse mode; a Bot API 429 carries its retry_after', async () => {
    const channel: ResolvedChannel = { kind: 'telegram', name: 'tg', severities, botToken: '123:secret', chatId: '-1001' };
    expect(await senders.send(alert, channel)).toEqual({ ok: true, status: 200 });
    expect(telegram.messages.at(-1)).toMatchObject({ token: '123:secret', chat_id: '-1001', parse_mode: 'HTML' });
    expect(telegram.messages.at(-1)!.text).toContain('<b>EMERGENCY: Liquidation Imminent</b>');
    expect(telegram.messages.at(-1)!.text).toContain('Health Factor: 0.0900 (9.0%)');
    telegram.failNext(1, 429, 'Too Many Requests: retry after 3', 3);
    expect(await senders.send(alert, channel)).toMatchObject({ ok: false, retryable: true, retryAfterMs: 3000, status: 429 });
    telegram.failNext(1, 403, 'Forbidden: bot was kicked from the group chat');
    expect(await senders.send(alert, channel)).toMatchObject({ ok: false, retryable: false, status: 403 });
  });
});
