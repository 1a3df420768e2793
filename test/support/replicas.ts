import { randomBytes } from 'node:crypto';
import { startApi, type RunningApi } from './api';
import { createPostgresDatabase, strongPassword } from './auth';
import { getJson, waitFor } from './process';
import { startRedis, type RunningRedis } from './redis';
import { startSim, type SimOptions } from './sim';
import { startProxy, type RunningProxy } from './caddy';

export type RunningSim = Awaited<ReturnType<typeof startSim>>;

export interface ClusterRole {
  role: 'leader' | 'follower';
  epoch: number | null;
  clustered: boolean;
}

export interface ReplicaSet {
  sim: RunningSim;
  redis: RunningRedis;
  proxy: RunningProxy;
  databaseUrl: string;
  adminPassword: string;
  /** The replicas by index; a killed one stays in place until restarted. */
  apis: RunningApi[];
  /** Readiness of one replica (with its role), or undefined when it does not answer. */
  role(api: RunningApi): Promise<ClusterRole | undefined>;
  /** Waits until exactly one live replica leads; returns its index. */
  leader(timeoutMs?: number): Promise<number>;
  /** Starts replica i again (same port, same settings) after a kill. */
  restart(i: number): Promise<RunningApi>;
  stop(): Promise<void>;
}

export interface ReplicaSetOptions {
  replicas?: number;
  /** Start every replica at once on the empty database (as compose does), not one after the other. */
  together?: boolean;
  sim?: SimOptions;
  env?: NodeJS.ProcessEnv;
}

/**
 * Issue 9's production shape on loopback: a fresh PostgreSQL database, Debian's redis-server,
 * the simulator, N API replicas sharing both (same JWT and encryption secrets), and the
 * repository's Caddyfile in front of all of them.
 */
export async function startReplicaSet(postgresUrl: string, options: ReplicaSetOptions = {}): Promise<ReplicaSet> {
  const databaseUrl = await createPostgresDatabase(postgresUrl, 'replicas');
  const redis = await startRedis();
  const sim = await startSim(options.sim ?? {});
  const adminPassword = strongPassword();
  const env: NodeJS.ProcessEnv = {
    REDIS_URL: redis.url,
    JWT_SECRET: `replicas-jwt-${randomBytes(24).toString('hex')}`,
    SECRETS_ENCRYPTION_KEY: `replicas-enc-${randomBytes(24).toString('hex')}`,
    ADMIN_PASSWORD: adminPassword,
    TRUSTED_PROXIES: '127.0.0.1',
    ...options.env,
  };
  const apis: RunningApi[] = [];
  const start = (port?: number) => startApi({ botApiUrl: sim.url, botAdminKey: sim.adminKey, databaseUrl, port, env });
  let proxy: RunningProxy | undefined;
  try {
    const count = options.replicas ?? 2;
    if (options.together) {
      // All at once: they take turns at the migrations and race to create the first admin.
      const started = await Promise.allSettled(Array.from({ length: count }, () => start()));
      for (const result of started) if (result.status === 'fulfilled') apis.push(result.value);
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    } else {
      // One after the other: the first creates the schema and the admin.
      for (let i = 0; i < count; i++) apis.push(await start());
    }
    proxy = await startProxy(apis.map((api) => `127.0.0.1:${api.port}`));
  } catch (error) {
    await Promise.allSettled(apis.map((api) => api.stop()));
    await sim.stop();
    await redis.stop();
    throw error;
  }
  const role = async (api: RunningApi): Promise<ClusterRole | undefined> => {
    if (api.process.exited()) return undefined;
    const res = await getJson(`${api.url}/api/v1/health/ready`);
    return (res?.body as { cluster?: ClusterRole } | undefined)?.cluster;
  };
  const set: ReplicaSet = {
    sim,
    redis,
    proxy,
    databaseUrl,
    adminPassword,
    apis,
    role,
    async leader(timeoutMs = 15_000) {
      return waitFor(
        'exactly one leading replica',
        async () => {
          const roles = await Promise.all(apis.map(role));
          const leaders = roles.flatMap((r, i) => (r?.role === 'leader' ? [i] : []));
          return leaders.length === 1 ? leaders[0]! + 1 : undefined;
        },
        { timeoutMs, intervalMs: 50 },
      ).then((i) => i - 1);
    },
    async restart(i) {
      await apis[i]!.stop(); // already exited: removes its data dir
      apis[i] = await start(apis[i]!.port);
      return apis[i];
    },
    async stop() {
      await proxy?.stop();
      await Promise.allSettled(apis.map((api) => api.stop()));
      await sim.stop();
      await redis.stop();
    },
  };
  return set;
}
