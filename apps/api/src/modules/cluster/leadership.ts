import { Global, Injectable, Module } from '@nestjs/common';

export type ClusterRole = 'leader' | 'follower';

export interface LeadershipView {
  role: ClusterRole;
  /** The fencing epoch this replica leads with (0 in single-process mode, null while following). */
  epoch: number | null;
  /** True when replicas elect a leader (PostgreSQL and REDIS_URL); false: this process always leads. */
  clustered: boolean;
  /** When the role last changed (epoch ms). */
  since: number;
}

type Listener = (view: LeadershipView) => void | Promise<void>;

/**
 * Who does the leader-only work (polling the bot, sequencing, alerts, history, backups, prunes).
 * Without replicas this process is the leader from the start and stays so, exactly as before;
 * with replicas the cluster's lease sets the role. It depends on nothing, so every module may
 * read it without an import cycle.
 */
@Injectable()
export class Leadership {
  private view: LeadershipView = { role: 'leader', epoch: 0, clustered: false, since: Date.now() };
  private readonly listeners = new Set<Listener>();

  isLeader(): boolean {
    return this.view.role === 'leader';
  }

  current(): LeadershipView {
    return this.view;
  }

  /** Called by the cluster service before the election starts: a replica starts as a follower. */
  startClustered(): void {
    this.view = { role: 'follower', epoch: null, clustered: true, since: Date.now() };
  }

  /** Listeners run in registration order; a promotion waits for each (they hand over state). */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sets the role; every listener runs even when one fails (their errors are returned, for the log). */
  async set(role: ClusterRole, epoch: number | null): Promise<unknown[]> {
    if (role === this.view.role && epoch === this.view.epoch) return [];
    this.view = { ...this.view, role, epoch, since: Date.now() };
    const errors: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        await listener(this.view);
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }
}

/** Global: Leadership is read by the bridge, the feed, alerts, history, backups, health and metrics. */
@Global()
@Module({ providers: [Leadership], exports: [Leadership] })
export class LeadershipModule {}
