/** The four roles (docs/api.md#roles); a user holds one or more. */
export enum Role {
  ADMIN = 'ADMIN',
  EVALUATOR = 'EVALUATOR',
  COACH = 'COACH',
  AGENT = 'AGENT',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
