import { Permission } from '@dnb/contracts';
import { useState } from 'react';
import { PermissionNote } from '@/components/ui/permission-note';
import { StatusBadge } from '@/components/ui/status-badge';
import { showErrorToast, showToast } from '@/components/ui/toast';
import { useSendTestAlert } from '../api/send-test-alert';
import { useUpdateAlertConfig, type Channel } from '../api/alert-config';
import { channelsForUpdate, type ChannelDraft } from '../channel-payload';
import { ChannelForm } from './channel-form';

type Editing = { index: number | null } | null;

function ChannelCard({
  channel,
  canWrite,
  canTest,
  onEdit,
  onRemove,
}: {
  channel: Channel;
  canWrite: boolean;
  canTest: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const test = useSendTestAlert();
  const sendTest = () =>
    test.mutate(channel.name, {
      onSuccess: (result) =>
        showToast(
          result.ok
            ? { tone: 'success', title: `Test sent to ${channel.name}` }
            : { tone: 'danger', title: `Test to ${channel.name} failed`, message: result.error ?? `status ${String(result.status)}` },
        ),
      onError: (error) => showErrorToast(`Test to ${channel.name} failed`, error),
    });
  return (
    <li className="card stack" data-channel={channel.name}>
      <div className="section-header">
        <h3>{channel.name}</h3>
        <StatusBadge tone={channel.enabled ? 'success' : 'neutral'} size="sm">
          {channel.enabled ? 'Enabled' : 'Disabled'}
        </StatusBadge>
      </div>
      <dl className="facts">
        <div>
          <dt>Kind</dt>
          <dd>{channel.kind}</dd>
        </div>
        <div>
          <dt>Severities</dt>
          <dd>{channel.severities.join(', ') || 'none'}</dd>
        </div>
        <div>
          <dt>Escalation</dt>
          <dd>{channel.escalation ? 'Yes' : 'No'}</dd>
        </div>
        {channel.url && (
          <div>
            <dt>URL</dt>
            <dd>{channel.url}</dd>
          </div>
        )}
        {channel.chat_id && (
          <div>
            <dt>Chat ID</dt>
            <dd>{channel.chat_id}</dd>
          </div>
        )}
        {(['secret', 'bot_token', 'webhook_url'] as const)
          .filter((field) => channel[field])
          .map((field) => (
            <div key={field}>
              <dt>{field.replace('_', ' ')}</dt>
              <dd>
                <code>{String(channel[field])}</code>
              </dd>
            </div>
          ))}
        <div>
          <dt>Defined in</dt>
          <dd>{channel.source === 'env' ? 'Environment (read-only here)' : 'Control center'}</dd>
        </div>
      </dl>
      <div className="actions">
        {canTest && (
          <button type="button" className="button button-secondary button-small" onClick={sendTest} disabled={test.isPending}>
            {test.isPending ? 'Sending…' : 'Send test'}
            <span className="visually-hidden"> to {channel.name}</span>
          </button>
        )}
        {canWrite && channel.source === 'api' && (
          <>
            <button type="button" className="button button-secondary button-small" onClick={onEdit}>
              Edit<span className="visually-hidden"> {channel.name}</span>
            </button>
            <button type="button" className="button button-secondary button-small" onClick={onRemove}>
              Remove<span className="visually-hidden"> {channel.name}</span>
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** Where alerts go (admin): env channels read-only, API channels editable, a test send each. */
export function ChannelsSection({ channels, canWrite, canTest }: { channels: Channel[] | undefined; canWrite: boolean; canTest: boolean }) {
  const [editing, setEditing] = useState<Editing>(null);
  const update = useUpdateAlertConfig();
  const apiChannels = channels?.filter((c) => c.source === 'api') ?? [];

  if (!channels) {
    return (
      <section className="card page-section" aria-labelledby="channels-heading">
        <h2 id="channels-heading">Channels</h2>
        <PermissionNote permission={Permission.AlertChannelsRead}>Seeing and changing channels:</PermissionNote>
      </section>
    );
  }

  const save = (index: number | null, draft: ChannelDraft) =>
    update.mutate(
      { channels: channelsForUpdate(channels, { index, draft }) },
      {
        onSuccess: () => {
          showToast({ tone: 'success', title: `Channel ${draft.name} saved` });
          setEditing(null);
        },
      },
    );
  const remove = (name: string) => {
    if (!window.confirm(`Remove the channel ${name}? Alerts stop going there.`)) return;
    update.mutate(
      { channels: channelsForUpdate(channels, null, name) },
      {
        onSuccess: () => showToast({ tone: 'success', title: `Channel ${name} removed` }),
        onError: (error) => showErrorToast(`The channel ${name} could not be removed`, error),
      },
    );
  };
  // Field errors name the channel by its place in the PUT body: existing API channels first, a new one last.
  const formIndex = editing?.index ?? apiChannels.length;

  return (
    <section className="card page-section" aria-labelledby="channels-heading">
      <div className="section-header">
        <h2 id="channels-heading">Channels</h2>
        {canWrite && editing === null && (
          <button type="button" className="button" onClick={() => setEditing({ index: null })}>
            Add channel
          </button>
        )}
      </div>
      {editing !== null && (
        <ChannelForm
          key={editing.index ?? 'new'}
          stored={editing.index === null ? undefined : apiChannels[editing.index]}
          index={formIndex}
          error={update.error}
          saving={update.isPending}
          onSave={(draft) => save(editing.index, draft)}
          onCancel={() => {
            update.reset();
            setEditing(null);
          }}
        />
      )}
      {channels.length === 0 ? (
        <p className="empty-state">No channel: alerts are recorded but sent nowhere.</p>
      ) : (
        <ul className="grid-cards" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {channels.map((channel) => (
            <ChannelCard
              key={`${channel.source}-${channel.name}`}
              channel={channel}
              canWrite={canWrite}
              canTest={canTest}
              onEdit={() => setEditing({ index: apiChannels.indexOf(channel) })}
              onRemove={() => remove(channel.name)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
