import { dictionary } from '@zxcvbn-ts/language-common';

/** ASVS 5.0 (6.2): 12-128 characters, no composition rules, not a known common password. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// ~49,000 passwords from breach corpora, bundled with zxcvbn-ts (no network at run time).
const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** Returns why the password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is a commonly used password';
  if (username && lower.includes(username.toLowerCase())) return 'must not contain the username';
  // One character repeated, or a common password padded with repetition ("password1111").
  if (/^(.)\1+$/.test(password)) return 'is a commonly used password';
  const stripped = lower.replace(/(.)\1{2,}$/u, '$1');
  if (stripped !== lower && COMMON.has(stripped)) return 'is a commonly used password';
  return undefined;
}
