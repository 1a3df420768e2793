import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateUser, auditEntries, Client, createUser } from '../support/auth';
import { startLiveBridgeStack, type BridgeStack } from '../support/bridge-stack';
import { startFakeTelegram, startSink, type FakeTelegram, type Sink } from '../support/fake-sinks';
import { until } from '../support/until';

// Telegram commands through the real grammY bot, long-polling a local server that speaks the
// Telegram Bot API; pause and resume reach the simulator through the control service.

const CHAT = -1001;
const ADMIN_TG = 11;
const OPERATOR_TG = 12;
const VIEWER_TG = 13;

describe('telegram commands', () => {
  let sink: Sink;
  let telegram: FakeTelegram;
  let s: BridgeStack;
  let client: Client;
  let operator: string;

  beforeAll(async () => {
    sink = await startSink();
    telegram = await startFakeTelegram();
    s = await startLiveBridgeStack({
      sim: { tickMs: 0, initialPositions: 1, incidents: false, seed: 'telegram' },
      api: {
        env: {
          BOT_POLL_MS: '200',
          ALERT_ALLOWED_HOSTS: `127.0.0.1:${sink.port}`,
          TELEGRAM_API_ROOT: telegram.apiRoot,
          TELEGRAM_BOT_TOKEN: '123456:e2e-commands',
          TELEGRAM_CHAT_ID: String(CHAT),
        },
      },
    });
    client = new Client(s.stack.apiUrl);
    const op = await createUser(client, s.token, { role: 'operator' });
    await activateUser(client, op);
    const viewer = await createUser(client, s.token, { role: 'viewer' });
    await activateUser(client, viewer);
    operator = op.username;
    const links = await client.call('PUT', '/api/v1/alerts/telegram/links', {
      token: s.token,
      body: {
        links: [
          { telegram_user_id: ADMIN_TG, username: 'admin' },
          { telegram_user_id: OPERATOR_TG, username: op.username },
          { telegram_user_id: VIEWER_TG, username: viewer.username },
        ],
      },
    });
    expect(links.status).toBe(200);
  });
  afterAll(async () => {
    await s?.stack.stop();
    await telegram?.close();
    await sink?.close();
  });

  /** Writes a command and waits for the bot's reply in that chat that matches. */
  async function command(fromId: number, text: string, expected: RegExp, chat = CHAT): Promise<string> {
    const before = telegram.messages.length;
    telegram.userWrites(chat, fromId, text);
    const reply = await until(`a reply to ${text}`, () =>
      telegram.messages.slice(before).find((m) => m.chat_id === String(chat) && expected.test(m.text)),
    );
    return reply.text;
  }

  it('answers /status and /positions to linked users in the allowed chat; strangers and other chats get nothing', async () => {
    expect(await command(ADMIN_TG, '/status', /Bot: /)).toMatch(/<b>Bot: running<\/b>[\s\S]*Open positions: 1/);
    expect(await command(VIEWER_TG, '/positions', /HF /)).toMatch(/HF 0\.\d{4} \(\d+\.\d%\)/);
    expect(await command(99, '/status', /not linked/)).toContain('id 99');
    const before = telegram.messages.length;
    telegram.userWrites(-2002, ADMIN_TG, '/status');
    await new Promise((r) => setTimeout(r, 1500));
    expect(telegram.messages.slice(before).filter((m) => m.chat_id === '-2002')).toEqual([]);
  });

  it('an operator pauses entry and resumes from Telegram; the bot obeys and the audit log names the user', async () => {
    expect(await command(OPERATOR_TG, '/pause entry telegram maintenance', /Done|Refused/)).toMatch(/Done.*paused \(entry\)/);
    const state = await s.get<{ paused: boolean; scope: string; reason: string }>('/api/v1/pause-state');
    expect(state.body).toMatchObject({ paused: true, scope: 'entry' });
    expect(state.body.reason).toBe(`${operator}: telegram maintenance`);
    expect(await command(OPERATOR_TG, '/resume maintenance over', /Done|Refused/)).toMatch(/Done.*not paused/);
    const entries = await auditEntries(client, s.token, 'action=control.pause.entry');
    expect(entries.some((e) => e.actor_name === operator && e.outcome === 'success')).toBe(true);
  });

  it('a viewer may read but not pause; nobody can emergency stop from Telegram', async () => {
    expect(await command(VIEWER_TG, '/pause entry viewer tries', /Refused|Done/)).toMatch(/Refused: your role \(viewer\) may not pause/);
    expect(await command(ADMIN_TG, '/stop', /Emergency stop/)).toContain('not available from Telegram');
    expect(await command(VIEWER_TG, '/help', /Commands for/)).not.toContain('/pause');
  });

  it('limits /status to 5 a minute per user (Q12)', async () => {
    const user = 21;
    await client.call('PUT', '/api/v1/alerts/telegram/links', {
      token: s.token,
      body: {
        links: [
          { telegram_user_id: ADMIN_TG, username: 'admin' },
          { telegram_user_id: OPERATOR_TG, username: operator },
          { telegram_user_id: user, username: 'admin' },
        ],
      },
    });
    for (let i = 0; i < 5; i++) await command(user, '/status', /Bot: /);
    expect(await command(user, '/status', /Rate limit|Bot: /)).toMatch(/Rate limit exceeded\. Try again in \d+s\./);
  });

  it('/ack acknowledges an alert as the linked user', async () => {
    const positions = await s.get<{ positions: Array<{ position_id: string }> }>('/api/v1/positions');
    const id = positions.body.positions[0]!.position_id;
    await s.stack.sim.control.setHealthFactor('0.14', id);
    const alertId = await until('the critical alert', async () => {
      const res = await client.call<{ alerts: Array<{ id: string }> }>('GET', `/api/v1/alerts/history?position_id=${id}`, {
        token: s.token,
      });
      return res.body.alerts?.[0]?.id;
    });
    expect(await command(OPERATOR_TG, `/ack ${alertId}`, /Acknowledged|No alert/)).toContain('CRITICAL: Health Factor Alert');
    const res = await client.call<{ acknowledged_by: string }>('GET', `/api/v1/alerts/${alertId}`, { token: s.token });
    expect(res.body.acknowledged_by).toBe(operator);
  });
});
