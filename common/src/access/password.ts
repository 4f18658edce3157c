/**
 * The rule for a new password, checked as it is typed in the browser and again on the server:
 * at least PASSWORD_MIN_LENGTH characters, and not the current one.
 */
export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblem = 'tooShort' | 'sameAsCurrent';

/** What is wrong with a new password, or null. `current`, when known, must differ from it. */
export function newPasswordProblem(next: string, current?: string): PasswordProblem | null {
  if (next.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (current !== undefined && next === current) return 'sameAsCurrent';
  return null;
}
