import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { Router } from '@angular/router';
import { homeScreen, SCREENS } from '@decalogo/access';
import type { ScreenName } from '@decalogo/access';
import { SessionService } from './session.service';

/** Signed-in users only; others go to sign in (and come back afterwards). */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  // inject() only works before the first await.
  const session = inject(SessionService);
  const router = inject(Router);
  if (await session.restore()) return true;
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Route data `screen`: users whose roles do not see that screen (libs/access) go back to the start. */
export const screenGuard: CanActivateFn = (route) => {
  const screen = route.data['screen'] as ScreenName | undefined;
  return !screen || inject(SessionService).sees(screen) ? true : inject(Router).createUrlTree(['/']);
};

/** The empty path sends a signed-in user to their role's start screen (libs/access's HOME_SCREENS). */
export const homeRedirect: CanActivateFn = () => {
  const session = inject(SessionService);
  const home = SCREENS[homeScreen(session.user()?.roles ?? [])].path;
  return inject(Router).createUrlTree([`/${home}`]);
};
