import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { Router } from '@angular/router';
import { SessionService } from './session.service';
import type { Role } from './session.service';

/** Signed-in users only; others go to sign in (and come back afterwards). */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  // inject() only works before the first await.
  const session = inject(SessionService);
  const router = inject(Router);
  if (await session.restore()) return true;
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Route data `roles: Role[]`: users holding none of them go back to the start. */
export const roleGuard: CanActivateFn = (route) => {
  const roles = (route.data['roles'] ?? []) as Role[];
  return roles.length === 0 || inject(SessionService).hasRole(...roles) ? true : inject(Router).createUrlTree(['/']);
};

/** Where each role starts: the screen of its daily job. */
const HOME_BY_ROLE: ReadonlyArray<[Role, string]> = [
  ['AGENT', '/feedback'],
  ['COACH', '/team'],
  ['EVALUATOR', '/queue'],
  ['ADMIN', '/rubric'],
];

/** The empty path sends a signed-in user to their role's start screen. */
export const homeRedirect: CanActivateFn = () => {
  const session = inject(SessionService);
  const home = HOME_BY_ROLE.find(([role]) => session.hasRole(role))?.[1] ?? '/rubric';
  return inject(Router).createUrlTree([home]);
};
