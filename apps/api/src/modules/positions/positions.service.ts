import { Injectable } from '@nestjs/common';
import type { BotPositionSummary, PositionDetailResponse, PositionsResponse, PositionsSummary } from '@dnb/contracts';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import { LIST_INCOMPLETE_STATES } from '../bot-bridge/bridge-diff';
import { recoveryProgress } from '../status/status.service';
import { selectPositions, summarise, type PositionFilter } from './positions-query';

/** A filtered, sorted and summed list; shared by every answer built from the same bridge snapshot. */
interface Selection {
  positions: readonly BotPositionSummary[];
  summary: Readonly<PositionsSummary>;
  /** `{"positions":[...],"summary":{...}` (no closing brace), serialised on first use. */
  json?: string;
}

/** Positions from the bridge's cache; the detail is read through the bridge. */
@Injectable()
export class PositionsService {
  /**
   * Per bridge snapshot (the bridge replaces its positions object on every successful poll),
   * the selections already computed, by filter: exact decimal sorting and summing run once per
   * poll and filter, not once per request.
   */
  private readonly selections = new WeakMap<object, Map<string, Selection>>();

  constructor(private readonly bridge: BotBridgeService) {}

  async list(filter: PositionFilter): Promise<PositionsResponse> {
    const read = await this.bridge.read('positions');
    const state = read.lifecycle;
    // Progress only exists while the bot starts or recovers; the snapshot is not needed otherwise.
    const progress = state === 'starting' || state === 'recovering' ? recoveryProgress(this.bridge.snapshot()) : null;
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
    const body = read.data === null ? null : this.answer(this.select(read.data, filter), state, progress, read.freshness);
    // Fresh, or stale while the bot is only slow (labelled by freshness): 200; otherwise 502/503/504 with the list as cached_data.
    if (!read.servable || !body) throw this.bridge.unavailableException(read, body);
    return body;
  }

  /**
   * The JSON of list()'s 200 answer when it needs no waiting and the list is complete (bot
   * running or degraded); undefined otherwise, and then list() answers with its states and
   * errors. Byte for byte what list()'s answer serialises to: the selection is serialised once
   * per snapshot and filter, only the freshness (its age moves every millisecond) per request.
   */
  listJsonNow(filter: PositionFilter): string | undefined {
    const read = this.bridge.readNow('positions');
    if (!read?.servable || read.data === null || LIST_INCOMPLETE_STATES.has(read.lifecycle)) return undefined;
    const selection = this.select(read.data, filter);
    selection.json ??= JSON.stringify({ positions: selection.positions, summary: selection.summary }).slice(0, -1);
    return `${selection.json},"bot_state":${JSON.stringify(read.lifecycle)},"complete":true,"recovery_progress":null,"freshness":${JSON.stringify(read.freshness)}}`;
  }

  async detail(id: string, correlationId?: string): Promise<PositionDetailResponse> {
    const { detail, asOf } = await this.bridge.readPositionDetail(id, correlationId);
    return { ...detail, freshness: { source: 'live', as_of: new Date(asOf).toISOString(), age_ms: Math.max(0, Date.now() - asOf) } };
  }

  private select(all: Record<string, BotPositionSummary>, filter: PositionFilter): Selection {
    let byFilter = this.selections.get(all);
    if (!byFilter) {
      byFilter = new Map();
      this.selections.set(all, byFilter);
    }
    // The validation pipe bounds the filters (known statuses, assets and sort fields).
    const key = `${filter.status ?? ''}|${filter.asset ?? ''}|${filter.sort ?? ''}`;
    let selection = byFilter.get(key);
    if (!selection) {
      const positions = Object.freeze(selectPositions(Object.values(all), filter));
      selection = { positions, summary: Object.freeze(summarise(positions)) };
      byFilter.set(key, selection);
    }
    return selection;
  }

  private answer(
    selection: Selection,
    state: PositionsResponse['bot_state'],
    progress: PositionsResponse['recovery_progress'],
    freshness: PositionsResponse['freshness'],
  ): PositionsResponse {
    const complete = !LIST_INCOMPLETE_STATES.has(state);
    const answer: PositionsResponse = {
      // Shared, frozen: serialised as is, never modified.
      positions: selection.positions as PositionsResponse['positions'],
      summary: selection.summary,
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
