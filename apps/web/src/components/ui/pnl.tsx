import { formatUsd, signOf, type DecimalInput } from '@/lib/format';

const SIGN_WORD = { positive: 'gain', negative: 'loss', zero: 'flat' } as const;
const SIGN_MARK = { positive: '▲', negative: '▼', zero: '•' } as const;

/** A PnL figure: sign in the text (+/-), an arrow, and colour; screen readers hear gain or loss. */
export function Pnl({ value, className }: { value: DecimalInput; className?: string }) {
  const sign = signOf(value);
  if (!sign) return <span className={['pnl', className].filter(Boolean).join(' ')}>—</span>;
  return (
    <span className={['pnl', `pnl-${sign}`, className].filter(Boolean).join(' ')} data-sign={sign}>
      <span aria-hidden="true" className="pnl-mark">
        {SIGN_MARK[sign]}
      </span>
      <span>{formatUsd(value, { signed: true })}</span>
      <span className="visually-hidden"> ({SIGN_WORD[sign]})</span>
    </span>
  );
}
