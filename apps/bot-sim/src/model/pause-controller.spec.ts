import type { PauseScope } from '@dnb/contracts';
import { describe, expect, it } from 'vitest';
import { CircuitBreakers } from './circuit-breakers';
import { isBlocked, PauseController, pausedByOf, type BotAction } from './pause-controller';

describe('pause scopes', () => {
  const cases: [PauseScope, BotAction[], BotAction[]][] = [
    ['all', ['scan', 'open', 'close', 'rebalance'], []],
    ['entry', ['open'], ['scan', 'close', 'rebalance']],
    ['exit', ['close'], ['scan', 'open', 'rebalance']],
    ['asgard', ['open', 'close'], ['scan', 'rebalance']],
    ['hyperliquid', ['open', 'close', 'rebalance'], ['scan']],
  ];
  it.each(cases)('scope %s blocks %j and allows %j', (scope, blocked, allowed) => {
    for (const action of blocked) expect(isBlocked(action, [scope])).toBe(true);
    for (const action of allowed) expect(isBlocked(action, [scope])).toBe(false);
  });

  it('blocks nothing with no scope in force', () => {
    for (const action of ['scan', 'open', 'close', 'rebalance'] as const) expect(isBlocked(action, [])).toBe(false);
  });
});

describe(PauseController.name, () => {
  it('takes paused_by from the reason prefix, admin otherwise', () => {
    expect(pausedByOf('alice: maintenance')).toBe('alice');
    expect(pausedByOf('maintenance window')).toBe('admin');
    expect(pausedByOf('note:no space')).toBe('admin');
  });

  it('shows not paused with scope all when nothing is in force', () => {
    expect(new PauseController().view([])).toEqual({
      paused: false,
      scope: 'all',
      reason: null,
      paused_at: null,
      paused_by: null,
      active_breakers: [],
    });
  });

  it('shows a breaker of scope all over an operator pause of scope entry, and lists the breaker', () => {
    const pause = new PauseController();
    const breakers = new CircuitBreakers();
    pause.pause('entry', 'bob: rates look odd', Date.UTC(2025, 1, 4, 12));
    breakers.trip('chain_outage', Date.UTC(2025, 1, 4, 11), { reason: 'solana RPC unreachable' });
    const view = pause.view(breakers.active());
    expect(view).toMatchObject({
      paused: true,
      scope: 'all',
      paused_by: 'circuit_breaker',
      reason: 'solana RPC unreachable',
      active_breakers: ['chain_outage'],
    });
    expect(view.paused_at).toBe('2025-02-04T11:00:00');
    expect(pause.scopes(breakers.active()).sort()).toEqual(['all', 'entry']);
  });

  it('resume clears the operator pause only', () => {
    const pause = new PauseController();
    pause.pause('exit', 'carol: hold', 0);
    expect(pause.resume()?.scope).toBe('exit');
    expect(pause.current).toBeNull();
  });
});
