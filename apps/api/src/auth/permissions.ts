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
  /** Calls: ADMIN and EVALUATOR all; COACH those of the agents they coach (ScopeService). */
  ReadCalls: { roles: [Role.ADMIN, Role.EVALUATOR, Role.COACH] },
  CreateCalls: { roles: [Role.ADMIN, Role.EVALUATOR] },
  ImportCalls: { roles: [Role.ADMIN, Role.EVALUATOR] },
  /** Start, save and submit evaluations (a COACH only of the agents they coach; nobody of their own calls). */
  Evaluate: { roles: [Role.ADMIN, Role.EVALUATOR, Role.COACH] },
  /** Reading evaluations: every role, narrowed by ScopeService (an agent reads only their own). */
  ReadEvaluations: { roles: [Role.ADMIN, Role.EVALUATOR, Role.COACH, Role.AGENT] },
  /** Acknowledge or dispute an evaluation, acknowledge a coaching session: only the agent concerned (checked in the service). */
  RespondToEvaluation: { roles: [Role.AGENT] },
  /** By an evaluator other than the author, or an admin. */
  ResolveDisputes: { roles: [Role.ADMIN, Role.EVALUATOR] },
  ReadAuditLog: { roles: [Role.ADMIN] },
  /** Progress: ADMIN; a COACH of the agent's team; the agent themself (ScopeService). */
  ReadProgress: { roles: [Role.ADMIN, Role.COACH, Role.AGENT] },
  ReadTeamOverview: { roles: [Role.ADMIN, Role.COACH] },
  /** Create, edit, log, complete, cancel plans: a COACH of the agent's team, or an ADMIN (ScopeService.managesCoachingOf). */
  ManageCoaching: { roles: [Role.ADMIN, Role.COACH] },
} as const satisfies Record<string, Policy>;

export type PermissionName = keyof typeof Permission;
