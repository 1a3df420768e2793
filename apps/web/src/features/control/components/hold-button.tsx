import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** Q15: the emergency stop fires only after a deliberate 3 s hold. */
export const HOLD_MS = 3_000;
const TICK_MS = 50;

/**
 * A button that must be held down (pointer, or Space / Enter from the keyboard) for `holdMs`;
 * letting go earlier cancels. A plain click only explains how to use it.
 */
export function HoldButton({
  onHeld,
  disabled,
  children,
  holdMs = HOLD_MS,
  describedBy,
}: {
  onHeld: () => void;
  disabled?: boolean;
  children: ReactNode;
  holdMs?: number;
  describedBy?: string;
}) {
  const [progress, setProgress] = useState(0);
  const [hint, setHint] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  const started = useRef(0);
  /** The click that ends a completed hold is not a plain click. */
  const justHeld = useRef(false);

  const cancel = () => {
    clearInterval(timer.current);
    timer.current = undefined;
    setProgress(0);
  };

  const start = () => {
    if (disabled || timer.current) return;
    setHint(false);
    started.current = Date.now();
    timer.current = setInterval(() => {
      const elapsed = Date.now() - started.current;
      if (elapsed >= holdMs) {
        cancel();
        justHeld.current = true;
        onHeld();
      } else {
        setProgress(elapsed / holdMs);
      }
    }, TICK_MS);
  };

  useEffect(() => () => clearInterval(timer.current), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== ' ' && event.key !== 'Enter') return;
    event.preventDefault(); // no click: only the hold counts
    if (!event.repeat) start();
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key === ' ' || event.key === 'Enter') cancel();
  };

  const holding = progress > 0;
  return (
    <>
      <button
        type="button"
        className="button button-danger hold-button"
        disabled={disabled}
        aria-describedby={describedBy}
        onPointerDown={(e) => {
          if (e.button === 0) start();
        }}
        onPointerUp={cancel}
        onPointerLeave={cancel}
        onPointerCancel={cancel}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
        onBlur={cancel}
        onClick={() => {
          if (!holding && !justHeld.current) setHint(true);
          justHeld.current = false;
        }}
        onContextMenu={(e) => e.preventDefault()}
        data-holding={holding}
      >
        <span className="hold-progress" style={{ transform: `scaleX(${progress})` }} aria-hidden="true" />
        <span className="hold-label">{children}</span>
      </button>
      <span className="visually-hidden" role="status">
        {holding ? `Keep holding: ${Math.ceil(((1 - progress) * holdMs) / 1000)} s` : ''}
      </span>
      {hint && (
        <p className="field-hint" role="status">
          Press and hold for 3 seconds (mouse, touch, or Space / Enter on the keyboard).
        </p>
      )}
    </>
  );
}
