import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe(passwordProblem.name, () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(passwordProblem('correct horse battery staple')).toBeUndefined();
    expect(passwordProblem('all lowercase words here')).toBeUndefined();
  });

  it('refuses fewer than 12 or more than 128 characters', () => {
    expect(passwordProblem('Short1!x')).toMatch(/at least 12/);
    expect(passwordProblem('a'.repeat(64) + 'B'.repeat(65))).toMatch(/at most 128/);
  });

  it('counts characters, not bytes', () => {
    expect(passwordProblem('ééééééééééé')).toMatch(/at least 12/); // 11 characters, 22 bytes
  });

  it('refuses passwords from the bundled common-password list, in any case', () => {
    expect(passwordProblem('passwordpassword')).toMatch(/common/);
    expect(passwordProblem('PASSWORDPASSWORD')).toMatch(/common/);
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/common/);
  });

  it('refuses a password that contains the username', () => {
    expect(passwordProblem('alice-is-the-best-trader', 'alice')).toMatch(/username/);
  });
});
