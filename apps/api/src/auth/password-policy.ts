import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordLengthProblem } from './password.js';

/**
 * The passwords people pick most often, from zxcvbn-ts's common-language package (MIT): about
 * 49,000 entries ranked from leaked password lists. Only those long enough to pass the length
 * rule matter; they are kept lower-case, as the comparison is.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  dictionary['passwords-common'].filter((entry) => entry.length >= 8).map((entry) => entry.toLowerCase()),
);

/** Lower case without accents, so "Fernández" and "fernandez" are the same word. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Parts of a name or an e-mail too short to be worth refusing inside a password ("al", "de"). */
const MIN_PART_LENGTH = 4;

/**
 * Why `password` may not be used by this person, or null when it may. One rule set for every
 * path that sets a password (an administrator creating or editing a user, users changing their
 * own), following OWASP's authentication cheat sheet: a length in characters, not only spaces,
 * not built from the person's e-mail or name, and not one of the commonly used passwords.
 */
export function passwordPolicyProblem(password: string, person: { email: string; name: string }): string | null {
  const length = passwordLengthProblem(password);
  if (length) return length;
  if (password.trim() === '') return 'password must not be only spaces';
  const folded = fold(password);
  const compact = folded.replace(/\s+/g, '');
  const email = fold(person.email.trim());
  const localPart = email.split('@')[0] ?? '';
  if (
    compact === email.replace(/\s+/g, '') ||
    (localPart.length >= MIN_PART_LENGTH && compact.includes(localPart)) ||
    compact === localPart
  ) {
    return 'password must not contain your e-mail address';
  }
  const name = fold(person.name.trim());
  const nameParts = name.split(/[\s.,'-]+/).filter((part) => part.length >= MIN_PART_LENGTH);
  const wholeName = name.replace(/[\s.,'-]+/g, '');
  if ((wholeName.length > 0 && compact.includes(wholeName)) || nameParts.some((part) => compact.includes(part))) {
    return 'password must not contain your name';
  }
  if (COMMON_PASSWORDS.has(folded) || COMMON_PASSWORDS.has(compact)) {
    return 'password is one of the most common passwords; choose a less predictable one';
  }
  return null;
}
