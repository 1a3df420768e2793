import { describe, expect, it } from 'vitest';
import { MASKED, type Channel } from './api/alert-config';
import { channelPayload, channelsForUpdate, draftOf } from './channel-payload';

const hook: Channel = {
  name: 'ops',
  kind: 'webhook',
  enabled: true,
  escalation: false,
  severities: ['critical'],
  url: 'https://hooks.example.com/dnb',
  secret: MASKED as unknown as Channel['secret'],
  source: 'api',
};
const envTelegram: Channel = {
  name: 'env-telegram',
  kind: 'telegram',
  enabled: true,
  escalation: true,
  severities: ['critical'],
  chat_id: '-1',
  source: 'env',
};

describe('channel payload', () => {
  it('sends the mask for a stored secret nobody retyped, so the API keeps it', () => {
    expect(channelPayload(draftOf(hook), hook)).toMatchObject({ name: 'ops', url: 'https://hooks.example.com/dnb', secret: MASKED });
  });

  it('sends a secret only when one was typed', () => {
    const draft = { ...draftOf(hook), secrets: { secret: 'new-signing-key' } };
    expect(channelPayload(draft, hook).secret).toBe('new-signing-key');
    expect('secret' in channelPayload(draftOf(), undefined)).toBe(false);
  });

  it('replaces the edited channel, appends a new one, and never sends channels from the environment', () => {
    const edited = { ...draftOf(hook), enabled: false };
    expect(channelsForUpdate([hook, envTelegram], { index: 0, draft: edited })).toEqual([
      expect.objectContaining({ name: 'ops', enabled: false }),
    ]);
    const added = { ...draftOf(), name: 'discord', kind: 'discord' as const, secrets: { webhook_url: 'https://discord.example/x' } };
    expect(channelsForUpdate([hook, envTelegram], { index: null, draft: added }).map((c) => c.name)).toEqual(['ops', 'discord']);
    expect(channelsForUpdate([hook, envTelegram], null, 'ops')).toEqual([]);
  });
});
