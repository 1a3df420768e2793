import { Injectable } from '@nestjs/common';
import type { PositionDetailResponse, PositionsResponse } from '@dnb/contracts';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import { LIST_INCOMPLETE_STATES } from '../bot-bridge/bridge-diff';
import { recoveryProgress } from '../status/status.service';
import { selectPositions, summarise, type PositionFilter } from './positions-query';

/** Positions from the bridge's cache; the detail is read through the bridge. */
@Injectable()
export class PositionsService {
  constructor(private readonly bridge: BotBridgeService) {}

  async list(filter: PositionFilter): Promise<PositionsResponse> {
    const read = await this.bridge.read('positions');
    const snapshot = this.bridge.snapshot();
    const state = read.lifecycle;
    const progress = recoveryProgress(snapshot);
    if (state === 'starting') {
      // Q6: the bot has no list yet. 200 with the state, never an empty list that reads as "no positions".
      return {
        positions: [],
        summary: summarise([]),
        bot_state: state,
        complete: false,
        recovery_progress: progress,
        note: 'The bot is starting and has not reported its positions yet: this empty list does not mean there are no positions.',
        freshness: read.freshness,
      };
    }
    const body = read.data === null ? null : this.answer(Object.values(read.data), filter, state, progress, read.freshness);
    if (!read.fresh || !body) throw this.bridge.unavailableException(read, body);
    return body;
  }

  async detail(id: string): Promise<PositionDetailResponse> {
    const { detail, asOf } = await this.bridge.readPositionDetail(id);
    return { ...detail, freshness: { source: 'live', as_of: new Date(asOf).toISOString(), age_ms: Math.max(0, Date.now() - asOf) } };
  }

  private answer(
    all: PositionsResponse['positions'],
    filter: PositionFilter,
    state: PositionsResponse['bot_state'],
    progress: PositionsResponse['recovery_progress'],
    freshness: PositionsResponse['freshness'],
  ): PositionsResponse {
    const positions = selectPositions(all, filter);
    const complete = !LIST_INCOMPLETE_STATES.has(state);
    const answer: PositionsResponse = {
      positions,
      summary: summarise(positions),
      bot_state: state,
      complete,
      recovery_progress: progress,
      freshness,
    };
    if (complete) return answer;
    const soFar =
      progress && progress.positions_expected !== null ? ` (${progress.positions_found} of ${progress.positions_expected} so far)` : '';
    const note =
      state === 'shutdown'
        ? 'The bot is shutting down: this list may be incomplete.'
        : `The bot is recovering its positions after a restart: this list is incomplete${soFar}. It is not the full list.`;
    return { ...answer, note };
  }
}
