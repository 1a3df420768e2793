import { Permission } from '@dnb/contracts';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { useCan } from '@/lib/auth/use-session';
import '@/styles/pages.css';
import { useAlertConfig } from '../api/alert-config';
import { AlertHistorySection } from './alert-history-section';
import { AlertRulesForm } from './alert-rules-form';
import { ChannelsSection } from './channels-section';
import { DeadLettersSection } from './dead-letters-section';
import { SilencesSection } from './silences-section';

/** Alerts: history with acknowledgement, silences, rules, channels with a test send, dead letters. */
export function AlertsPage() {
  const canAck = useCan(Permission.AlertsAck);
  const canSilence = useCan(Permission.AlertsSilence);
  const canEditRules = useCan(Permission.AlertRulesWrite);
  const canReadChannels = useCan(Permission.AlertChannelsRead);
  const canWriteChannels = useCan(Permission.AlertChannelsWrite);
  const canTest = useCan(Permission.AlertsTest);
  const canRetry = useCan(Permission.AlertsDeadLetterRetry);
  const config = useAlertConfig();

  return (
    <div className="page">
      <title>Alerts · Delta Neutral Control Center</title>
      <div className="page-header">
        <h1>Alerts</h1>
        <p className="muted">What the alert engine raised, where it went, and what decides it.</p>
      </div>
      <AlertHistorySection canAck={canAck} />
      <SilencesSection canSilence={canSilence} />
      <section className="card page-section" aria-label="Alert rules">
        {config.isError ? (
          <QueryError error={config.error} onRetry={() => void config.refetch()} title="The alert configuration could not be loaded." />
        ) : config.isPending ? (
          <Skeleton height="10rem" />
        ) : (
          <AlertRulesForm rules={config.data.rules} canEdit={canEditRules} />
        )}
      </section>
      {config.data && (
        <ChannelsSection channels={canReadChannels ? config.data.channels : undefined} canWrite={canWriteChannels} canTest={canTest} />
      )}
      {canReadChannels && <DeadLettersSection canRetry={canRetry} />}
    </div>
  );
}
