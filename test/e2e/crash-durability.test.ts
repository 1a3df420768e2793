import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, inject, it } from 'vitest';
import { startApi, type ApiOptions, type RunningApi } from '../support/api';
import { Client, createPostgresDatabase, login, strongPassword, withPg } from '../support/auth';
import { freePort } from '../support/ports';
import { until } from '../support/until';

/** Issue 9: crashes while writing. CRASH_KILLS lowers it for a quick local run. */
const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const WRITERS = 4;

/** The rows a check needs: every silence and its audit entry. */
interface Stored {
  silences: Set<string>;
  audited: Set<string>;
}

async function storedOnSqlite(dataDir: string): Promise<Stored & { integrity: string }> {
  const db = new Database(join(dataDir, 'control-center.db'), { readonly: true });
  try {
    const silences = new Set((db.prepare('SELECT id FROM alert_silences').all() as Array<{ id: string }>).map((r) => r.id));
    const audited = new Set(
      (db.prepare("SELECT target FROM audit_log WHERE action = 'alert.silence.create'").all() as Array<{ target: string }>).map(
        (r) => r.target,
      ),
    );
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    return { silences, audited, integrity };
  } finally {
    db.close();
  }
}

async function storedOnPostgres(url: string): Promise<Stored> {
  return withPg(url, async (pg) => ({
    silences: new Set((await pg.query('SELECT id FROM alert_silences')).rows.map((r) => String(r.id))),
    audited: new Set(
      (await pg.query("SELECT target FROM audit_log WHERE action = 'alert.silence.create'")).rows.map((r) => String(r.target)),
    ),
  }));
}

describe.each(['sqlite', 'postgres'] as const)('kill -9 of the API during writes on %s', (engine) => {
  it(
    `loses no acknowledged write over ${KILLS} crashes, and the audit chain and the database stay whole`,
    { timeout: 900_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'dnb-crash-'));
      const password = strongPassword();
      const databaseUrl = engine === 'postgres' ? await createPostgresDatabase(inject('databaseUrl'), 'crash') : undefined;
      const options: ApiOptions = {
        dataDir,
        databaseUrl,
        // No bot: the writes here do not need one.
        botApiUrl: `http://127.0.0.1:${await freePort()}`,
        botAdminKey: `bot-${randomBytes(16).toString('hex')}`,
        env: {
          JWT_SECRET: `crash-${randomBytes(24).toString('hex')}`,
          ADMIN_PASSWORD: password,
          RATE_LIMIT_ROLE_MULTIPLIER: '1000',
          LOG_LEVEL: 'warn',
        },
      };
      let api: RunningApi = await startApi(options);
      const port = api.port;
      try {
        const client = new Client(api.url);
        const token = (await login(client, 'admin', password)).accessToken;
        const acknowledged = new Set<string>();
        let refused = 0;
        const endsAt = new Date(Date.now() + 86_400_000).toISOString();
        for (let round = 0; round < KILLS; round++) {
          let writing = true;
          let roundAcks = 0;
          const writers = Array.from({ length: WRITERS }, async () => {
            while (writing) {
              try {
                const res = await client.call<{ id: string }>('POST', '/api/v1/alerts/silences', {
                  token,
                  body: { ends_at: endsAt, reason: `crash round ${round}` },
                });
                if (res.status === 201) {
                  acknowledged.add(res.body.id);
                  roundAcks++;
                } else refused++;
              } catch {
                // The connection died with the process: not acknowledged, so nothing is owed.
              }
            }
          });
          // Writes are flowing (one was acknowledged), then the crash lands at a random moment among them.
          await until(`round ${round}: a first acknowledged write`, () => (roundAcks > 0 ? true : undefined), 30_000);
          await new Promise((r) => setTimeout(r, Math.random() * 150));
          await api.process.kill();
          writing = false;
          await Promise.all(writers);
          api = await startApi({ ...options, port });
        }
        expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS);
        // Only a dying process refuses nothing: every answer that came was a 201.
        expect(refused).toBe(0);

        const verify = await client.call<{ valid: boolean }>('GET', '/api/v1/audit/verify', { token });
        expect(verify.status).toBe(200);
        expect(verify.body.valid, JSON.stringify(verify.body)).toBe(true);
        await api.stop();
        const stored = engine === 'sqlite' ? await storedOnSqlite(dataDir) : await storedOnPostgres(databaseUrl!);
        const lost = [...acknowledged].filter((id) => !stored.silences.has(id));
        const unaudited = [...acknowledged].filter((id) => !stored.audited.has(id));
        expect(lost, `acknowledged but lost (of ${acknowledged.size})`).toEqual([]);
        expect(unaudited, 'acknowledged without its audit entry').toEqual([]);
        if ('integrity' in stored) expect(stored.integrity).toBe('ok');
        console.log(`${engine}: ${KILLS} kills, ${acknowledged.size} acknowledged writes, 0 lost, audit chain valid`);
      } finally {
        await api.stop().catch(() => undefined);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
