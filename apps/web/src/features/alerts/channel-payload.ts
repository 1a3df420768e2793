import { MASKED, type Channel, type ChannelInput } from './api/alert-config';

export const SECRET_FIELDS = { webhook: ['secret'], telegram: ['bot_token'], discord: ['webhook_url'] } as const;
type SecretField = 'secret' | 'bot_token' | 'webhook_url';

/** A channel being edited: plain fields, and each secret as typed ('' = keep what is stored). */
export interface ChannelDraft {
  name: string;
  kind: ChannelInput['kind'];
  enabled: boolean;
  escalation: boolean;
  severities: ChannelInput['severities'];
  url: string;
  chat_id: string;
  secrets: Partial<Record<SecretField, string>>;
}

export function draftOf(channel?: Channel): ChannelDraft {
  return {
    name: channel?.name ?? '',
    kind: channel?.kind ?? 'webhook',
    enabled: channel?.enabled ?? true,
    escalation: channel?.escalation ?? false,
    severities: channel?.severities ?? ['warning', 'critical'],
    url: channel?.url ?? '',
    chat_id: channel?.chat_id ?? '',
    secrets: {},
  };
}

/** Whether the stored channel has this secret (the API shows it masked). */
export function hasStoredSecret(channel: Channel | undefined, field: SecretField): boolean {
  return typeof channel?.[field] === 'string' && channel[field] !== '';
}

/**
 * The channel as PUT /alerts/config wants it. A secret left empty is sent as the mask, which
 * tells the API to keep the stored value: a secret only travels when the user typed a new one.
 */
export function channelPayload(draft: ChannelDraft, stored: Channel | undefined): ChannelInput {
  const out: ChannelInput = {
    name: draft.name.trim(),
    kind: draft.kind,
    enabled: draft.enabled,
    escalation: draft.escalation,
    severities: draft.severities,
  };
  if (draft.kind === 'webhook') out.url = draft.url.trim();
  if (draft.kind === 'telegram') out.chat_id = draft.chat_id.trim();
  if (draft.kind === 'webhook' && stored?.headers) out.headers = stored.headers;
  for (const field of SECRET_FIELDS[draft.kind]) {
    const typed = draft.secrets[field] ?? '';
    // The generated type says Record<string, never> for these (a quirk of the DTO); they are strings.
    const value = typed !== '' ? typed : hasStoredSecret(stored, field) && stored?.kind === draft.kind ? MASKED : undefined;
    if (value !== undefined) (out as Record<string, unknown>)[field] = value;
  }
  return out;
}

/** Every API-defined channel for the PUT (env channels are read-only and never sent). */
export function channelsForUpdate(
  channels: readonly Channel[],
  replace: { index: number | null; draft: ChannelDraft } | null,
  removeName?: string,
): ChannelInput[] {
  const apiChannels = channels.filter((channel) => channel.source === 'api');
  const out = apiChannels.filter((c) => c.name !== removeName).map((channel) => channelPayload(draftOf(channel), channel));
  if (replace) {
    const stored = replace.index === null ? undefined : apiChannels[replace.index];
    const payload = channelPayload(replace.draft, stored);
    const at = stored ? out.findIndex((c) => c.name === stored.name) : -1;
    if (at >= 0) out[at] = payload;
    else out.push(payload);
  }
  return out;
}
