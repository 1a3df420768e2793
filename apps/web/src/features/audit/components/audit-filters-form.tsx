import { useState, type FormEvent } from 'react';
import { FormField } from '@/components/ui/form-field';
import { EMPTY_FILTERS, type AuditFilterForm } from '../audit-filters';

const OUTCOMES = ['success', 'failure', 'denied', 'attempt', 'unknown'] as const;

/** Filters apply on submit (one request, not one per keystroke). */
export function AuditFiltersForm({ value, onApply }: { value: AuditFilterForm; onApply: (form: AuditFilterForm) => void }) {
  const [form, setForm] = useState(value);
  const set = (key: keyof AuditFilterForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(form);
  };
  return (
    <form className="toolbar" onSubmit={submit} aria-label="Audit log filters">
      <FormField label="Actor" hint="Exact user or key name">
        <input value={form.actor} onChange={set('actor')} autoComplete="off" />
      </FormField>
      <FormField label="Action" hint="Exact, e.g. config.update">
        <input value={form.action} onChange={set('action')} autoComplete="off" />
      </FormField>
      <FormField label="Outcome">
        <select value={form.outcome} onChange={set('outcome')}>
          <option value="">Any</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="From (your time)">
        <input type="datetime-local" value={form.from} onChange={set('from')} />
      </FormField>
      <FormField label="To (your time)">
        <input type="datetime-local" value={form.to} onChange={set('to')} />
      </FormField>
      <div className="actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setForm(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
