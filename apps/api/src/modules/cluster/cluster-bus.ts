import Redis from 'ioredis';
import type { Logger } from 'pino';

const PREFIX = 'dnb:cluster:';
export const CLUSTER_CHANNELS = {
  /** The leader's sequenced events and baselines, in seq order. */
  feed: `${PREFIX}feed`,
  /** The leader's bridge view after each poll, with the seq it has reached. */
  bridge: `${PREFIX}bridge`,
  /** Followers' requests to whoever leads (poll now, sequence this, deliver alerts). */
  leader: `${PREFIX}leader`,
  /** Access revocations, so every replica closes the sockets concerned. */
  revocations: `${PREFIX}revocations`,
} as const;
export const CLUSTER_KEYS = {
  /** The leader's feed state ({seq, baselineSeq, state}) for replicas that start later. */
  feedState: `${PREFIX}feed-state`,
  /** The leader's last bridge view, for the same. */
  bridgeState: `${PREFIX}bridge-state`,
} as const;

export type ClusterChannel = (typeof CLUSTER_CHANNELS)[keyof typeof CLUSTER_CHANNELS];
/** Shared state outlives a leader briefly only: a replica starting much later waits for the next one. */
const STATE_TTL_S = 24 * 3600;

/**
 * Redis pub/sub between replicas (ioredis: one connection to publish and read keys, one to
 * subscribe; both reconnect on their own and resubscribe). Messages carry the sender's id, and
 * a replica ignores its own. A lost message is never fatal: feed gaps are filled from the shared
 * event log, and the bridge view is sent again after the next poll.
 */
export class ClusterBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, (message: unknown) => void>();

  constructor(
    url: string,
    readonly instanceId: string,
    private readonly logger: Logger,
  ) {
    const options = { maxRetriesPerRequest: 1, enableAutoPipelining: true, connectionName: `dnb-cluster-${instanceId}` };
    this.pub = new Redis(url, options);
    this.sub = new Redis(url, { ...options, connectionName: `dnb-cluster-sub-${instanceId}` });
    for (const connection of [this.pub, this.sub]) {
      connection.on('error', (error: Error) => this.logger.warn({ err: error }, 'cluster redis connection error'));
    }
    this.sub.on('message', (channel: string, text: string) => {
      const handler = this.handlers.get(channel);
      if (!handler) return;
      let message: { from?: string };
      try {
        message = JSON.parse(text) as { from?: string };
      } catch {
        return this.logger.warn({ channel }, 'cluster message is not JSON; ignored');
      }
      if (message.from === this.instanceId) return;
      handler(message);
    });
  }

  async subscribe(channel: ClusterChannel, handler: (message: unknown) => void): Promise<void> {
    this.handlers.set(channel, handler);
    await this.sub.subscribe(channel);
  }

  /** Fire and forget: a failure is logged (see the class comment for why that is enough). */
  publish(channel: ClusterChannel, message: object): void {
    this.pub
      .publish(channel, JSON.stringify({ ...message, from: this.instanceId }))
      .catch((error: unknown) => this.logger.warn({ err: error, channel }, 'cluster message not sent'));
  }

  /** Awaited: a forwarded request whose sending failed should fail its caller. */
  async send(channel: ClusterChannel, message: object): Promise<void> {
    await this.pub.publish(channel, JSON.stringify({ ...message, from: this.instanceId }));
  }

  setState(key: string, value: object): void {
    this.pub
      .set(key, JSON.stringify(value), 'EX', STATE_TTL_S)
      .catch((error: unknown) => this.logger.warn({ err: error, key }, 'cluster state not stored'));
  }

  async getState<T>(key: string): Promise<T | null> {
    const text = await this.pub.get(key);
    return text ? (JSON.parse(text) as T) : null;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }
}
