/** The API's rule for a control action's reason (PauseDto, ResumeDto, EmergencyStopDto). */
export const REASON_MIN = 3;
export const REASON_MAX = 500;

/** Null when valid, else what is wrong (trimmed length counts). */
export function reasonProblem(reason: string): string | null {
  const length = reason.trim().length;
  if (length < REASON_MIN) return `Give a reason (at least ${REASON_MIN} characters).`;
  if (length > REASON_MAX) return `Keep the reason to ${REASON_MAX} characters (${length} now).`;
  return null;
}
