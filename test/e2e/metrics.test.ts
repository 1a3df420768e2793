import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createApiKey, login, strongPassword } from '../support/auth';
import { startStack, type RunningStack } from '../support/stack';
import { until } from '../support/until';

/** The value of one sample line, e.g. `dnb_bot_lifecycle{state="running"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics for Prometheus (real API, real simulator)', () => {
  let stack: RunningStack;
  let client: Client;
  let adminToken: string;
  let scraperKey: string;
  const adminPassword = strongPassword();

  beforeAll(async () => {
    stack = await startStack({ api: { env: { ADMIN_PASSWORD: adminPassword } } });
    client = new Client(stack.apiUrl);
    adminToken = (await login(client, 'admin', adminPassword)).accessToken;
    scraperKey = (await createApiKey(client, adminToken, { role: 'viewer', name: 'prometheus' })).key;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const scrape = () => client.call('GET', '/metrics', { apiKey: scraperKey });

  it('refuses a scrape without credentials', async () => {
    expect((await client.call('GET', '/metrics')).status).toBe(401);
  });

  it('serves the Prometheus text format to a viewer key: HTTP latency per route, bot calls, bridge state', async () => {
    for (let i = 0; i < 3; i++) expect((await client.call('GET', '/api/v1/positions', { token: adminToken })).status).toBe(200);
    const res = await until('the bridge sees the bot running', async () => {
      const r = await scrape();
      return sample(r.text, 'dnb_bot_lifecycle{state="running"}') === 1 ? r : undefined;
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(
      sample(text, 'dnb_http_request_duration_seconds_count{method="GET",route="/api/v1/positions",status_code="200"}'),
    ).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/dnb_bot_request_duration_seconds_count\{path="\/internal\/positions",outcome="ok"\} [1-9]/);
    expect(sample(text, 'dnb_bot_lifecycle{state="unavailable"}')).toBe(0);
    expect(sample(text, 'dnb_bot_breaker_open')).toBe(0);
    expect(sample(text, 'dnb_bot_data_age_seconds')).toBeLessThan(10);
    for (const series of [
      'dnb_ws_connections{kind="connected"}',
      'dnb_event_queue_depth{subscriber="feed",kind="capacity"}',
      'dnb_event_queue_dropped_total{subscriber="feed"}',
      'dnb_alert_deliveries_total{outcome="sent"}',
      'dnb_feed_sequence',
      'dnb_database_probe_seconds',
      'dnb_process_cpu_seconds_total',
    ]) {
      expect(sample(text, series), series).not.toBeUndefined();
    }
  });

  it('labels a position detail call by its template, not its id (bounded series)', async () => {
    const list = await client.call<{ positions: Array<{ position_id: string }> }>('GET', '/api/v1/positions', { token: adminToken });
    const id = list.body.positions[0]?.position_id;
    expect(id).toBeDefined();
    expect((await client.call('GET', `/api/v1/positions/${id}`, { token: adminToken })).status).toBe(200);
    const text = (await scrape()).text;
    expect(text).toContain('route="/api/v1/positions/:id"');
    expect(text).toContain('path="/internal/positions/:id"');
    expect(text).not.toContain(id!);
  });
});
