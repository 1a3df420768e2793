import type { BotLifecycle } from '@dnb/contracts';
import type { Tone } from '@/components/ui/status-badge';

/** The bot's lifecycle as a word and a tone. */
export function botPresentation(state: BotLifecycle): { tone: Tone; label: string } {
  switch (state) {
    case 'running':
      return { tone: 'success', label: 'Running' };
    case 'degraded':
      return { tone: 'warning', label: 'Degraded' };
    case 'starting':
      return { tone: 'info', label: 'Starting' };
    case 'recovering':
      return { tone: 'info', label: 'Recovering' };
    case 'shutdown':
      return { tone: 'danger', label: 'Shut down' };
    case 'unavailable':
      return { tone: 'offline', label: 'Unavailable' };
  }
}
