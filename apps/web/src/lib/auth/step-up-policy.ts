import { getAccessClaims } from '@/lib/access-token';

/** The API refuses an emergency stop after this (Q15): the password must be proved again. */
export const STEP_UP_MAX_AGE_S = 15 * 60;
/** Ask a little early, so the token does not cross the limit between the dialog and the call. */
const MARGIN_S = 30;

/** True when the current login is too old for the most dangerous actions. */
export function needsStepUp(nowMs: number = Date.now(), authTime: number | undefined = getAccessClaims()?.auth_time): boolean {
  if (authTime === undefined) return true;
  return nowMs / 1000 - authTime > STEP_UP_MAX_AGE_S - MARGIN_S;
}
