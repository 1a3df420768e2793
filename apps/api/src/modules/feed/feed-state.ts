import { applyFeedEvent, type BridgeBaselineEvent, type FeedChannel, type FeedEvent, type FeedState } from '@dnb/contracts';

/**
 * The feed's state at one seq: the bridge's baseline with every sequenced event since applied.
 * A snapshot sent with seq N is exactly this state after event N, so a client that applies
 * the events after N gets what a fresh snapshot would give (spec Q4).
 */
export class FeedProjection {
  private state: FeedState = { positions: {}, pause_state: null, stats: null, bot: { state: 'unavailable', reason: 'not polled yet' } };

  /** Replaces everything with the bridge's baseline. */
  reset(baseline: BridgeBaselineEvent['payload']): void {
    this.state = {
      positions: { ...baseline.positions },
      pause_state: baseline.pause_state,
      stats: baseline.stats,
      bot: { state: baseline.lifecycle, reason: baseline.reason },
    };
  }

  /** The whole state, as a copy (the leader shares it with replicas that start later). */
  export(): FeedState {
    return structuredClone(this.state);
  }

  /** Replaces everything with a state export() gave. */
  restore(state: FeedState): void {
    this.state = structuredClone(state);
  }

  apply(event: FeedEvent): void {
    applyFeedEvent(this.state, event);
  }

  /** The parts of the state a client subscribed to, as a copy it may keep. */
  view(channels: ReadonlySet<FeedChannel>): Partial<FeedState> {
    const s = this.state;
    const view: Partial<FeedState> = {};
    if (channels.has('positions')) view.positions = { ...s.positions };
    if (channels.has('pause_state')) view.pause_state = s.pause_state;
    if (channels.has('stats')) view.stats = s.stats;
    if (channels.has('bot')) view.bot = { ...s.bot };
    return view;
  }
}
