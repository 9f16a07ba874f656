import argon2 from 'argon2';

/** OWASP's argon2id minimum (m=19 MiB, t=2, p=1): strong enough, and cheap enough for a 2-core server. */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
/** Long passphrases are welcome; the cap only stops a megabyte "password" from costing a hash. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * A password's length in characters as a person counts them: Unicode code points, so an emoji
 * is one character and not two UTF-16 units. The one count used wherever a password's length is
 * checked — when it is set and at sign-in — so a password accepted once is never refused later.
 */
export function passwordLength(password: string): number {
  let count = 0;
  for (const _ of password) count += 1;
  return count;
}

/** The message for a password outside the length rule, or null. */
export function passwordLengthProblem(password: string): string | null {
  const length = passwordLength(password);
  return length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH
    ? `password must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters`
    : null;
}

/** The first `max` characters (code points) of a password. */
export function truncatePassword(password: string, max = PASSWORD_MAX_LENGTH): string {
  return Array.from(password).slice(0, max).join('');
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/**
 * Verifies against a throw-away hash so that an unknown email costs as much time as a wrong
 * password: the answer must not reveal which accounts exist.
 */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-0000');
  await verifyPassword(await dummyHash, password);
}
