import { ACCESS, EXCEPTIONS, ROLES } from './table.js';
import type { Action, ActionRule, Role, Scope, Subject } from './table.js';

/** Who is asking: their id and the roles they hold now (and, for team records, their team). */
export interface AccessActor {
  readonly id: string;
  readonly roles: readonly Role[];
}

export type Verdict = { readonly allowed: true } | { readonly allowed: false; readonly message?: string };

const ALLOWED: Verdict = { allowed: true };

export const ruleOf = (action: Action): ActionRule => ACCESS[action];

export const isAction = (name: string): name is Action => Object.prototype.hasOwnProperty.call(ACCESS, name);

export const isPublic = (action: Action): boolean => ruleOf(action).public === true;

/** The scopes one role has for an action; none when the role may not take it. */
export function scopeFor(action: Action, role: Role): readonly Scope[] {
  const scope = ruleOf(action).roles[role];
  if (scope === undefined) return [];
  return typeof scope === 'string' ? [scope] : scope;
}

/** The roles that may take an action (on some record), in the order of ROLES. */
export function rolesFor(action: Action): Role[] {
  return ROLES.filter((role) => scopeFor(action, role).length > 0);
}

/** The roles whose scope for an action includes `scope` (e.g. who reads their own progress). */
export function rolesWithScope(action: Action, scope: Scope): Role[] {
  return ROLES.filter((role) => scopeFor(action, role).includes(scope));
}

/** Whether someone holding `roles` may take the action at all (public actions: anyone). */
export function mayTake(roles: readonly Role[], action: Action): boolean {
  return isPublic(action) || roles.some((role) => scopeFor(action, role).length > 0);
}

/** Every scope the roles give for the action. */
export function scopesOf(roles: readonly Role[], action: Action): Set<Scope> {
  return new Set(roles.flatMap((role) => scopeFor(action, role)));
}

/** The action whose answer decides whether the caller sees the record at all. */
export function seenWith(action: Action): Action {
  const other = ruleOf(action).seenWith;
  return other !== undefined && isAction(other) ? other : action;
}

/**
 * Whether the decision needs to know if the record is in a team the actor coaches (the one
 * fact that costs a database read): only when nothing cheaper settles it.
 */
export function needsCoachedTeam(action: Action, actor: AccessActor, subject: Subject): boolean {
  const scopes = scopesOf(actor.roles, action);
  if (!scopes.has('coached')) return false;
  const verdict = decide(action, actor, subject, false);
  return !verdict.allowed && !deniedByException(action, actor, subject);
}

function deniedByException(action: Action, actor: AccessActor, subject: Subject): boolean {
  return (ruleOf(action).exceptions ?? []).some((name) => {
    const exception = EXCEPTIONS[name];
    return exception.effect === 'deny' && exception.applies(actor.id, subject);
  });
}

/**
 * The decision for one record: no scope → refused; a granting exception → allowed; a denying
 * one → refused with its message; otherwise whether one of the actor's scopes reaches the record.
 * `inCoachedTeam`: whether the record belongs to a team the actor coaches now.
 */
export function decide(action: Action, actor: AccessActor, subject: Subject, inCoachedTeam: boolean): Verdict {
  const rule = ruleOf(action);
  if (rule.public) return ALLOWED;
  const scopes = scopesOf(actor.roles, action);
  if (!scopes.size) return { allowed: false };
  const exceptions = (rule.exceptions ?? []).map((name) => EXCEPTIONS[name]);
  if (exceptions.some((e) => e.effect === 'grant' && e.applies(actor.id, subject))) return ALLOWED;
  const denial = exceptions.find((e) => e.effect === 'deny' && e.applies(actor.id, subject));
  if (denial) return { allowed: false, message: 'message' in denial ? denial.message : undefined };
  const reaches =
    scopes.has('any') ||
    (scopes.has('own') && subject.owner === actor.id) ||
    (scopes.has('author') && subject.author === actor.id) ||
    (scopes.has('coached') && inCoachedTeam);
  return reaches ? ALLOWED : { allowed: false, message: rule.denied };
}
