import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client, login, type Session } from '../support/auth';
import { startSink, type Sink } from '../support/fake-sinks';
import { waitFor } from '../support/process';
import { startReplicaSet, type ReplicaSet } from '../support/replicas';

/**
 * Issue 9: "Alert deliveries are sent once, whichever replica is up." Two replicas share the
 * outbox in PostgreSQL; only the leader evaluates and sends, and the one that takes over after
 * a kill -9 sends what the dead leader left pending, once.
 */

interface AlertView {
  id: string;
  type: string;
  channels_sent: Array<{ channel: string; purpose: string; status: string; attempts: number }>;
}

describe('alerts with two replicas: each delivery sent once, also across a failover', () => {
  let sink: Sink;
  let set: ReplicaSet;
  let admin: Session;
  /** Answers per alert id and purpose, in order (500 while the receiver is "down"). */
  const answered = new Map<string, number[]>();
  let down = false;

  async function criticalAlert(): Promise<string> {
    const { position } = await set.sim.control.openPosition({ asset: 'SOL', deployedUsd: '1000.00', leverage: '3.0' });
    await waitFor(
      'the position seen by both replicas',
      async () => {
        const seen = await Promise.all(
          set.apis.map(async (api) => {
            const res = await new Client(api.url).call<{ positions?: Array<{ position_id: string }> }>('GET', '/api/v1/positions', {
              token: admin.accessToken,
            });
            return res.body.positions?.some((p) => p.position_id === position.position_id) ?? false;
          }),
        );
        return seen.every(Boolean);
      },
      { timeoutMs: 15_000 },
    );
    await set.sim.control.setHealthFactor('0.14', position.position_id);
    return waitFor(
      'the critical alert',
      async () => {
        const res = await new Client(set.proxy.url).call<{ alerts?: AlertView[] }>(
          'GET',
          `/api/v1/alerts/history?position_id=${position.position_id}&type=health_factor_critical`,
          { token: admin.accessToken },
        );
        return res.body.alerts?.[0]?.id;
      },
      { timeoutMs: 15_000 },
    );
  }

  const delivered = (alertId: string) => (answered.get(`${alertId}:alert`) ?? []).filter((status) => status === 204).length;

  beforeAll(async () => {
    sink = await startSink();
    sink.respond((request) => {
      const body = JSON.parse(request.body) as { id: string; escalated?: boolean };
      const key = `${body.id}:${body.escalated ? 'escalation' : 'alert'}`;
      const status = down ? 500 : 204;
      answered.set(key, [...(answered.get(key) ?? []), status]);
      return { status };
    });
    set = await startReplicaSet(inject('databaseUrl'), {
      sim: { tickMs: 0, initialPositions: 0, incidents: false, seed: 'replica-alerts' },
      // Both boot at once on the empty database, as compose starts them.
      together: true,
      env: {
        BOT_POLL_MS: '200',
        LOG_LEVEL: 'warn',
        ALERT_ALLOWED_HOSTS: `127.0.0.1:${sink.port}`,
        ALERT_WEBHOOK_URL: `${sink.url}/hook`,
        ALERT_WEBHOOK_SECRET: 'e2e-webhook-secret-0123456789',
      },
    });
    admin = await login(new Client(set.proxy.url), 'admin', set.adminPassword, { xff: '198.51.100.3' });
  }, 120_000);

  afterAll(async () => {
    await set?.stop();
    await sink?.close();
  });

  it('sends an alert raised while both replicas run exactly once', async () => {
    const alertId = await criticalAlert();
    await waitFor('the delivery', async () => delivered(alertId) > 0, { timeoutMs: 15_000 });
    await new Promise((r) => setTimeout(r, 3000));
    expect(delivered(alertId)).toBe(1);
    expect(sink.requests.filter((r) => r.headers['x-dnb-alert-id'] === alertId)).toHaveLength(1);
    // Raised once too: a follower evaluating the same change would have raised (and sent) its own.
    expect(sink.requests.filter((r) => r.path === '/hook')).toHaveLength(1);
  });

  it('after kill -9 of the leader, the new leader sends the delivery it left pending, once', async () => {
    down = true;
    const alertId = await criticalAlert();
    await waitFor('a failed try by the leader', async () => (answered.get(`${alertId}:alert`)?.length ?? 0) > 0, { timeoutMs: 15_000 });
    const leader = await set.leader();
    await set.apis[leader]!.process.kill();
    const next = await set.leader();
    expect(next).not.toBe(leader);
    down = false;
    await waitFor('the delivery by the new leader', async () => delivered(alertId) > 0, { timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 3000));
    expect(delivered(alertId)).toBe(1);
    const res = await new Client(set.apis[next]!.url).call<AlertView>('GET', `/api/v1/alerts/${alertId}`, { token: admin.accessToken });
    expect(res.body.channels_sent.find((d) => d.channel === 'env-webhook' && d.purpose === 'alert')).toMatchObject({ status: 'sent' });
  });
});
