import { Client } from 'pg';
import { withTimeout } from './with-timeout';

/** What the lease needs from its own database connection (a real pg.Client; a fake in unit tests). */
export interface LockConnection {
  /** pg_try_advisory_lock: true when this session now holds the leader lock. */
  tryLock(): Promise<boolean>;
  /** Adds one to the fencing epoch (naming this replica) and returns it. */
  bumpEpoch(holder: string): Promise<number>;
  /** A round trip, to learn early that the session (and so the lock) is gone. */
  ping(): Promise<void>;
  /** Called once when the connection fails or closes: the lock went with it. */
  onLost(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

export interface LeaseEvents {
  acquired(epoch: number): Promise<void> | void;
  lost(reason: string): Promise<void> | void;
}

export interface LeaseOptions {
  /** How often a follower asks for the lock, and the leader checks its session. */
  retryMs: number;
  /** A check that takes longer than this counts as a lost session. */
  checkTimeoutMs: number;
  holder: string;
}

/**
 * The leader lease: a PostgreSQL session advisory lock held on a connection of its own (not the
 * ORM's pool). PostgreSQL frees it the moment that session ends, which a kill -9 does at once
 * (the kernel closes the socket), so a follower asking every retryMs takes over within about
 * retryMs. Each acquisition bumps the fencing epoch; whoever appends checks it (see
 * DatabaseEventLog.fence), so a leader that lost its session can never write after the next one
 * started. On any doubt (connection error, slow check) the leader steps down at once.
 */
export class LeaderLease {
  private connection: LockConnection | null = null;
  private leading = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly connect: () => Promise<LockConnection>,
    private readonly events: LeaseEvents,
    private readonly options: LeaseOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  isLeading(): boolean {
    return this.leading;
  }

  /** Stops asking; a leader releases by closing its session. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.turn;
    await this.drop('stopping');
  }

  /** Gives up the lead (closing the session frees the lock); asks again from the next turn. */
  resign(reason: string): Promise<void> {
    this.turn = this.turn.then(() => this.drop(reason)).catch(() => undefined);
    return this.turn;
  }

  /** One turn of the loop (exposed for tests): connect, then try for the lock or check it. */
  tick(): Promise<void> {
    this.turn = this.turn.then(() => this.tickNow()).catch(() => undefined);
    return this.turn;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.schedule(this.options.retryMs));
    }, delayMs);
    this.timer.unref();
  }

  private async tickNow(): Promise<void> {
    if (this.stopped) return;
    try {
      if (!this.connection) {
        const connection = await this.connect();
        connection.onLost((reason) => void this.lostSession(connection, reason));
        this.connection = connection;
      }
      const connection = this.connection;
      if (this.leading) {
        await withTimeout(connection.ping(), this.options.checkTimeoutMs);
        return;
      }
      if (!(await withTimeout(connection.tryLock(), this.options.checkTimeoutMs))) return;
      const epoch = await withTimeout(connection.bumpEpoch(this.options.holder), this.options.checkTimeoutMs);
      if (this.connection !== connection) return; // lost meanwhile
      this.leading = true;
      await this.events.acquired(epoch);
    } catch (error) {
      await this.drop(`lease check failed: ${(error as Error).message}`);
    }
  }

  private async lostSession(connection: LockConnection, reason: string): Promise<void> {
    if (this.connection !== connection) return;
    await this.drop(reason);
  }

  /** Forgets the session (closing it frees the lock) and steps down if leading. */
  private async drop(reason: string): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    const wasLeading = this.leading;
    this.leading = false;
    if (wasLeading) await this.events.lost(reason);
    await connection?.close().catch(() => undefined);
  }
}

/** The lock's key: one number for the whole installation's database. */
export const LEADER_LOCK_KEY = 7_341_092_118;

/**
 * The lease's connection on PostgreSQL (node-postgres, TCP keepalive on). The session is also
 * ended by the server when it sits idle for idleTimeoutMs (idle_session_timeout, PostgreSQL 14+):
 * the leader checks it every retryMs, so only a leader that froze (SIGSTOP, a host gone without
 * closing its sockets) goes quiet that long, and then its lock is freed as a dead one's is.
 */
export async function postgresLockConnection(url: string, connectTimeoutMs: number, idleTimeoutMs: number): Promise<LockConnection> {
  const client = new Client({
    connectionString: url,
    application_name: 'control-center-leader-lease',
    keepAlive: true,
    connectionTimeoutMillis: connectTimeoutMs,
  });
  const listeners: Array<(reason: string) => void> = [];
  let lost = false;
  const lose = (reason: string) => {
    if (lost) return;
    lost = true;
    for (const listener of listeners) listener(reason);
  };
  client.on('error', (error) => lose(`lease connection error: ${error.message}`));
  client.on('end', () => lose('lease connection closed'));
  await client.connect();
  try {
    await client.query(`SET idle_session_timeout = ${Math.round(idleTimeoutMs)}`);
  } catch {
    // PostgreSQL before 14: a frozen leader keeps the lock until its connection drops.
  }
  return {
    async tryLock() {
      const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LEADER_LOCK_KEY]);
      return result.rows[0]?.locked === true;
    },
    async bumpEpoch(holder) {
      const result = await client.query<{ epoch: string }>(
        'UPDATE cluster_lease SET epoch = epoch + 1, leader = $1, acquired_at = $2 WHERE id = 1 RETURNING epoch',
        [holder, new Date().toISOString()],
      );
      const epoch = Number(result.rows[0]?.epoch);
      if (!Number.isSafeInteger(epoch)) throw new Error('cluster_lease has no row (are the migrations applied?)');
      return epoch;
    },
    async ping() {
      await client.query('SELECT 1');
    },
    onLost(listener) {
      listeners.push(listener);
    },
    async close() {
      lost = true;
      await client.end();
    },
  };
}
