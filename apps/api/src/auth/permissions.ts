import { Role } from '../common/roles.js';

/**
 * Every operation's permission, declared once. A resolver method names one of these through
 * `@Allow(...)`; record-level scope (own, same team) is checked by the services through
 * `ScopeService`. The schema test fails when a query or mutation has none.
 */
export type Policy = { readonly public: true } | { readonly public?: false; readonly roles: readonly Role[] };

export const Permission = {
  /** Anyone, without a token (sign-in). */
  Public: { public: true },
  /** Any signed-in user; what they may see is narrowed by scope in the service. */
  SignedIn: { roles: [Role.ADMIN, Role.EVALUATOR, Role.COACH, Role.AGENT] },
  ManageUsers: { roles: [Role.ADMIN] },
  ManageTeams: { roles: [Role.ADMIN] },
  ManageRubric: { roles: [Role.ADMIN] },
} as const satisfies Record<string, Policy>;

export type PermissionName = keyof typeof Permission;
