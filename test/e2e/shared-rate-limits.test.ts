import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api';
import { Client, loginRequest, strongPassword } from '../support/auth';
import { freePort } from '../support/ports';
import { startRedis, type RunningRedis } from '../support/redis';

describe('rate limits shared through Redis (REDIS_URL): two API processes, one count', () => {
  let redis: RunningRedis;
  const apis: RunningApi[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const botApiUrl = `http://127.0.0.1:${await freePort()}`;
    for (let i = 0; i < 2; i++) {
      apis.push(
        await startApi({
          botApiUrl,
          botAdminKey: `bot-${randomBytes(16).toString('hex')}`,
          env: { REDIS_URL: redis.url, ADMIN_PASSWORD: strongPassword(), LOG_LEVEL: 'warn' },
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await redis?.stop();
  });

  it('refuses the 6th wrong password for a user at the 2nd API after 5 spread over both (spec 5.3: 5 per 5 minutes)', async () => {
    const [a, b] = apis.map((api) => new Client(api.url)) as [Client, Client];
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await loginRequest(i % 2 ? b : a, 'admin', `wrong ${i} ${randomBytes(4).toString('hex')}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const sixth = await loginRequest(b, 'admin', 'wrong again');
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
  });
});
