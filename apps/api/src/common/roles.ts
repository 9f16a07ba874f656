/** The four roles of PRODUCT.md; a user holds one or more. */
export enum Role {
  ADMIN = 'ADMIN',
  EVALUATOR = 'EVALUATOR',
  COACH = 'COACH',
  AGENT = 'AGENT',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
