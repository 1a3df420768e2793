import { describe, expect, it } from 'vitest';
import { BotContractValidator } from './bot-contract.validator';

const validator = new BotContractValidator();
const pause = { paused: false, scope: 'all', reason: null, paused_at: null, paused_by: null, active_breakers: [] };

describe(BotContractValidator.name, () => {
  it('accepts answers that follow the contract (naive datetimes included)', () => {
    expect(validator.check('pauseState', { ...pause, paused: true, paused_at: '2025-02-04T12:00:00.123000' })).toBeUndefined();
    expect(validator.check('health', { status: 'healthy', state: 'running' })).toBeUndefined();
  });

  it('refuses a decimal sent as a JSON number', () => {
    const stats = {
      uptime_seconds: 1,
      uptime_formatted: '00:00:01',
      opportunities_found: 0,
      positions_opened: 0,
      positions_closed: 0,
      errors_count: 0,
    };
    expect(validator.check('stats', stats)).toBeUndefined();
    const summary = { position_id: 'p', asset: 'SOL', status: 'open', leverage: 3.0 };
    expect(validator.check('positions', { p: summary })).toMatch(/leverage|required/);
  });

  it('refuses unknown enum values, missing fields and wrong types', () => {
    expect(validator.check('health', { status: 'healthy', state: 'dancing' })).toBeDefined();
    expect(validator.check('pauseState', { paused: false, scope: 'all' })).toMatch(/active_breakers/);
    expect(validator.check('pauseState', { ...pause, active_breakers: ['meteor_strike'] })).toBeDefined();
    expect(validator.check('positions', [])).toBeDefined();
  });

  it('finds the schema of an extension answer by its path, ignoring the query', () => {
    expect(validator.checkPath('GET', '/internal/circuit-breakers?since=2025-01-01T00:00:00', { circuit_breakers: [] })).toBeUndefined();
    expect(validator.checkPath('GET', '/internal/chains', { solana: { connected: 'yes' } })).toBeDefined();
    expect(validator.checkPath('GET', '/internal/positions/pos_1', {})).toBeDefined();
    expect(validator.checkPath('GET', '/internal/unknown', {})).toMatch(/does not describe/);
  });
});
