import { POSITION_SORT_FIELDS, type BotPositionSummary, type PositionSortField, type PositionsSummary } from '@dnb/contracts';
import { compareDecimals, sumDecimals } from './decimal-sum';

/** Filtering, sorting and summing of a position list; pure, so it is tested on its own. */

const DECIMAL_FIELDS: ReadonlySet<PositionSortField> = new Set([
  'leverage',
  'deployed_usd',
  'long_value_usd',
  'short_value_usd',
  'delta',
  'delta_ratio',
  'asgard_hf',
  'hyperliquid_mf',
  'total_pnl_usd',
  'funding_pnl_usd',
]);

export const SORT_PATTERN = new RegExp(`^(${POSITION_SORT_FIELDS.join('|')})(:(asc|desc))?$`);
export const DEFAULT_SORT = 'opened_at:desc';

export interface PositionFilter {
  status?: BotPositionSummary['status'];
  asset?: BotPositionSummary['asset'];
  /** "field" or "field:asc|desc" (validated against SORT_PATTERN). */
  sort?: string;
}

export function selectPositions(all: readonly BotPositionSummary[], filter: PositionFilter): BotPositionSummary[] {
  const [field, direction] = parseSort(filter.sort ?? DEFAULT_SORT);
  const sign = direction === 'desc' ? -1 : 1;
  return all
    .filter((p) => (filter.status === undefined || p.status === filter.status) && (filter.asset === undefined || p.asset === filter.asset))
    .sort((a, b) => sign * compareField(a, b, field) || (a.position_id < b.position_id ? -1 : a.position_id > b.position_id ? 1 : 0));
}

export function parseSort(sort: string): [PositionSortField, 'asc' | 'desc'] {
  const match = SORT_PATTERN.exec(sort);
  if (!match) throw new RangeError(`invalid sort: ${sort}`);
  return [match[1] as PositionSortField, (match[3] as 'asc' | 'desc' | undefined) ?? 'asc'];
}

function compareField(a: BotPositionSummary, b: BotPositionSummary, field: PositionSortField): number {
  if (DECIMAL_FIELDS.has(field)) return compareDecimals(a[field] as string, b[field] as string);
  const x = a[field];
  const y = b[field];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Spec 3.1's summary of a list; sums are exact decimal strings. */
export function summarise(positions: readonly BotPositionSummary[]): PositionsSummary {
  return {
    total_positions: positions.length,
    open_positions: positions.filter((p) => p.status === 'open').length,
    closing_positions: positions.filter((p) => p.status === 'closing').length,
    closed_positions: positions.filter((p) => p.status === 'closed').length,
    total_pnl_usd: sumDecimals(positions.map((p) => p.total_pnl_usd)),
    total_deployed_usd: sumDecimals(positions.map((p) => p.deployed_usd)),
  };
}
