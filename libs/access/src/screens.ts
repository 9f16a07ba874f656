import { rolesFor, rolesWithScope } from './rules.js';
import type { Action, Role, Scope } from './table.js';

/**
 * The web app's screens and who sees each: the roles that may take the screen's action (and,
 * with `scope`, only those whose scope for it is that one). The route guards and the menu read
 * this; the API checks every request again.
 */
export interface Screen {
  readonly path: string;
  readonly action: Action;
  readonly scope?: Scope;
}

export const SCREENS = {
  rubric: { path: 'rubric', action: 'rubric.read' },
  feedback: { path: 'feedback', action: 'evaluation.acknowledge' },
  queue: { path: 'queue', action: 'evaluation.start' },
  evaluations: { path: 'evaluations', action: 'calls.read' },
  scoring: { path: 'evaluations/:id', action: 'evaluation.save' },
  disputes: { path: 'disputes', action: 'dispute.resolve' },
  /** Any agent's page (`agents/me` is the signed-in agent's own). */
  agent: { path: 'agents/:id', action: 'progress.read' },
  myProgress: { path: 'agents/me', action: 'progress.read', scope: 'own' },
  team: { path: 'team', action: 'team.overview' },
  coaching: { path: 'coaching', action: 'coaching.manage' },
  newPlan: { path: 'coaching/new', action: 'coaching.manage' },
  plan: { path: 'coaching/:id', action: 'coaching.read' },
  admin: { path: 'admin', action: 'users.manage' },
  sampling: { path: 'sampling', action: 'sampling.manage' },
  samplingPlan: { path: 'sampling/:id', action: 'sampling.manage' },
} as const satisfies Record<string, Screen>;

export type ScreenName = keyof typeof SCREENS;

/** The roles that see a screen. */
export function screenRoles(name: ScreenName): Role[] {
  const screen: Screen = SCREENS[name];
  return screen.scope ? rolesWithScope(screen.action, screen.scope) : rolesFor(screen.action);
}

export function seesScreen(roles: readonly Role[], name: ScreenName): boolean {
  const allowed = screenRoles(name);
  return roles.some((role) => allowed.includes(role));
}

/** Where each role starts, first match wins: the screen of its daily job. */
export const HOME_SCREENS: ReadonlyArray<readonly [Role, ScreenName]> = [
  ['AGENT', 'feedback'],
  ['COACH', 'team'],
  ['EVALUATOR', 'queue'],
  ['ADMIN', 'rubric'],
];

export function homeScreen(roles: readonly Role[]): ScreenName {
  return HOME_SCREENS.find(([role]) => roles.includes(role))?.[1] ?? 'rubric';
}
