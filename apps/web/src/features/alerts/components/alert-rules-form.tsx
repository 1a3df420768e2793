import { ALERT_TYPES, Permission } from '@dnb/contracts';
import { useState, type FormEvent } from 'react';
import { FormErrorSummary, FormField } from '@/components/ui/form-field';
import { PermissionNote } from '@/components/ui/permission-note';
import { showToast } from '@/components/ui/toast';
import { fieldErrorsOf, messagesFor } from '@/lib/field-errors';
import { useUpdateAlertConfig, type AlertRules } from '../api/alert-config';
import { humanize } from '../alert-presentation';

const LEVELS = ['warning', 'critical', 'emergency'] as const;

/** Thresholds, throttles and switches of the alert rules (spec 6.1, 6.4); read-only without the permission. */
export function AlertRulesForm({ rules, canEdit }: { rules: AlertRules; canEdit: boolean }) {
  const [draft, setDraft] = useState<AlertRules>(rules);
  const update = useUpdateAlertConfig();
  const errors = fieldErrorsOf(update.error);
  const err = (path: string) => messagesFor(errors, `rules.${path}`);

  const setLevel = (level: (typeof LEVELS)[number], key: keyof AlertRules['health']['warning'], value: string) =>
    setDraft((d) => ({
      ...d,
      health: { ...d.health, [level]: { ...d.health[level], [key]: key === 'throttle_seconds' ? Number(value) : value } },
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ rules: draft }, { onSuccess: () => showToast({ tone: 'success', title: 'Alert rules saved' }) });
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="rules-heading">
      <div className="section-header">
        <h2 id="rules-heading">Rules</h2>
        {!canEdit && <PermissionNote permission={Permission.AlertRulesWrite}>Editing rules:</PermissionNote>}
      </div>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Health factor and margin fraction levels</legend>
        <div className="form-grid">
          {LEVELS.map((level) => (
            <div key={level} className="stack">
              <strong>{humanize(level)}</strong>
              <FormField
                label={`${humanize(level)}: health factor below`}
                errors={err(`health.${level}.health_factor_below`)}
                hint="Fraction: 0.20 means 20%"
              >
                <input
                  inputMode="decimal"
                  value={draft.health[level].health_factor_below}
                  onChange={(e) => setLevel(level, 'health_factor_below', e.target.value)}
                />
              </FormField>
              <FormField label={`${humanize(level)}: margin fraction below`} errors={err(`health.${level}.margin_fraction_below`)}>
                <input
                  inputMode="decimal"
                  value={draft.health[level].margin_fraction_below}
                  onChange={(e) => setLevel(level, 'margin_fraction_below', e.target.value)}
                />
              </FormField>
              <FormField
                label={`${humanize(level)}: throttle (seconds)`}
                errors={err(`health.${level}.throttle_seconds`)}
                hint="0: no throttle"
              >
                <input
                  type="number"
                  min={0}
                  value={draft.health[level].throttle_seconds}
                  onChange={(e) => setLevel(level, 'throttle_seconds', e.target.value)}
                />
              </FormField>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Delta drift</legend>
        <FormField label="Alert when |delta ratio| is above" errors={err('delta_drift_above')} hint="0.005 means 0.5%">
          <input
            inputMode="decimal"
            value={draft.delta_drift_above}
            onChange={(e) => setDraft((d) => ({ ...d, delta_drift_above: e.target.value }))}
          />
        </FormField>
      </fieldset>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Alert types</legend>
        <div className="form-grid">
          {ALERT_TYPES.map((type) => (
            <div key={type} className="stack">
              <label className="checkbox-row">
                <input
                  type="checkbox"
                  checked={draft.enabled[type] ?? true}
                  onChange={(e) => setDraft((d) => ({ ...d, enabled: { ...d.enabled, [type]: e.target.checked } }))}
                />
                {humanize(type)}
              </label>
              {type in draft.throttle_seconds && (
                <FormField label={`${humanize(type)}: throttle (seconds)`} errors={err(`throttle_seconds.${type}`)}>
                  <input
                    type="number"
                    min={0}
                    value={draft.throttle_seconds[type]}
                    onChange={(e) =>
                      setDraft((d) => ({ ...d, throttle_seconds: { ...d.throttle_seconds, [type]: Number(e.target.value) } }))
                    }
                  />
                </FormField>
              )}
            </div>
          ))}
        </div>
      </fieldset>
      {update.isError && <FormErrorSummary error={update.error} />}
      {canEdit && (
        <div className="actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save rules'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setDraft(rules)}>
            Discard changes
          </button>
        </div>
      )}
    </form>
  );
}
