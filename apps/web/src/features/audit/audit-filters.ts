import type { AuditEntry, AuditFilters } from './api/get-audit';

/** The filter form as typed: local date-times from <input type="datetime-local">. */
export interface AuditFilterForm {
  actor: string;
  action: string;
  outcome: '' | AuditEntry['outcome'];
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilterForm = { actor: '', action: '', outcome: '', from: '', to: '' };

/** A datetime-local value ("2026-11-21T14:05", the viewer's zone) as UTC ISO; undefined when empty or invalid. */
export function localInputToUtc(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The API query for a filter form: empty fields left out, times in UTC. */
export function toAuditQuery(form: AuditFilterForm): AuditFilters {
  const query: AuditFilters = {};
  if (form.actor.trim()) query.actor = form.actor.trim();
  if (form.action.trim()) query.action = form.action.trim();
  if (form.outcome) query.outcome = form.outcome;
  const from = localInputToUtc(form.from);
  const to = localInputToUtc(form.to);
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}
