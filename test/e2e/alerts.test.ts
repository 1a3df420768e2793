import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectError, type Answer } from '../support/auth';
import { startLiveBridgeStack, type BridgeStack } from '../support/bridge-stack';
import { startFakeTelegram, startSink, type FakeTelegram, type RecordedRequest, type Sink } from '../support/fake-sinks';
import { until } from '../support/until';
import { FeedTestClient } from '../support/feed-client';
import type { FeedEvent } from '@dnb/contracts';

// Alerting over the real pipeline: the simulator's figures -> the bridge -> the engine -> the
// outbox -> a local webhook receiver and a local Telegram Bot API (the real grammY client).

interface WebhookAlert {
  id: string;
  type: string;
  severity: string;
  escalated: boolean;
  title: string;
  facts: Record<string, unknown>;
}

interface AlertView {
  id: string;
  type: string;
  acknowledged_by: string | null;
  silenced_by: string | null;
  escalated_at: string | null;
  channels_sent: Array<{ channel: string; purpose: string; status: string; attempts: number }>;
}

const SECRET = 'e2e-webhook-secret-0123456789';

const received = (sink: Sink): WebhookAlert[] =>
  sink.requests.filter((r) => r.path === '/hook').map((r) => JSON.parse(r.body) as WebhookAlert);

async function alertStack(sink: Sink, telegram: FakeTelegram, env: Record<string, string> = {}): Promise<BridgeStack> {
  return startLiveBridgeStack({
    sim: { tickMs: 0, initialPositions: 0, incidents: false, seed: 'alerts' },
    api: {
      env: {
        BOT_POLL_MS: '200',
        ALERT_ALLOWED_HOSTS: `127.0.0.1:${sink.port}`,
        ALERT_WEBHOOK_URL: `${sink.url}/hook`,
        ALERT_WEBHOOK_SECRET: SECRET,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        TELEGRAM_BOT_TOKEN: '123456:e2e-token',
        TELEGRAM_CHAT_ID: '-1001',
        ...env,
      },
    },
  });
}

