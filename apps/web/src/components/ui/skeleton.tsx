import type { CSSProperties } from 'react';

/** A placeholder block while content loads (decorative; announce loading elsewhere). */
export function Skeleton({
  width,
  height = '1em',
  className,
}: {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  className?: string;
}) {
  return <span aria-hidden="true" className={['skeleton', className].filter(Boolean).join(' ')} style={{ width, height }} />;
}
