import type Decimal from 'decimal.js';
import { toDecimal } from '@/lib/format';
import type { PnlPoint } from './api/get-pnl-history';

/** PnL over a window: the last total minus the first (exact); null without two known points. */
export function pnlChange(points: readonly PnlPoint[]): Decimal | null {
  const known = points.filter((p) => toDecimal(p.total_pnl) !== null);
  if (known.length < 2) return null;
  return toDecimal(known.at(-1)!.total_pnl)!.minus(toDecimal(known[0]!.total_pnl)!);
}