describe('alerting end to end', () => {
  let sink: Sink;
  let telegram: FakeTelegram;
  let s: BridgeStack;
  let client: Client;
  let api: (method: string, path: string, body?: unknown) => Promise<Answer>;

  async function openPosition(): Promise<string> {
    const { position } = await s.stack.sim.control.openPosition({ asset: 'SOL', deployedUsd: '1000.00', leverage: '3.0' });
    await until('the position seen by the API', async () => {
      const res = await s.get<{ positions: Array<{ position_id: string }> }>('/api/v1/positions');
      return res.body.positions?.some((p) => p.position_id === position.position_id) ? true : undefined;
    });
    return position.position_id;
  }

  /** The webhook alerts about one position, in arrival order. */
  function alertsAbout(positionId: string, requests: RecordedRequest[] = sink.requests): WebhookAlert[] {
    return requests
      .filter((r) => r.path === '/hook')
      .map((r) => JSON.parse(r.body) as WebhookAlert & { position_id: string | null })
      .filter((a) => a.position_id === positionId);
  }

  beforeAll(async () => {
    sink = await startSink();
    telegram = await startFakeTelegram();
    s = await alertStack(sink, telegram);
    client = new Client(s.stack.apiUrl);
    api = (method, path, body) => client.call(method, path, { token: s.token, body });
  });
  afterAll(async () => {
    await s?.stack.stop();
    await sink?.close();
    await telegram?.close();
  });

  it('escalates warning -> critical -> emergency at once as the health factor falls (Q11), to the webhook and Telegram', async () => {
    const id = await openPosition();
    for (const [hf, type] of [
      ['0.18', 'health_factor_warning'],
      ['0.14', 'health_factor_critical'],
      ['0.09', 'health_factor_emergency'],
    ] as const) {
      await s.stack.sim.control.setHealthFactor(hf, id);
      await until(`${type} at the webhook`, () => (alertsAbout(id).some((a) => a.type === type) ? true : undefined));
    }
    expect(alertsAbout(id).map((a) => a.type)).toEqual(['health_factor_warning', 'health_factor_critical', 'health_factor_emergency']);
    const emergency = alertsAbout(id).at(-1)!;
    expect(emergency.facts).toMatchObject({ health_factor: expect.stringMatching(/^0\.09/) });
    await until('three Telegram messages', () => (telegram.messages.filter((m) => m.text.includes(id)).length >= 3 ? true : undefined));
    const texts = telegram.messages.filter((m) => m.text.includes(id)).map((m) => m.text);
    expect(texts[2]).toContain('EMERGENCY: Liquidation Imminent');
    expect(texts[0]).toMatch(/Health Factor: 0\.1800 \(18\.0%\)/);
    // Back to warning within 5 minutes: the warning's own throttle holds it back.
    await s.stack.sim.control.setHealthFactor('0.18', id);
    await new Promise((r) => setTimeout(r, 1000));
    expect(alertsAbout(id).filter((a) => a.type === 'health_factor_warning')).toHaveLength(1);
  });

  it('an ack stops the emergency repeats until the severity rises; history shows who acknowledged', async () => {
    const id = await openPosition();
    await s.stack.sim.control.setHealthFactor('0.09', id);
    const first = await until('an emergency', () => alertsAbout(id).find((a) => a.type === 'health_factor_emergency'));
    await s.stack.sim.control.setHealthFactor('0.08', id);
    await until('a repeat (emergencies are not throttled)', () =>
      alertsAbout(id).filter((a) => a.type === 'health_factor_emergency').length >= 2 ? true : undefined,
    );
    const ack = await api('POST', `/api/v1/alerts/${first.id}/ack`);
    expect(ack.status).toBe(200);
    expect((ack.body as AlertView).acknowledged_by).toBe('admin');
    const count = alertsAbout(id).length;
    await s.stack.sim.control.setHealthFactor('0.07', id);
    await new Promise((r) => setTimeout(r, 1200));
    expect(alertsAbout(id)).toHaveLength(count);
    const history = await api('GET', `/api/v1/alerts/history?position_id=${id}&acknowledged=true`);
    expect((history.body as { alerts: AlertView[] }).alerts.map((a) => a.id)).toContain(first.id);
  });

  it('a receiver failing 3 times then answering gets the alert exactly once; the delivery records 4 tries', async () => {
    const id = await openPosition();
    const failures = new Map<string, number>();
    sink.respond((request) => {
      const alertId = String(request.headers['x-dnb-alert-id']);
      const n = failures.get(alertId) ?? 0;
      failures.set(alertId, n + 1);
      return n < 3 ? { status: 500, body: 'receiver down' } : { status: 204 };
    });
    try {
      await s.stack.sim.control.setHealthFactor('0.14', id);
      const alert = await until(
        'the alert after its retries',
        async () => {
          const res = await api('GET', `/api/v1/alerts/history?position_id=${id}&type=health_factor_critical`);
          const found = (res.body as { alerts: AlertView[] }).alerts[0];
          return found?.channels_sent.find((d) => d.channel === 'env-webhook')?.status === 'sent' ? found : undefined;
        },
        20_000,
      );
      expect(alert.channels_sent.find((d) => d.channel === 'env-webhook')).toMatchObject({ status: 'sent', attempts: 4 });
      const tries = sink.requests.filter((r) => r.headers['x-dnb-alert-id'] === alert.id);
      expect(tries).toHaveLength(4);
      // Backoff 1, 2, 4 s between the tries.
      expect(tries[3]!.at - tries[0]!.at).toBeGreaterThanOrEqual(6500);
    } finally {
      sink.respond(() => ({ status: 204 }));
    }
  });

  it('honours 429 Retry-After from the receiver', async () => {
    const id = await openPosition();
    const seen = new Set<string>();
    sink.respond((request) => {
      const alertId = String(request.headers['x-dnb-alert-id']);
      if (seen.has(alertId)) return { status: 204 };
      seen.add(alertId);
      return { status: 429, headers: { 'retry-after': '3' } };
    });
    try {
      await s.stack.sim.control.setHealthFactor('0.14', id);
      const tries = await until(
        'the retry after 429',
        () => {
          const mine = sink.requests.filter((r) => alertsAbout(id, [r]).length > 0);
          return mine.length >= 2 ? mine : undefined;
        },
        15_000,
      );
      expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(2900);
    } finally {
      sink.respond(() => ({ status: 204 }));
    }
  });

  it('a silence mutes delivery but keeps the alert in history', async () => {
    const id = await openPosition();
    const silence = await api('POST', '/api/v1/alerts/silences', {
      position_id: id,
      ends_at: new Date(Date.now() + 3_600_000).toISOString(),
      reason: 'e2e maintenance on this position',
    });
    expect(silence.status).toBe(201);
    await s.stack.sim.control.setHealthFactor('0.14', id);
    const muted = await until('the muted alert in history', async () => {
      const res = await api('GET', `/api/v1/alerts/history?position_id=${id}`);
      return (res.body as { alerts: AlertView[] }).alerts[0];
    });
    expect(muted.silenced_by).toBe((silence.body as { id: string }).id);
    expect(muted.channels_sent).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(alertsAbout(id)).toEqual([]);
  });

  it('refuses a channel on a private address or over plain http, naming the field', async () => {
    const res = await api('PUT', '/api/v1/alerts/config', {
      channels: [
        { name: 'internal', kind: 'webhook', enabled: true, severities: ['critical'], escalation: false, url: 'https://10.0.0.7/hook' },
      ],
    });
    expect(expectError(res, 400, 'VALIDATION_FAILED').errors?.map((e) => e.field)).toContain('channels.0.url');
    const http = await api('PUT', '/api/v1/alerts/config', {
      channels: [
        { name: 'plain', kind: 'webhook', enabled: true, severities: ['critical'], escalation: false, url: 'http://hooks.example.com/x' },
      ],
    });
    expect(expectError(http, 400, 'VALIDATION_FAILED').errors?.[0]?.messages[0]).toMatch(/https/);
  });

  it('pushes each alert on the live feed as `alert`', async () => {
    const feed = new FeedTestClient(s.stack.apiUrl, { token: s.token, channels: ['alerts'] });
    await feed.connect();
    feed.subscribe(0);
    try {
      const id = await openPosition();
      await s.stack.sim.control.setHealthFactor('0.14', id);
      const event = await until('the alert on the feed', () =>
        feed.messages.find((m): m is FeedEvent<'alert'> => m.type === 'alert' && m.data.position_id === id),
      );
      expect(event.data).toMatchObject({
        alert_type: 'health_factor_critical',
        severity: 'critical',
        title: 'CRITICAL: Health Factor Alert',
      });
      expect(event.data.message).toContain('Health Factor: 0.1400 (14.0%)');
      expect(event.seq).toBeGreaterThan(0);
    } finally {
      feed.socket.disconnect();
    }
  });

  it('a position the bot closes as liquidated raises position_liquidation with its last figures', async () => {
    const id = await openPosition();
    await s.stack.sim.control.closePosition(id, { reason: 'liquidation' });
    const alert = await until('the liquidation alert', () => alertsAbout(id).find((a) => a.type === 'position_liquidation'), 20_000);
    expect(alert).toMatchObject({ severity: 'critical', facts: { reason: 'liquidation', deployed_usd: '1000.00' } });
    expect(alert.title).toBe('CRITICAL: Position Liquidated');
  });

  it('a receiver refusing for good makes a dead letter; an admin retries it and it is delivered', async () => {
    const id = await openPosition();
    sink.respond(() => ({ status: 410, body: 'gone' }));
    let deadId: string;
    try {
      await s.stack.sim.control.setHealthFactor('0.14', id);
      deadId = await until('the dead letter', async () => {
        const res = await api('GET', '/api/v1/alerts/dead-letters');
        const alerts = await api('GET', `/api/v1/alerts/history?position_id=${id}`);
        const alertId = (alerts.body as { alerts: AlertView[] }).alerts[0]?.id;
        return (res.body as Array<{ id: string; alert_id: string; channel: string; last_status: number }>).find(
          (d) => d.alert_id === alertId && d.channel === 'env-webhook' && d.last_status === 410,
        )?.id;
      });
    } finally {
      sink.respond(() => ({ status: 204 }));
    }
    expect((await api('POST', `/api/v1/alerts/deliveries/${deadId}/retry`)).status).toBe(204);
    await until('the retried delivery', async () => {
      const alerts = await api('GET', `/api/v1/alerts/history?position_id=${id}`);
      const alert = (alerts.body as { alerts: AlertView[] }).alerts[0]!;
      return alert.channels_sent.find((d) => d.channel === 'env-webhook')?.status === 'sent' ? true : undefined;
    });
    expectError(await api('POST', `/api/v1/alerts/deliveries/${deadId}/retry`), 404, 'NOT_FOUND');
  });

  it('a chain the bot reports down raises chain_outage, named', async () => {
    await s.stack.sim.control.chainOutage('solana');
    try {
      const alert = await until(
        'a chain_outage alert about solana',
        () => received(sink).find((a) => a.type === 'chain_outage' && a.facts.chain === 'solana'),
        15_000,
      );
      expect(alert.severity).toBe('critical');
      expect(alert.title).toBe('CRITICAL: Chain Outage');
    } finally {
      await s.stack.sim.control.restoreChain('both');
      await s.stack.sim.control.resetBreakers();
    }
  });

  it('shows channels with their secrets masked, never their values', async () => {
    const res = await api('GET', '/api/v1/alerts/config');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(SECRET);
    expect(res.text).not.toContain('e2e-token');
    const channels = (res.body as { channels: Array<{ name: string; secret?: string; bot_token?: string }> }).channels;
    expect(channels.find((c) => c.name === 'env-webhook')?.secret).toBe('********');
    expect(channels.find((c) => c.name === 'env-telegram')?.bot_token).toBe('********');
  });
});

