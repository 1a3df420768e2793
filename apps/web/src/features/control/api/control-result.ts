import type { BotPauseState } from '@dnb/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { showToast } from '@/components/ui/toast';
import type { components } from '@/lib/api-schema';
import { LIVE_QUERY_KEY, type LiveState } from '@/lib/live/live-state';

export type ControlResult = components['schemas']['ControlResultDto'];

/**
 * The answer is the pause state the bot reports after the call: show it at once (the feed's
 * event follows and agrees), and say how it went.
 */
export function applyControlResult(queryClient: QueryClient, action: string, result: ControlResult): void {
  queryClient.setQueryData<LiveState>(LIVE_QUERY_KEY, (live) =>
    live ? { ...live, pause_state: result.pause_state as BotPauseState, updated_at: Date.now() } : live,
  );
  if (result.outcome === 'success') {
    showToast({ tone: 'success', title: result.changed ? `${action}: done` : `${action}: already in that state`, message: result.message });
  } else if (result.outcome === 'unknown') {
    showToast({
      tone: 'warning',
      title: `${action}: the bot did not confirm in time`,
      message: result.message ?? 'Check the pause state before acting again.',
    });
  } else {
    showToast({ tone: 'danger', title: `${action}: the bot did not do it`, message: result.message });
  }
}
