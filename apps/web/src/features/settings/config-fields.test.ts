import { describe, expect, it } from 'vitest';
import { draftFromConfig, patchOf, previewChanges, type BotConfig } from './config-fields';

const CONFIG: BotConfig = {
  bot: { max_concurrent_positions: 5, enable_auto_exit: true, min_opportunity_apy: '0.01' },
  risk: { max_leverage: '4.0', default_leverage: '3.0' },
};

describe('config preview', () => {
  it('shows nothing for an untouched form', () => {
    expect(previewChanges(CONFIG, draftFromConfig(CONFIG))).toEqual([]);
  });

  it('treats "4" and "4.0" as the same leverage, as the API does', () => {
    expect(previewChanges(CONFIG, { ...draftFromConfig(CONFIG), 'risk.max_leverage': '4' })).toEqual([]);
  });

  it('lists each changed field old -> new, integers as numbers and decimals as typed', () => {
    const draft = {
      ...draftFromConfig(CONFIG),
      'bot.max_concurrent_positions': '3',
      'risk.max_leverage': '3.50',
      'bot.enable_auto_exit': false,
    };
    const changes = previewChanges(CONFIG, draft);
    expect(changes).toEqual([
      { path: 'risk.max_leverage', before: '4.0', after: '3.50' },
      { path: 'bot.max_concurrent_positions', before: 5, after: 3 },
      { path: 'bot.enable_auto_exit', before: true, after: false },
    ]);
    expect(patchOf(changes)).toEqual({ risk: { max_leverage: '3.50' }, bot: { max_concurrent_positions: 3, enable_auto_exit: false } });
  });

  it('leaves out fields the bot does not report', () => {
    expect(Object.keys(draftFromConfig({ risk: { max_leverage: '2' } }))).toEqual(['risk.max_leverage']);
  });
});