describe('alert delivery across an API restart, and escalation', () => {
  let sink: Sink;
  let telegram: FakeTelegram;
  let s: BridgeStack;
  let client: Client;
  /** Per alert id and purpose, the statuses the receiver answered. */
  const answered = new Map<string, number[]>();
  let down = false;

  beforeAll(async () => {
    sink = await startSink();
    sink.respond((request) => {
      const body = JSON.parse(request.body) as WebhookAlert;
      const key = `${body.id}:${body.escalated ? 'escalation' : 'alert'}`;
      const status = down ? 503 : 204;
      answered.set(key, [...(answered.get(key) ?? []), status]);
      return { status };
    });
    telegram = await startFakeTelegram();
    // Escalation after 3 s instead of 15 min; the dead-man's switch after 5 s instead of 60.
    s = await alertStack(sink, telegram, { ESCALATE_AFTER_MIN: '0.05', BOT_SILENCE_ALERT_S: '5' });
    client = new Client(s.stack.apiUrl);
  });
  afterAll(async () => {
    await s?.stack.stop();
    await sink?.close();
    await telegram?.close();
  });

  async function criticalAlertFor(): Promise<{ positionId: string; alertId: string }> {
    const { position } = await s.stack.sim.control.openPosition({ asset: 'SOL', deployedUsd: '1000.00', leverage: '3.0' });
    await until('the position seen by the API', async () => {
      const res = await s.get<{ positions: Array<{ position_id: string }> }>('/api/v1/positions');
      return res.body.positions?.some((p) => p.position_id === position.position_id) ? true : undefined;
    });
    await s.stack.sim.control.setHealthFactor('0.14', position.position_id);
    const alertId = await until('the critical alert raised', async () => {
      const res = await client.call<{ alerts: AlertView[] }>('GET', `/api/v1/alerts/history?position_id=${position.position_id}`, {
        token: s.token,
      });
      return res.body.alerts?.[0]?.id;
    });
    return { positionId: position.position_id, alertId };
  }

  it('a delivery still being retried when the API restarts is sent exactly once after it', async () => {
    down = true;
    const { alertId } = await criticalAlertFor();
    await until('a failed try before the restart', () => (answered.get(`${alertId}:alert`)?.length ? true : undefined));
    s.stack.api = await s.stack.api.restart();
    down = false;
    await until('the delivery after the restart', () => (answered.get(`${alertId}:alert`)?.includes(204) ? true : undefined), 30_000);
    // Nothing more comes for it: delivered once.
    await new Promise((r) => setTimeout(r, 2000));
    expect(answered.get(`${alertId}:alert`)!.filter((status) => status === 204)).toHaveLength(1);
    const res = await client.call<AlertView>('GET', `/api/v1/alerts/${alertId}`, { token: s.token });
    expect(res.body.channels_sent.find((d) => d.channel === 'env-webhook' && d.purpose === 'alert')).toMatchObject({ status: 'sent' });
  });

  it('a critical alert nobody acknowledges is sent again, marked escalated; an acknowledged one is not', async () => {
    const { alertId } = await criticalAlertFor();
    await until('the escalation at the receiver', () => (answered.get(`${alertId}:escalation`)?.includes(204) ? true : undefined), 20_000);
    const res = await client.call<AlertView>('GET', `/api/v1/alerts/${alertId}`, { token: s.token });
    expect(res.body.escalated_at).not.toBeNull();
    expect(
      res.body.channels_sent
        .filter((d) => d.purpose === 'escalation')
        .map((d) => d.channel)
        .sort(),
    ).toEqual(['env-telegram', 'env-webhook']);
    expect(telegram.messages.some((m) => m.text.includes('ESCALATED (not acknowledged)') && m.text.includes(alertId))).toBe(true);

    const acked = await criticalAlertFor();
    expect((await client.call('POST', `/api/v1/alerts/${acked.alertId}/ack`, { token: s.token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 9000));
    expect(answered.get(`${acked.alertId}:escalation`)).toBeUndefined();
  });

  it("the dead-man's switch: a bot silent for BOT_SILENCE_ALERT_S raises bot_unreachable, then its recovery", async () => {
    const seen = () => sink.requests.map((r) => JSON.parse(r.body) as WebhookAlert);
    const before = sink.requests.length;
    const fault = await s.stack.sim.control.addFault({ type: 'refuse' });
    try {
      const alert = await until(
        'bot_unreachable at the webhook',
        () =>
          seen()
            .slice(before)
            .find((a) => a.type === 'bot_unreachable'),
        30_000,
      );
      expect(alert).toMatchObject({ severity: 'critical', title: 'CRITICAL: Trading Bot Not Answering' });
    } finally {
      await s.stack.sim.control.clearFault(fault.id);
    }
    // bot_recovered is info: the env webhook takes critical and warning only; Telegram takes every severity.
    await until(
      'bot_recovered on Telegram',
      () => (telegram.messages.some((m) => m.text.includes('Trading Bot Answering Again')) ? true : undefined),
      30_000,
    );
  });
});
