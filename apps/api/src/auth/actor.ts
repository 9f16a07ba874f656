import type { Locale, Role } from '../common/roles.js';

/** Who is calling, as loaded from the database for this request (never trusted from the token alone). */
export interface Actor {
  id: string;
  email: string;
  roles: readonly Role[];
  teamId: string | null;
  locale: Locale;
}
