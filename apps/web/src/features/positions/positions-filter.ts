import type { BotPositionSummary } from '@dnb/contracts';
import { compareDecimals } from '@/lib/format';
import { positionHealth, type HealthLevel } from '@/lib/risk';

/** Columns the positions table sorts by; decimals compare exactly (decimal.js), never as floats. */
export const SORT_FIELDS = [
  'asset',
  'opened_at',
  'leverage',
  'deployed_usd',
  'total_pnl_usd',
  'funding_pnl_usd',
  'asgard_hf',
  'hyperliquid_mf',
  'delta_ratio',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

export interface PositionsFilter {
  /** Matches the id or the asset, case-insensitive. */
  search: string;
  asset: string | null;
  status: BotPositionSummary['status'] | null;
  /** 'attention': anything worse than healthy. */
  health: 'attention' | null;
  sort: SortField;
  direction: SortDirection;
}

export const DEFAULT_FILTER: PositionsFilter = {
  search: '',
  asset: null,
  status: null,
  health: null,
  sort: 'opened_at',
  direction: 'desc',
};

const TEXT_FIELDS: ReadonlySet<SortField> = new Set(['asset', 'opened_at']);
const NEEDS_ATTENTION: ReadonlySet<HealthLevel> = new Set(['warning', 'critical', 'emergency']);

function compare(a: BotPositionSummary, b: BotPositionSummary, field: SortField): number {
  return TEXT_FIELDS.has(field) ? a[field].localeCompare(b[field]) : compareDecimals(a[field], b[field]);
}

export function filterPositions(positions: readonly BotPositionSummary[], filter: PositionsFilter): BotPositionSummary[] {
  const needle = filter.search.trim().toLowerCase();
  const kept = positions.filter(
    (p) =>
      (!needle || p.position_id.toLowerCase().includes(needle) || p.asset.toLowerCase().includes(needle)) &&
      (!filter.asset || p.asset === filter.asset) &&
      (!filter.status || p.status === filter.status) &&
      (!filter.health || NEEDS_ATTENTION.has(positionHealth(p))),
  );
  const sign = filter.direction === 'asc' ? 1 : -1;
  // Ties keep a stable order by id, so rows do not jump as live updates arrive.
  return kept.sort((a, b) => sign * compare(a, b, filter.sort) || a.position_id.localeCompare(b.position_id));
}

/** The filter from the URL (shareable, survives reloads); unknown values fall back to defaults. */
export function filterFromParams(params: URLSearchParams): PositionsFilter {
  const sort = params.get('sort');
  const status = params.get('status');
  return {
    search: params.get('q') ?? '',
    asset: params.get('asset') || null,
    status: status === 'open' || status === 'closing' || status === 'closed' ? status : null,
    health: params.get('health') === 'attention' ? 'attention' : null,
    sort: SORT_FIELDS.includes(sort as SortField) ? (sort as SortField) : DEFAULT_FILTER.sort,
    direction: params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : DEFAULT_FILTER.direction,
  };
}

export function filterToParams(filter: PositionsFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.search) params.set('q', filter.search);
  if (filter.asset) params.set('asset', filter.asset);
  if (filter.status) params.set('status', filter.status);
  if (filter.health) params.set('health', filter.health);
  if (filter.sort !== DEFAULT_FILTER.sort || filter.direction !== DEFAULT_FILTER.direction) {
    params.set('sort', filter.sort);
    params.set('dir', filter.direction);
  }
  return params;
}
